// One analysis per document version. Every request (diagnostics, outline, code actions, hover)
// for the same version shares it, and a new version replaces it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, analyze, type Locale, type ResolvedConfig } from './core';

export type DocumentState =
  | { readonly kind: 'analysed'; readonly analysis: Analysis }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'binary' };

export interface AnalysisEnvironment {
  readonly config: ResolvedConfig;
  readonly locale: Locale;
  /** Documents larger than this many bytes as a UTF-8 file are not analysed. */
  readonly maxBytes: number;
}

export class AnalysisCache {
  private readonly states = new Map<string, { version: number; state: DocumentState }>();

  constructor(private readonly environment: () => AnalysisEnvironment) {}

  get(document: TextDocument): DocumentState {
    const cached = this.states.get(document.uri);
    if (cached && cached.version === document.version) return cached.state;
    const state = this.compute(document.getText());
    this.states.set(document.uri, { version: document.version, state });
    return state;
  }

  analysis(document: TextDocument): Analysis | undefined {
    const state = this.get(document);
    return state.kind === 'analysed' ? state.analysis : undefined;
  }

  delete(uri: string): void {
    this.states.delete(uri);
  }

  clear(): void {
    this.states.clear();
  }

  private compute(text: string): DocumentState {
    const { config, locale, maxBytes } = this.environment();
    const bytes = sizeOverLimit(text, maxBytes);
    if (bytes !== undefined) return { kind: 'too-large', bytes };
    // NUL never occurs in text; a document holding one is binary data opened by mistake.
    if (text.includes('\u0000')) return { kind: 'binary' };
    return { kind: 'analysed', analysis: analyze(text, { config, locale }) };
  }
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
