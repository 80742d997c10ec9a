// The real server (`node dist/server.js --stdio`) driven byte by byte: for what a well-behaved
// client never sends (broken headers, invalid JSON, requests that are not requests) and for runs
// in an environment of the test's choosing (working folder, HOME, preloaded probes).
import { type ChildProcess, spawn } from 'node:child_process';
import { SERVER_PATH } from './lspClient';

export interface RawMessage {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export interface RawServerOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Answers to `workspace/configuration`, one per item asked for. */
  readonly settings?: unknown;
  /** Merged over the minimal `initialize` parameters. */
  readonly initialize?: Record<string, unknown>;
}

/** Frames a body as the LSP base protocol does. */
export function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

export class RawServer {
  readonly messages: RawMessage[] = [];
  private buffer = Buffer.alloc(0);
  private stderrText = '';
  private nextId = 1000;
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    readonly child: ChildProcess,
    private readonly options: RawServerOptions,
  ) {
    child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      this.stderrText += chunk;
    });
    child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        this.wake();
        resolve({ code, signal });
      });
    });
  }

  /** Starts the server and, unless `initialize` is false, initializes it as a minimal client. */
  static async start(options: RawServerOptions = {}, initialize = true): Promise<RawServer> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], {
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const server = new RawServer(child, options);
    if (initialize) {
      await server.request('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
        ...options.initialize,
      });
      server.notify('initialized', {});
    }
    return server;
  }

  get running(): boolean {
    return this.exitStatus === undefined;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes bytes to the server's input as they are. */
  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  send(message: object): void {
    this.write(frame(JSON.stringify(message)));
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** Sends a request and resolves with its response (result or error). */
  async request(method: string, params?: unknown, timeout = 30_000): Promise<RawMessage> {
    const id = this.nextId++;
    const from = this.messages.length;
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.waitFor(
      (message) => message.id === id && message.method === undefined,
      `the reply to ${method}`,
      {
        from,
        timeout,
      },
    );
  }

  /** The first message from `from` on that satisfies `predicate`. */
  waitFor(
    predicate: (message: RawMessage) => boolean,
    what: string,
    { from = 0, timeout = 30_000 }: { from?: number; timeout?: number } = {},
  ): Promise<RawMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(predicate);
        if (found) return finish(() => resolve(found));
        if (!this.running)
          return finish(() => reject(new Error(`The server exited while waiting for ${what}${this.tail()}`)));
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`Timed out after ${timeout} ms waiting for ${what}${this.tail()}`))),
        timeout,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** `shutdown` and `exit` when it still listens, a kill otherwise. */
  async dispose(): Promise<void> {
    if (!this.running) return;
    try {
      await this.request('shutdown', undefined, 5_000);
      this.notify('exit');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    } catch {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private tail(): string {
    return this.stderrText ? `\nserver stderr:\n${this.stderrText.slice(-2000)}` : '';
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const length = Number(
        /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) break;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as RawMessage;
      this.messages.push(message);
      // Play the editor's part for what the server asks.
      if (message.id !== undefined && message.method !== undefined) {
        const result =
          message.method === 'workspace/configuration'
            ? ((message.params as { items?: unknown[] })?.items ?? []).map(
                () => this.options.settings ?? null,
              )
            : null;
        this.send({ jsonrpc: '2.0', id: message.id, result });
      }
    }
    this.wake();
  }
}
