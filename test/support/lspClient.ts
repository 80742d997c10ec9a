// A small LSP client for protocol tests: it starts the real bundled server
// (`node dist/server.js --stdio`), speaks JSON-RPC to it over the child's stdio, and plays the
// editor's part: it answers `workspace/configuration` and `client/registerCapability`, keeps its
// own copy of every open document, collects what the server publishes, and applies workspace
// edits the way VS Code does (refusing an edit pinned to a version the document no longer has).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  CodeAction,
  Command,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeParams,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  Registration,
  ShowMessageParams,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver';
import { REPO_ROOT } from './fixtures';

/** The bundled server; SPEECH_TIDY_SERVER points the tests at another build of it. */
export const SERVER_PATH = process.env.SPEECH_TIDY_SERVER ?? path.join(REPO_ROOT, 'dist', 'server.js');

/** Generous: the tests run on loaded two-core machines, and a wait ends as soon as its event comes. */
export const DEFAULT_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// Text positions, counted in UTF-16 code units as LSP does, independently of the server's code.

/** Offsets where each line starts; `\r\n`, `\r` and `\n` all end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '\r') {
      if (text[at + 1] === '\n') at++;
      starts.push(at + 1);
    } else if (char === '\n') starts.push(at + 1);
  }
  return starts;
}

/** Positions in one text, its line starts found once: a fix-all places thousands of edits. */
class TextPositions {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** The line holding `offset`: the last whose start is at or before it. */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.starts[line]! };
  }

  /** The offset of a position; like every LSP peer, clamps a character past the line's end. */
  offsetAt(position: Position): number {
    const { starts, text } = this;
    if (position.line >= starts.length) return text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    let end = position.line + 1 < starts.length ? starts[position.line + 1]! : text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }
}

let lastPositions: TextPositions | undefined;

/**
 * The positions of `text`, kept for the text last asked about: one edit asks several times of one
 * text, and finding the line starts of a megabyte each time would be most of what a benchmark
 * of typing measures on this side.
 */
function positionsIn(text: string): TextPositions {
  if (lastPositions?.text !== text) lastPositions = new TextPositions(text);
  return lastPositions;
}

export function positionAt(text: string, offset: number): Position {
  return positionsIn(text).positionAt(offset);
}

export function offsetAt(text: string, position: Position): number {
  return positionsIn(text).offsetAt(position);
}

