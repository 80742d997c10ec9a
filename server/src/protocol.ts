// Conversions between the core's offsets and LSP's line/character positions, and the shapes
// Speech Tidy puts on the wire. Kept apart from the handlers so they read as wiring only.
import {
  CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentSymbol,
  type FoldingRange,
  FoldingRangeKind,
  type Position,
  type Range,
  SymbolKind,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Edit,
  type Finding,
  type FoldingRegion,
  type OutlineNode,
  partitionPoint,
  type Severity,
} from './core';
import { JSON_TEXT, type WritesOwnJson } from './stdioTransport';

export const DIAGNOSTIC_SOURCE = 'speech-tidy';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speech`;

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

/** The JSON of messages written lately: a transcript's thousands of problems say a few dozen things. */
const messageJson = new Map<string, string>();
/** Past this many, the messages remembered are forgotten: they are a cache, not a record. */
const MAX_REMEMBERED_MESSAGES = 1024;

function quoted(text: string): string {
  let json = messageJson.get(text);
  if (json === undefined) {
    if (messageJson.size >= MAX_REMEMBERED_MESSAGES) messageJson.clear();
    json = JSON.stringify(text);
    messageJson.set(text, json);
  }
  return json;
}

/**
 * A finding as the editor shows it. It carries no `data`: a code action finds its finding again
 * by rule, range and message (`findingOf`), and each keystroke in a long transcript republishes
 * every diagnostic, so each byte here is sent thousands of times. Over stdio it writes its own
 * JSON: JSON.stringify walking each diagnostic was most of what a publication cost (4 of 6 ms for
 * the 3,072 of a 1 MB transcript), where a template with the messages' JSON kept takes 1.3 ms.
 */
class PublishedDiagnostic implements Diagnostic, WritesOwnJson {
  // Declared in the order JSON.stringify writes them.
  constructor(
    readonly range: Range,
    readonly severity: DiagnosticSeverity,
    readonly code: string,
    readonly source: string,
    readonly message: string,
  ) {}

  [JSON_TEXT](): string {
    return (
      `{"range":${rangeJson(this.range)},"severity":${this.severity},"code":${quoted(this.code)},` +
      `"source":${quoted(this.source)},"message":${quoted(this.message)}}`
    );
  }
}

function rangeJson({ start, end }: Range): string {
  return `{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}`;
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return new PublishedDiagnostic(
    toRange(document, finding.start, finding.end),
    SEVERITY[finding.severity],
    finding.rule,
    DIAGNOSTIC_SOURCE,
    finding.message,
  );
}

/**
 * The finding of the current analysis that a diagnostic of ours stands for: the one of its rule,
 * range and message. A diagnostic published for an older version whose finding still stands where
 * it was gets that finding, whose fixes are made for the text as it is now; one that no longer
 * matches (the text or the settings changed under it) gets none.
 */
export function findingOf(
  document: TextDocument,
  findings: readonly Finding[],
  diagnostic: Diagnostic,
): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const startOffset = document.offsetAt(diagnostic.range.start);
  // Findings are sorted by position: those starting here are one run.
  for (
    let at = partitionPoint(findings.length, (index) => findings[index]!.start < startOffset);
    at < findings.length && findings[at]!.start === startOffset;
    at++
  ) {
    const finding = findings[at]!;
    if (
      finding.rule === diagnostic.code &&
      finding.message === diagnostic.message &&
      isSameRange(toRange(document, finding.start, finding.end), diagnostic.range)
    )
      return finding;
  }
  return undefined;
}

/** Compared as positions, not offsets: a stale position past a line's end is not moved onto it. */
function isSameRange(a: Range, b: Range): boolean {
  return isSamePosition(a.start, b.start) && isSamePosition(a.end, b.end);
}

export function isSamePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
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

/**
 * A heading of the outline as the editor shows it. Over stdio it writes its own JSON, as a
 * diagnostic does: VS Code asks for the outline after each edit, and walking the 2,762 symbols of
 * a 1 MB transcript, nested as its sections are, took the encoder 5.7 ms, their template 1.1.
 * A leaf has no `children` (LSP lets it go without): four symbols in five are leaves, and their
 * empty lists were 4 % of the outline's bytes, which the client decodes after every edit.
 */
class PublishedSymbol implements DocumentSymbol, WritesOwnJson {
  // Declared in the order JSON.stringify writes them, as DocumentSymbol.create makes them.
  constructor(
    readonly name: string,
    readonly detail: string | undefined,
    readonly kind: SymbolKind,
    readonly range: Range,
    readonly selectionRange: Range,
    readonly children: PublishedSymbol[] | undefined,
  ) {}

  [JSON_TEXT](): string {
    const detail = this.detail === undefined ? '' : `"detail":${JSON.stringify(this.detail)},`;
    const json =
      `{"name":${JSON.stringify(this.name)},${detail}"kind":${this.kind},"range":${rangeJson(this.range)},` +
      `"selectionRange":${rangeJson(this.selectionRange)}`;
    if (this.children === undefined) return `${json}}`;
    let withChildren = `${json},"children":[`;
    for (let index = 0; index < this.children.length; index++) {
      withChildren +=
        index > 0 ? `,${this.children[index]![JSON_TEXT]()}` : this.children[index]![JSON_TEXT]();
    }
    return `${withChildren}]}`;
  }
}

export function toDocumentSymbol(document: TextDocument, node: OutlineNode): DocumentSymbol {
  const published = (item: OutlineNode): PublishedSymbol =>
    new PublishedSymbol(
      item.name,
      item.detail,
      symbolKind(item.level),
      toRange(document, item.start, item.end),
      toRange(document, item.selectionStart, item.selectionEnd),
      item.children.length > 0 ? item.children.map(published) : undefined,
    );
  return published(node);
}

export function toFoldingRange(region: FoldingRegion): FoldingRange {
  return {
    startLine: region.startLine,
    endLine: region.endLine,
    kind: region.kind === 'residue' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  };
}
