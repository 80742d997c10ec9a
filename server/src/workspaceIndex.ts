// The headings of every transcript in the workspace folders, for `workspace/symbol`. Files are
// read at start and again when the file watcher reports them; open documents are indexed from
// the editor's text, which is newer than the disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { type Analysis, LineIndex, looksLikeSpeech, type OutlineNode, outline, parse } from './core';
import { symbolKind } from './protocol';

interface IndexedHeading {
  readonly name: string;
  readonly level: number;
  readonly line: number;
  readonly character: number;
  readonly container?: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);
const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Yield to the event loop this often, so requests are answered while a large folder is indexed. */
const FILES_PER_SLICE = 32;

export function isSpeechFile(filePath: string): boolean {
  return /\.(speech|txt)$/i.test(filePath);
}

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly IndexedHeading[]>();

  get size(): number {
    return this.files.size;
  }

  async indexFolder(folder: string): Promise<void> {
    let sinceYield = 0;
    for await (const file of walk(folder)) {
      await this.indexFile(file);
      if (++sinceYield >= FILES_PER_SLICE) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Reads a file again; one that vanished or is no transcript leaves the index. */
  async indexFile(file: string): Promise<void> {
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) {
        this.files.delete(file);
        return;
      }
      this.indexText(file, await fs.readFile(file, 'utf8'));
    } catch {
      this.files.delete(file);
    }
  }

  /** Indexes a text; an open document passes its analysis, whose outline is revised as it is edited. */
  indexText(file: string, text: string, analysis?: Pick<Analysis, 'model' | 'outline'>): void {
    if (!file.toLowerCase().endsWith('.speech') && !looksLikeSpeech(text)) {
      this.files.delete(file);
      return;
    }
    const model = analysis?.model ?? parse(text);
    const index = new LineIndex(model.lines);
    const headings: IndexedHeading[] = [];
    const visit = (node: OutlineNode, container: string | undefined) => {
      if (node.kind === 'enumeration') return;
      const { line, character } = index.position(node.selectionStart);
      headings.push({
        name: node.name,
        level: node.level,
        line,
        character,
        ...(container ? { container } : {}),
      });
      for (const child of node.children) visit(child, node.name);
    };
    for (const node of analysis?.outline ?? outline(model)) visit(node, undefined);
    this.files.set(file, headings);
  }

  remove(file: string): void {
    this.files.delete(file);
  }

  removeFolder(folder: string): void {
    for (const file of this.files.keys()) if (isInFolder(folder, file)) this.files.delete(file);
  }

  /** Headings whose name holds every character of the query in order, as VS Code's filter does. */
  query(query: string, limit: number): WorkspaceSymbol[] {
    const needle = [...query.toLowerCase().replace(/\s+/g, '')];
    const matches = (name: string) => {
      let at = 0;
      const haystack = name.toLowerCase();
      for (const char of needle) {
        at = haystack.indexOf(char, at);
        if (at < 0) return false;
        at += char.length;
      }
      return true;
    };
    const symbols: WorkspaceSymbol[] = [];
    for (const [file, headings] of this.files) {
      const uri = pathToFileURL(file).href;
      for (const heading of headings) {
        if (!matches(heading.name)) continue;
        const position = { line: heading.line, character: heading.character };
        symbols.push({
          name: heading.name,
          kind: symbolKind(heading.level),
          location: { uri, range: { start: position, end: position } },
          ...(heading.container ? { containerName: heading.container } : {}),
        });
        if (symbols.length >= limit) return symbols;
      }
    }
    return symbols;
  }
}

/**
 * Whether the watcher's report about `file` concerns the index: a transcript's name, inside one of
 * the folders, and not in a folder the initial walk skips (tools' and hidden folders).
 */
export function isIndexedPath(folders: readonly string[], file: string): boolean {
  if (!isSpeechFile(file)) return false;
  return folders.some((folder) => {
    if (!isInFolder(folder, file)) return false;
    const parents = path.relative(folder, file).split(path.sep).slice(0, -1);
    return !parents.some((name) => name.startsWith('.') || SKIPPED_FOLDERS.has(name));
  });
}

export function isInFolder(folder: string, file: string): boolean {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return file.startsWith(prefix);
}

export function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

async function* walk(folder: string): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) yield* walk(full);
    } else if (entry.isFile() && isSpeechFile(entry.name)) {
      yield full;
    }
  }
}