export function rangeAt(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** The range of the `occurrence`-th (from 0) `needle` in `text`; fails loudly when it is missing. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times in the text`);
  }
  return rangeAt(text, at, at + needle.length);
}

export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Each edit in offsets of `text`, with its place in the array to keep inserts in order. */
function locate(text: string, edits: readonly TextEdit[]) {
  const positions = positionsIn(text);
  return edits.map((edit, index) => ({
    start: positions.offsetAt(edit.range.start),
    end: positions.offsetAt(edit.range.end),
    newText: edit.newText,
    index,
  }));
}

/**
 * Applies LSP text edits. Like VS Code, it refuses overlapping edits; inserts at one position
 * appear in the order the array gives them.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const located = locate(text, edits).sort((a, b) => a.start - b.start || a.index - b.index);
  let cursor = 0;
  const parts: string[] = [];
  for (const edit of located) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    if (edit.end < edit.start) throw new Error(`edit ends before it starts at offset ${edit.start}`);
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * The content changes of one `didChange` that applies `edits`, all made on `text`. The server
 * applies them in order, each to the text the ones before it left, so they go last edit first:
 * the text before an edit is then still the old text. Only where it ends does it differ, when the
 * edit after it begins with an LF (or removes what stood before one) next to a lone CR: the two
 * are now one line break, and no position lies between them. An edit ending or starting there
 * goes with the edit after it, as one change.
 */
export function contentChangesOf(text: string, edits: readonly TextEdit[]): { range: Range; text: string }[] {
  const located = locate(text, edits).sort((a, b) => b.start - a.start || b.index - a.index);
  /**
   * Changes by their offsets in `text`, last first, each with the character at its start once it
   * and the changes after it are made: the text they leave is `text` up to where the last of them
   * starts, and past that only that character is ever read.
   */
  const groups: { start: number; end: number; newText: string; first: string | undefined }[] = [];
  /** The character at `offset` in `text` with the changes made so far. */
  const charAt = (offset: number) => {
    const later = groups.at(-1);
    return later && offset >= later.start ? later.first : text[offset];
  };
  const splitsLineBreak = (offset: number) => charAt(offset - 1) === '\r' && charAt(offset) === '\n';
  for (const edit of located) {
    const later = groups.at(-1);
    if (later && (splitsLineBreak(edit.start) || splitsLineBreak(edit.end))) {
      later.newText = edit.newText + text.slice(edit.end, later.start) + later.newText;
      later.start = edit.start;
      later.first = later.newText[0] ?? later.first;
    } else {
      const first = edit.newText[0] ?? charAt(edit.end);
      groups.push({ start: edit.start, end: edit.end, newText: edit.newText, first });
    }
  }
  // Each change is placed in the text the changes before it leave, which up to its end is `text`:
  // no edit starts or ends inside a CRLF (`locate` reads positions as places between lines).
  const positions = positionsIn(text);
  return groups.map((group) => ({
    range: { start: positions.positionAt(group.start), end: positions.positionAt(group.end) },
    text: group.newText,
  }));
}

function applyContentChange(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  return applyTextEdits(text, [{ range: change.range, newText: change.text }]);
}

// ---------------------------------------------------------------------------------------------
// Waiting for events without sleeping.

/** An append-only record of events that tests can wait on, from any point in its history. */
export class EventLog<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<{
    predicate: (item: T) => boolean;
    from: number;
    resolve: (item: T) => void;
    reject: (error: Error) => void;
  }>();
  private failure: Error | undefined;

  constructor(
    private readonly name: string,
    private readonly describe: () => string = () => '',
  ) {}

  /** The position of the next event: wait `from` it to ignore everything that came before. */
  get mark(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    const index = this.items.length - 1;
    for (const waiter of [...this.waiters]) {
      if (index >= waiter.from && waiter.predicate(item)) waiter.resolve(item);
    }
  }

  /** Makes every pending and future wait fail at once, e.g. because the server died. */
  fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of [...this.waiters]) waiter.reject(error);
  }

  find(predicate: (item: T) => boolean, from = 0): T | undefined {
    return this.items.slice(from).find(predicate);
  }

  wait(
    predicate: (item: T) => boolean,
    what: string,
    { from = 0, timeout = DEFAULT_TIMEOUT_MS }: { from?: number; timeout?: number } = {},
  ): Promise<T> {
    const found = this.find(predicate, from);
    if (found !== undefined) return Promise.resolve(found);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = {
        predicate,
        from,
        resolve: (item: T) => {
          settle();
          resolve(item);
        },
        reject: (error: Error) => {
          settle();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const recent = this.items
          .slice(-5)
          .map((item) => JSON.stringify(item).slice(0, 300))
          .join('\n  ');
        waiter.reject(
          new Error(
            `Timed out after ${timeout} ms waiting for ${this.name}: ${what}\nlast events:\n  ${recent}${this.describe()}`,
          ),
        );
      }, timeout);
      this.waiters.add(waiter);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The client.

export interface StartOptions {
  /** Replaces the default capabilities, which are those of a current VS Code. */
  readonly capabilities?: ClientCapabilities;
  readonly locale?: string;
  readonly initializationOptions?: unknown;
  /** Folder paths on disk, sent as `workspaceFolders`. */
  readonly workspaceFolders?: readonly string[];
  /** The whole settings tree, e.g. `{ speechTidy: { rules: { watermark: 'off' } } }`. */
  readonly settings?: Record<string, unknown>;
  /** Answer `client/registerCapability` with an error, as a client that cannot register would. */
  readonly refuseRegistrations?: boolean;
  /** Answers to `workspace/configuration` wait for this, as a busy editor's would. */
  readonly holdConfiguration?: Promise<unknown>;
  /** The server's environment; this process's when absent. */
  readonly env?: NodeJS.ProcessEnv;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  window: { showMessage: {}, workDoneProgress: true },
  workspace: {
    applyEdit: true,
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: { dynamicRegistration: false },
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
    },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true, willSave: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    codeAction: {
      dynamicRegistration: false,
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit', 'command'] },
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports', 'source.fixAll'],
        },
      },
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  text: string;
  /** The diagnostics log position when it was opened: earlier publications were for another opening. */
  readonly openedAt: number;
}

export interface ApplyResult {
  readonly applied: boolean;
  readonly failureReason?: string;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** The settings tree `workspace/configuration` is answered from; tests change it freely. */
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;

  readonly diagnostics: EventLog<PublishDiagnosticsParams>;
  readonly messages: EventLog<ShowMessageParams>;
  readonly logs: EventLog<LogMessageParams>;
  readonly registrations: EventLog<Registration>;
  /** Every `workspace/configuration` request the server made, by the sections it asked for. */
  readonly configurationRequests: EventLog<(string | null)[]>;

  private readonly documents = new Map<string, OpenDocument>();
  private readonly stderr: string[] = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private shuttingDown = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    const describe = () => this.stderrTail();
    this.diagnostics = new EventLog('publishDiagnostics', describe);
    this.messages = new EventLog('window/showMessage', describe);
    this.logs = new EventLog('window/logMessage', describe);
    this.registrations = new EventLog('client/registerCapability', describe);
    this.configurationRequests = new EventLog('workspace/configuration', describe);

    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      this.stderr.push(chunk);
    });
    // A write after the server died must fail the test, not the test process.
    child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        LIVE.delete(this);
        if (!this.shuttingDown) {
          const error = new Error(
            `The server exited unexpectedly (code ${code}, signal ${signal})${this.stderrTail()}`,
          );
          for (const log of this.logsOfEvents()) log.fail(error);
        }
        resolve({ code, signal });
      });
    });

    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    this.connection.onError(() => {});
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
      this.diagnostics.push(params),
    );
    this.connection.onNotification('window/showMessage', (params: ShowMessageParams) =>
      this.messages.push(params),
    );
    this.connection.onNotification('window/logMessage', (params: LogMessageParams) => this.logs.push(params));
    this.connection.onNotification('telemetry/event', () => {});
    this.connection.onNotification('$/progress', () => {});
    this.connection.onRequest(
      'workspace/configuration',
      async (params: { items: { section?: string }[] }) => {
        this.configurationRequests.push(params.items.map((item) => item.section ?? null));
        await this.options.holdConfiguration;
        return params.items.map((item) => this.setting(item.section));
      },
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      if (this.options.refuseRegistrations) throw new Error('this client registers nothing');
      for (const registration of params.registrations) this.registrations.push(registration);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => {
      this.messages.push(params);
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) =>
      this.applyWorkspaceEdit(params.edit),
    );
    this.connection.listen();
  }

  /** Starts a server, initializes it and sends `initialized`. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const client = new LspClient(child, options);
    LIVE.add(client);
    try {
      await client.initialize();
    } catch (error) {
      await client.kill();
      throw error;
    }
    return client;
  }

  private async initialize(): Promise<void> {
    const { options } = this;
    const folders = options.workspaceFolders?.map((folder) => ({
      uri: pathToFileURL(folder).href,
      name: path.basename(folder),
    }));
    const params: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'speech-tidy-protocol-tests' },
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      rootUri: folders?.[0]?.uri ?? null,
      workspaceFolders: folders ?? null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      ...(options.initializationOptions === undefined
        ? {}
        : { initializationOptions: options.initializationOptions }),
    };
    this.initializeResult = await this.request<InitializeResult>('initialize', params);
    await this.notify('initialized', {});
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the server process is still running. */
  get running(): boolean {
    return this.exitStatus === undefined;
  }

  /** Resolves when the server process has exited, with its exit code or signal. */
  whenExited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  request<R>(method: string, params?: unknown, timeout = DEFAULT_TIMEOUT_MS): Promise<R> {
    const reply =
      params === undefined
        ? this.connection.sendRequest<R>(method)
        : this.connection.sendRequest<R>(method, params);
    return withTimeout(reply, timeout, `the reply to ${method}${this.stderrTail()}`, this.exited);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return params === undefined
      ? this.connection.sendNotification(method)
      : this.connection.sendNotification(method, params);
  }

  // -- Documents ------------------------------------------------------------------------------

  document(uri: string): OpenDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).text;
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  async open(uri: string, text: string, languageId = 'speech', version = 1): Promise<OpenDocument> {
    const document: OpenDocument = { uri, languageId, version, text, openedAt: this.diagnostics.mark };
    this.documents.set(uri, document);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return document;
  }

  /**
   * Sends one `didChange` holding these changes, applied in order as LSP specifies, and
   * returns the new version.
   */
  async change(uri: string, changes: readonly TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    let text = document.text;
    for (const change of changes) text = applyContentChange(text, change);
    document.text = text;
    document.version++;
    await this.notify('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: changes,
    });
    return document.version;
  }

  /** Replaces the text between two offsets of the client's copy, as typing would. */
  edit(uri: string, start: number, end: number, newText: string): Promise<number> {
    const text = this.text(uri);
    return this.change(uri, [{ range: rangeAt(text, start, end), text: newText }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * Applies a workspace edit to the open documents, all or nothing, as VS Code does: an edit
   * for a document version other than the current one is refused, and so are overlapping edits
   * and edits to documents that are not open. The edits of a document, all made on one version,
   * reach the server as one `didChange` (see `contentChangesOf`).
   */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<ApplyResult> {
    const plans: { document: OpenDocument; edits: TextEdit[] }[] = [];
    const refuse = (failureReason: string): ApplyResult => ({ applied: false, failureReason });
    if (edit.documentChanges) {
      for (const change of edit.documentChanges) {
        if (!('textDocument' in change)) return refuse(`unsupported resource operation ${change.kind}`);
        const document = this.documents.get(change.textDocument.uri);
        if (!document) return refuse(`${change.textDocument.uri} is not open`);
        const { version } = change.textDocument;
        if (version !== null && version !== document.version) {
          return refuse(
            `${document.uri} has changed: the edit is for version ${version}, the document is at ${document.version}`,
          );
        }
        plans.push({ document, edits: change.edits.filter((e): e is TextEdit => 'range' in e) });
      }
    } else if (edit.changes) {
      for (const [uri, edits] of Object.entries(edit.changes)) {
        const document = this.documents.get(uri);
        if (!document) return refuse(`${uri} is not open`);
        plans.push({ document, edits });
      }
    }
    const results: string[] = [];
    for (const { document, edits } of plans) {
      try {
        results.push(applyTextEdits(document.text, edits));
      } catch (error) {
        return refuse((error as Error).message);
      }
    }
    for (const [index, { document, edits }] of plans.entries()) {
      const contentChanges = contentChangesOf(document.text, edits);
      document.text = results[index]!;
      document.version++;
      await this.notify('textDocument/didChange', {
        textDocument: { uri: document.uri, version: document.version },
        contentChanges,
      });
    }
    return { applied: true };
  }

  /**
   * Applies a code action's edit, resolving it first when it came without one, as VS Code does;
   * fails the test when it has none even then.
   */
  async applyCodeAction(action: CodeAction | Command): Promise<ApplyResult> {
    const lazy = 'data' in action && action.data !== undefined && !action.edit;
    const resolved = lazy ? await this.resolveCodeAction(action) : action;
    if (!('edit' in resolved) || !resolved.edit) throw new Error(`"${action.title}" carries no edit`);
    return this.applyWorkspaceEdit(resolved.edit);
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.request('codeAction/resolve', action);
  }

  // -- Waiting for what the server publishes ----------------------------------------------------

  /**
   * The diagnostics published for `uri` at `version` (any version when undefined), from the
   * event log position `from` on; by default from when the document was last opened.
   */
  async diagnosticsFor(
    uri: string,
    version?: number,
    { from = this.documents.get(uri)?.openedAt ?? 0, timeout }: { from?: number; timeout?: number } = {},
  ): Promise<Diagnostic[]> {
    const what = `diagnostics of ${uri}${version === undefined ? '' : ` at version ${version}`}`;
    const params = await this.diagnostics.wait(
      (p) => p.uri === uri && (version === undefined || p.version === version),
      what,
      { from, ...(timeout === undefined ? {} : { timeout }) },
    );
    return params.diagnostics;
  }

  /** The diagnostics of the client's current version of `uri`. */
  currentDiagnostics(uri: string, options: { from?: number; timeout?: number } = {}): Promise<Diagnostic[]> {
    return this.diagnosticsFor(uri, this.version(uri), options);
  }

  // -- Requests -------------------------------------------------------------------------------

  documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(
    uri: string,
    range: Range,
    diagnostics: readonly Diagnostic[],
    only?: readonly string[],
  ): Promise<(CodeAction | Command)[] | null> {
    return this.request('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}), triggerKind: only ? 1 : 2 },
    });
  }

  workspaceSymbols(query: string): Promise<(SymbolInformation | WorkspaceSymbol)[] | null> {
    return this.request('workspace/symbol', { query });
  }

  /** Tells the server the settings changed; a pulling server then asks for them again. */
  async changeSettings(settings: Record<string, unknown>, pushed: unknown = null): Promise<void> {
    this.settings = settings;
    await this.notify('workspace/didChangeConfiguration', { settings: pushed });
  }

  // -- Ending ---------------------------------------------------------------------------------

  /** `shutdown` then `exit`, as an editor closes a server; resolves to the exit code. */
  async shutdown(timeout = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (!this.running) return this.exitStatus!.code;
    await this.request('shutdown');
    this.shuttingDown = true;
    await this.notify('exit');
    const status = await withTimeout(this.exited, timeout, 'the server to exit after `exit`').catch(
      async (error: Error) => {
        await this.kill();
        throw error;
      },
    );
    this.connection.dispose();
    return status.code;
  }

  /** Ends the server whatever state it is in; for cleanup after a failed test. */
  async kill(): Promise<void> {
    this.shuttingDown = true;
    if (this.running) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
  }

  /** Closes the server's input without a word, as a crashed editor would. */
  closeInput(): void {
    this.shuttingDown = true;
    this.child.stdin!.end();
  }

  /** Shuts down cleanly when still running, otherwise only reaps; use in `after` hooks. */
  async dispose(): Promise<void> {
    if (!this.running) {
      this.connection.dispose();
      return;
    }
    try {
      await this.shutdown(10_000);
    } catch {
      await this.kill();
    }
  }

  private setting(section: string | undefined): unknown {
    let value: unknown = this.settings;
    for (const key of section ? section.split('.') : []) {
      if (typeof value !== 'object' || value === null) return null;
      value = (value as Record<string, unknown>)[key];
    }
    return value ?? null;
  }

  private logsOfEvents(): { fail(error: Error): void }[] {
    return [this.diagnostics, this.messages, this.logs, this.registrations, this.configurationRequests];
  }

  private stderrTail(): string {
    const text = this.stderr.join('');
    return text ? `\nserver stderr:\n${text.slice(-2000)}` : '';
  }
}

/** Servers still running; killed when the test process exits so that none is left behind. */
const LIVE = new Set<LspClient>();
process.on('exit', () => {
  for (const client of LIVE) {
    try {
      if (client.pid !== undefined) process.kill(client.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

function withTimeout<T>(
  promise: Promise<T>,
  timeout: number,
  what: string,
  exited?: Promise<{ code: number | null }>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Timed out after ${timeout} ms waiting for ${what}`)),
      timeout,
    );
    exited?.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (code ${code}) while waiting for ${what}`));
    });
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A `file:` URI for a path, as editors send them. */
export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
