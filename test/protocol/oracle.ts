// What the server should publish for a text, computed by calling the core directly. The server
// is wiring around the same core, so its diagnostics and outline for the client's copy of a
// document must equal these: any difference means the server's view of the text or its offset
// conversion went wrong.
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver';
import {
  type Locale,
  type OutlineNode,
  outline,
  RULES,
  type SpeechTidySettings,
} from '../../server/src/core';
import { analyzeText } from '../support/fixtures';
import { rangeAt } from '../support/lspClient';

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export interface DiagnosticSummary {
  readonly code: string;
  readonly severity: number | undefined;
  readonly range: string;
  readonly message: string;
}

function rangeKey(range: Diagnostic['range']): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function sorted(summaries: DiagnosticSummary[]): DiagnosticSummary[] {
  return summaries.sort((a, b) =>
    `${a.range} ${a.code} ${a.message}`.localeCompare(`${b.range} ${b.code} ${b.message}`),
  );
}

/** A diagnostic's message as text (LSP 3.18 also allows markup, which this server never sends). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function summarize(diagnostics: readonly Diagnostic[]): DiagnosticSummary[] {
  return sorted(
    diagnostics.map((diagnostic) => ({
      code: String(diagnostic.code),
      severity: diagnostic.severity,
      range: rangeKey(diagnostic.range),
      message: messageOf(diagnostic),
    })),
  );
}

export function expectedDiagnostics(
  text: string,
  settings: SpeechTidySettings = {},
  locale: Locale = 'en',
): DiagnosticSummary[] {
  return sorted(
    analyzeText(text, settings, locale).findings.map((finding) => ({
      code: finding.rule,
      severity: SEVERITY[finding.severity],
      range: rangeKey(rangeAt(text, finding.start, finding.end)),
      message: finding.message,
    })),
  );
}

export interface SymbolSummary {
  readonly name: string;
  readonly range: string;
  readonly selectionRange: string;
  readonly children: SymbolSummary[];
}

export function summarizeSymbols(symbols: readonly DocumentSymbol[]): SymbolSummary[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    range: rangeKey(symbol.range),
    selectionRange: rangeKey(symbol.selectionRange),
    children: summarizeSymbols(symbol.children ?? []),
  }));
}

export function expectedSymbols(text: string): SymbolSummary[] {
  const visit = (node: OutlineNode): SymbolSummary => ({
    name: node.name,
    range: rangeKey(rangeAt(text, node.start, node.end)),
    selectionRange: rangeKey(rangeAt(text, node.selectionStart, node.selectionEnd)),
    children: node.children.map(visit),
  });
  return outline(analyzeText(text).model).map(visit);
}
