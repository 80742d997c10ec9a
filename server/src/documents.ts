// The open documents, each with its own incremental analyzer. LSP sends edits as ranges; the
// same edits go to the text and to the analyzer, so an edit in one paragraph of a long
// transcript re-analyses that paragraph, not the document.
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis,
  applyEdits,
  type Edit,
  type Locale,
  type ResolvedConfig,
  RULES,
  TranscriptAnalyzer,
} from './core';
import { isSamePosition } from './protocol';

export interface AnalysisEnvironment {
  readonly config: ResolvedConfig;
  readonly locale: Locale;
  /** Documents larger than this many bytes as a UTF-8 file are not analysed. */
  readonly maxBytes: number;
}

export type DocumentState =
  | { readonly kind: 'analysed'; readonly analysis: Analysis }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'binary' };

interface Tracked {
  document: TextDocument;
  /** Created on first use and dropped when the settings change or the document is refused. */
  analyzer: TranscriptAnalyzer | undefined;
  environment: AnalysisEnvironment | undefined;
  /** Whether the text holds a NUL character; kept up to date from the edits. */
  binary: boolean;
}

export class DocumentStore {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly environmentFor: (uri: string) => AnalysisEnvironment) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const document = TextDocument.create(uri, languageId, version, text);
    this.tracked.set(uri, {
      document,
      analyzer: undefined,
      environment: undefined,
      binary: text.includes('\u0000'),
    });
    return document;
  }

  /**
   * Applies the edits of a `didChange`, or drops them (undefined) when the document is not open
   * or the version is not newer than the one held: applying edits twice or out of order would
   * corrupt the text.
   */
  change(
    uri: string,
    version: number,
    changes: readonly TextDocumentContentChangeEvent[],
  ): TextDocument | undefined {
    const entry = this.tracked.get(uri);
    if (!entry || typeof version !== 'number' || version <= entry.document.version) return undefined;
    // All or nothing: a malformed change found halfway would leave the analyzer and the text apart.
    if (!Array.isArray(changes) || !changes.every(isWellFormed)) return undefined;
    for (let index = 0; index < changes.length; ) {
      const change = changes[index++]!;
      if (!('range' in change)) {
        entry.analyzer = undefined;
        entry.document = TextDocument.update(entry.document, [change], version);
        entry.binary = change.text.includes('\u0000');
        continue;
      }
      // VS Code sends the edits of one workspace edit bottom to top (up to 1,000 of them; more
      // as one change), so each range holds in the text as it was before them all, as long as it
      // ends where the one before starts and names real places (a position past a line's end is
      // moved onto it, and the line may be longer after the edits): such a run is applied at once.
      const { document } = entry;
      const run = [editOf(document, change)];
      for (; index < changes.length; index++) {
        const next = changes[index]!;
        if (!('range' in next) || !isExact(document, next.range)) break;
        const edit = editOf(document, next);
        const last = run.at(-1)!;
        // After a lone CR, the edit before may bring an LF (`\r` + `\n……`): the two are then one
        // line break, and the line the next change names starts after it, not where it did.
        if (edit.end > last.start || document.getText()[last.start - 1] === '\r') break;
        run.push(edit);
      }
      for (const { start, end, newText } of run) entry.analyzer?.update(start, end, newText);
      // One keystroke is applied in place, which keeps the document's table of line starts; the
      // library's table goes wrong for a position past the last line, so such a change and a run
      // make a new text, whose table is made when next read.
      entry.document =
        run.length === 1 && isExact(document, change.range)
          ? TextDocument.update(document, [change], version)
          : // Last to first, reversed: inserts at one place keep the order their changes gave them.
            TextDocument.update(
              document,
              [{ text: applyEdits(document.getText(), [...run].reverse()) }],
              version,
            );
      // Only a binary document pays for looking at the whole text again.
      entry.binary = entry.binary
        ? entry.document.getText().includes('\u0000')
        : run.some(({ newText }) => newText.includes('\u0000'));
    }
    return entry.document;
  }

  close(uri: string): void {
    this.tracked.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.tracked.get(uri)?.document;
  }

  all(): TextDocument[] {
    return [...this.tracked.values()].map((entry) => entry.document);
  }

  /** The settings changed: every document is analysed afresh when next asked. */
  reset(): void {
    for (const entry of this.tracked.values()) {
      entry.analyzer = undefined;
      entry.environment = undefined;
    }
  }

  state(uri: string): DocumentState | undefined {
    const entry = this.tracked.get(uri);
    if (!entry) return undefined;
    entry.environment ??= this.environmentFor(uri);
    const { config, locale, maxBytes } = entry.environment;
    const text = entry.document.getText();
    const bytes = sizeOverLimit(text, maxBytes);
    const refusal: DocumentState | undefined =
      bytes !== undefined
        ? { kind: 'too-large', bytes }
        : // NUL never occurs in text; a document holding one is binary data opened by mistake.
          entry.binary
          ? { kind: 'binary' }
          : undefined;
    if (refusal) {
      entry.analyzer = undefined;
      return refusal;
    }
    entry.analyzer ??= new TranscriptAnalyzer(text, { config, locale, rules: RULES });
    return { kind: 'analysed', analysis: entry.analyzer.analysis() };
  }

  analysis(uri: string): Analysis | undefined {
    const state = this.state(uri);
    return state?.kind === 'analysed' ? state.analysis : undefined;
  }
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | undefined;
  return (
    Number.isInteger(position?.line) &&
    Number.isInteger(position?.character) &&
    (position!.line as number) >= 0 &&
    (position!.character as number) >= 0
  );
}

/** A range change in offsets, its ends in order, as `TextDocument.update` reads it. */
function editOf(document: TextDocument, { range, text }: { range: Range; text: string }): Edit {
  const [start, end] = [document.offsetAt(range.start), document.offsetAt(range.end)].sort((a, b) => a - b);
  return { start: start!, end: end!, newText: text };
}

/** Whether both ends of `range` name places of `document` as they are, not moved onto it. */
function isExact(document: TextDocument, range: Range): boolean {
  const exact = (position: Position) =>
    isSamePosition(document.positionAt(document.offsetAt(position)), position);
  return exact(range.start) && exact(range.end);
}

function isWellFormed(change: TextDocumentContentChangeEvent): boolean {
  if (typeof change?.text !== 'string') return false;
  return !('range' in change) || (isPosition(change.range?.start) && isPosition(change.range?.end));
}

/**
 * The size of `text` as a UTF-8 file when it exceeds `limit` bytes: the user's limit and the CLI
 * measure files, and a Chinese character takes three bytes there but one UTF-16 code unit here.
 * A code unit takes at most three bytes, so most texts are decided without counting.
 */
function sizeOverLimit(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}
