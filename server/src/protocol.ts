// Conversions between the core's offsets and LSP's line/character positions, and the shapes
// Speech Tidy puts on the wire. Kept apart from the handlers so they read as wiring only.
import {
  CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  type Range,
  SymbolKind,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Finding, FoldingRegion, OutlineNode, Severity } from './core';

export const DIAGNOSTIC_SOURCE = 'speech-tidy';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speech`;

/**
 * What a diagnostic carries so that its code action needs no second analysis: the version it
 * was found in and where it stands in that version's findings. The fixes themselves stay in the
 * server, which holds the analysis of the current version; publishing them with every diagnostic
 * would double what each keystroke sends.
 */
export interface FindingData {
  readonly version: number;
  readonly index: number;
}

/**
 * What an action that fixes many findings at once ("replace all", a rule's "fix all") carries
 * when the client resolves edits lazily: VS Code asks for the actions at the cursor whenever it
 * moves, and in a long transcript such an action's edits run to thousands.
 */
export type BulkFix = { readonly uri: string } & ({ readonly group: string } | { readonly rule: string });

export function isBulkFix(data: unknown): data is BulkFix {
  if (typeof data !== 'object' || data === null) return false;
  const { uri, group, rule } = data as Record<string, unknown>;
  return typeof uri === 'string' && (typeof group === 'string') !== (typeof rule === 'string');
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toTextEdits(document: TextDocument, edits: readonly Edit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.newText }));
}

export function toDiagnostic(document: TextDocument, finding: Finding, index: number): Diagnostic {
  const data: FindingData = { version: document.version, index };
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/**
 * The finding a diagnostic of ours stands for, or undefined when it is of another version or
 * no longer matches (the settings changed since it was published).
 */
export function findingOf(
  document: TextDocument,
  findings: readonly Finding[],
  diagnostic: Diagnostic,
): Finding | undefined {
  const data = diagnostic.data as Partial<FindingData> | undefined;
  if (
    diagnostic.source !== DIAGNOSTIC_SOURCE ||
    data?.version !== document.version ||
    typeof data.index !== 'number'
  )
    return undefined;
  const finding = findings[data.index];
  if (!finding || finding.rule !== diagnostic.code) return undefined;
  const { start, end } = diagnostic.range;
  return finding.start === document.offsetAt(start) && finding.end === document.offsetAt(end)
    ? finding
    : undefined;
}

/**
 * An edit pinned to the document version it was computed for: a client applying it to a
 * document that has changed since refuses it instead of corrupting the text. A client that
 * cannot take `documentChanges` gets plain `changes`; it has no way to check the version.
 */
export function versionedEdit(document: TextDocument, edits: TextEdit[], pinned = true): WorkspaceEdit {
  if (!pinned) return { changes: { [document.uri]: edits } };
  return {
    documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }],
  };
}

export function codeAction(
  title: string,
  kind: string,
  edit: WorkspaceEdit,
  extra: Partial<Pick<CodeAction, 'diagnostics' | 'isPreferred'>> = {},
): CodeAction {
  return { ...CodeAction.create(title, edit, kind), ...extra };
}

/** Kinds chosen so that each level has its own icon in the Outline view. */
const SYMBOL_KIND: readonly SymbolKind[] = [
  SymbolKind.File,
  SymbolKind.Module,
  SymbolKind.Class,
  SymbolKind.Method,
  SymbolKind.Field,
  SymbolKind.Constant,
  SymbolKind.EnumMember,
];

export function symbolKind(level: number): SymbolKind {
  return SYMBOL_KIND[Math.min(level, SYMBOL_KIND.length - 1)]!;
}

export function toDocumentSymbol(document: TextDocument, node: OutlineNode): DocumentSymbol {
  return DocumentSymbol.create(
    node.name,
    node.detail,
    symbolKind(node.level),
    toRange(document, node.start, node.end),
    toRange(document, node.selectionStart, node.selectionEnd),
    node.children.map((child) => toDocumentSymbol(document, child)),
  );
}

export function toFoldingRange(region: FoldingRegion): FoldingRange {
  return {
    startLine: region.startLine,
    endLine: region.endLine,
    kind: region.kind === 'residue' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  };
}
