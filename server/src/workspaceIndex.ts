// The headings of every transcript in the workspace folders, for `workspace/symbol`. Files are
// read at start and again when the file watcher reports them; open documents are indexed from
// the editor's text, which is newer than the disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { type Analysis, LineIndex, looksLikeSpeech, type OutlineNode, outline, parse } from './core';
import { decodeFile, type EncodingSettings } from './decoding';
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
/**
 * Files read at once while a folder is indexed. One at a time, the server sat idle for two thirds
 * of the time, waiting for each file's stat, open, read and close in turn.
 */
const CONCURRENT_READS = 16;
/**
 * Bytes read and not yet indexed, at most, unless one file alone is larger: sixteen transcripts
 * of a few megabytes at once would only hold their texts in memory while the first is parsed.
 */
const BYTES_IN_FLIGHT = 8 * 1024 * 1024;
// Node's callback functions, promised: `fs.promises.readFile` takes twice their time for a file of
// a few kilobytes, which is what a workspace of transcripts holds.
const statOf = promisify(fs.stat);
const readFile = promisify(fs.readFile);
const readdir = promisify(fs.readdir);

export function isSpeechFile(filePath: string): boolean {
  return /\.(speech|txt)$/i.test(filePath);
}

export class WorkspaceIndex {
  private readonly files = new Map<string, readonly IndexedHeading[]>();
  /** Files open in the editor, whose text there is newer than the disk's. */
  private readonly inEditor = new Set<string>();
  /** How the editor reads each folder's files, as its settings there say. */
  private readonly encodings = new Map<string, EncodingSettings>();
  private bytesInFlight = 0;
  private readonly waitingForBytes: (() => void)[] = [];

  get size(): number {
    return this.files.size;
  }

  /**
   * Reads the transcripts of `folder` into the index. Each is indexed in a callback of its own
   * read, between which the server answers requests.
   */
  async indexFolder(folder: string): Promise<void> {
    const reading = new Set<Promise<void>>();
    for await (const file of walk(folder)) {
      const read = this.indexFile(file).finally(() => reading.delete(read));
      reading.add(read);
      if (reading.size >= CONCURRENT_READS) await Promise.race(reading);
    }
    await Promise.all(reading);
  }

  /**
   * Sets how the files of `folder` are read, as the editor's settings for it say; whether that
   * changed, and the folder must be read again.
   */
  readFolderAs(folder: string, settings: EncodingSettings): boolean {
    const before = this.encodings.get(folder);
    this.encodings.set(folder, settings);
    return before?.encoding !== settings.encoding || before?.autoGuessEncoding !== settings.autoGuessEncoding;
  }

  /** The settings of the innermost folder holding `file`: a folder inside another has its own. */
  private encodingOf(file: string): EncodingSettings {
    let innermost: string | undefined;
    for (const folder of this.encodings.keys())
      if (isInFolder(folder, file) && (innermost === undefined || folder.length > innermost.length))
        innermost = folder;
    return innermost === undefined ? {} : this.encodings.get(innermost)!;
  }

  /**
   * Reads a file again; one that vanished or is no transcript leaves the index. A file open in
   * the editor keeps the editor's headings, even when it was opened while it was being read.
   */
  async indexFile(file: string): Promise<void> {
    let size = 0;
    let text: string | undefined;
    try {
      const stat = await statOf(file);
      if (stat.isFile() && stat.size <= MAX_FILE_BYTES) {
        size = stat.size;
        await this.takeBytes(size);
        // As the editor reads it, so that headings are placed where the editor shows them.
        text = decodeFile(await readFile(file), this.encodingOf(file));
      }
    } catch {
      text = undefined;
    }
    try {
      if (this.inEditor.has(file)) return;
      if (text === undefined) this.files.delete(file);
      else this.indexText(file, text);
    } catch {
      // As for a file that cannot be read: one file must not stop the rest of its folder.
      this.files.delete(file);
    } finally {
      this.giveBackBytes(size);
    }
  }

  /** Waits until `bytes` more may be read: at once when nothing else is being read. */
  private async takeBytes(bytes: number): Promise<void> {
    while (this.bytesInFlight > 0 && this.bytesInFlight + bytes > BYTES_IN_FLIGHT)
      await new Promise<void>((resolve) => this.waitingForBytes.push(resolve));
    this.bytesInFlight += bytes;
  }

  private giveBackBytes(bytes: number): void {
    this.bytesInFlight -= bytes;
    for (const wake of this.waitingForBytes.splice(0)) wake();
  }

  /**
   * Indexes a document open in the editor, from its analysis, whose outline is revised as it is
   * edited; the disk is not read for it again until it is closed.
   */
  indexOpen(file: string, text: string, analysis: Pick<Analysis, 'model' | 'outline'>): void {
    this.inEditor.add(file);
    this.indexText(file, text, analysis);
  }

  /** The editor closed the document of `file`: the disk's text is the one to index again. */
  closed(file: string): void {
    this.inEditor.delete(file);
  }

  private indexText(file: string, text: string, analysis?: Pick<Analysis, 'model' | 'outline'>): void {
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

  /** Takes a file out of the index, unless it is open: the editor still shows its text. */
  remove(file: string): void {
    if (!this.inEditor.has(file)) this.files.delete(file);
  }

  /** Takes a folder's files out of the index, but those open in the editor. */
  removeFolder(folder: string): void {
    for (const file of this.files.keys()) if (isInFolder(folder, file)) this.remove(file);
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
  let entries: fs.Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
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
