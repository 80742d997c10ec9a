// The transport for `--stdio`, which every client uses, VS Code's too. vscode-jsonrpc's stream
// reader drops a body that is not JSON without a word, only logs a request whose method is not a
// string (its sender then waits forever), and after a broken header reads every later message as
// part of the broken one, so the editor waits on a server that answers nothing. This reader
// frames the bytes itself, answers what JSON-RPC 2.0 says to answer, and after garbage looks for
// the next header. `--node-ipc` stays the library's: it carries parsed objects, not bytes, so
// there is no framing to lose.
import { constants } from 'node:buffer';
import { Console } from 'node:console';
import {
  AbstractMessageReader,
  type Connection,
  createConnection,
  type DataCallback,
  type Disposable,
  ErrorCodes,
  ExitNotification,
  type Message,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  ProposedFeatures,
  type ResponseMessage,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { isRecord } from './core';
import { decodeUtf8 } from './decoding';

/**
 * A body must become one string to be parsed, so a larger one could never be read: refusing it
 * at its header keeps a lying Content-Length from filling memory.
 */
const MAX_BODY_BYTES = constants.MAX_STRING_LENGTH;
/** Far more than any client's headers; without the blank line by then, it is not a header. */
const MAX_HEADER_BYTES = 4096;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** How every client starts a header; after garbage, reading starts again at the next one. */
const HEADER_START = Buffer.from('Content-Length:', 'ascii');

/** A message's body, or why some input was skipped (never the input: it may be a transcript). */
export type Frame = { readonly body: Buffer } | { readonly skipped: string };

/** Cuts the byte stream into bodies by their headers, whatever the writes' boundaries. */
export class Framer {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The length of the body being read, once its header has been. */
  private bodyLength: number | undefined;
  /** After a broken header: input is dropped until the next `Content-Length:`. */
  private resyncing = false;

  constructor(private readonly maxBodyBytes = MAX_BODY_BYTES) {}

  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      if (this.bodyLength !== undefined) {
        // A large body arrives in many chunks; they are joined once, when it is complete.
        if (this.buffered < this.bodyLength) return frames;
        const bytes = this.bytes();
        frames.push({ body: bytes.subarray(0, this.bodyLength) });
        this.keep(bytes.subarray(this.bodyLength));
        this.bodyLength = undefined;
        continue;
      }
      const bytes = this.bytes();
      if (this.resyncing) {
        const next = bytes.indexOf(HEADER_START);
        if (next < 0) {
          // The name may be split between writes: keep what could be its beginning.
          this.keep(bytes.subarray(Math.max(0, bytes.length - HEADER_START.length + 1)));
          return frames;
        }
        this.resyncing = false;
        this.keep(bytes.subarray(next));
        continue;
      }
      const end = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(HEADER_END);
      if (end < 0 && bytes.length < MAX_HEADER_BYTES) return frames;
      const length = end < 0 ? undefined : contentLength(bytes.toString('latin1', 0, end));
      if (length === undefined || length > this.maxBodyBytes) {
        frames.push({
          skipped:
            length === undefined
              ? 'a header without a valid Content-Length'
              : `a Content-Length of ${length} bytes, over the limit of ${this.maxBodyBytes}`,
        });
        // From the next byte on, so that a header right after a few stray bytes is found.
        this.resyncing = true;
        this.keep(bytes.subarray(1));
        continue;
      }
      this.keep(bytes.subarray(end + HEADER_END.length));
      this.bodyLength = length;
    }
  }

  /** The buffered input as one buffer, which then stays the only chunk. */
  private bytes(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0]!;
  }

  private keep(rest: Buffer): void {
    this.chunks = [rest];
    this.buffered = rest.length;
  }
}

/**
 * The Content-Length of a header block, or undefined when a line is not `Name: value` or the
 * length is missing or not a whole number. Content-Type is not read: LSP bodies are JSON in UTF-8.
 */
function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d+$/.test(value)) return undefined;
    length = Number(value);
  }
  return length;
}

/**
 * Whether the library can dispatch `value` as a request, a notification or a response. It
 * classifies messages the same way, but logs the others (whole, params and all) and answers none.
 */
function isMessage(value: unknown): value is Message {
  if (!isRecord(value)) return false;
  const { id, method } = value;
  if (method !== undefined) {
    return typeof method === 'string' && (id === undefined || isId(id));
  }
  return (id === null || isId(id)) && ('result' in value || isRecord(value.error));
}

/** What JSON-RPC allows as the id of a request. */
function isId(value: unknown): value is number | string {
  return typeof value === 'string' || typeof value === 'number';
}

/**
 * Reads framed messages from a stream, answers invalid JSON with Parse error and what is not a
 * message with Invalid Request, and reports each through `onError`.
 */
export class StrictMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly framer = new Framer();

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly writer: Pick<MessageWriter, 'write'>,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer) => {
      for (const frame of this.framer.push(chunk)) {
        if ('skipped' in frame)
          this.fireError(new Error(`Skipped input up to the next header: ${frame.skipped}.`));
        else this.dispatch(frame.body, callback);
      }
    };
    let ended = false;
    const onEnd = () => {
      if (ended) return;
      ended = true;
      // The library exits when its own stdin reader ends, and this one replaces it. An editor
      // gone without a word is an `exit` without `shutdown`: handing the library that
      // notification lets it end the process as LSP says, with code 1 (0 after a shutdown).
      const exit: NotificationMessage = { jsonrpc: '2.0', method: ExitNotification.method };
      callback(exit);
      this.fireClose();
    };
    const onError = (error: Error) => this.fireError(error);
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    this.input.on('error', onError);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('end', onEnd);
        this.input.off('close', onEnd);
        this.input.off('error', onError);
      },
    };
  }

  private dispatch(body: Buffer, callback: DataCallback): void {
    let value: unknown;
    try {
      value = JSON.parse(decodeUtf8(body));
    } catch {
      // Not the parser's message: it quotes the body.
      this.refuse(null, ErrorCodes.ParseError, 'Parse error: the body is not valid JSON.');
      return;
    }
    if (isMessage(value)) {
      callback(value);
      return;
    }
    // Only a request's id is answered: the id of a malformed response is one of the server's own
    // requests, and an error under it would settle the client's request that has the same number.
    const id = isRecord(value) && value.method !== undefined ? value.id : undefined;
    this.refuse(
      isId(id) ? id : null,
      ErrorCodes.InvalidRequest,
      'Invalid Request: not a request, a notification or a response.',
    );
  }

  private refuse(id: number | string | null, code: number, message: string): void {
    this.fireError(new Error(`Answered a message with ${message}`));
    // A write fails only when the output is gone, and the input's end then exits the process.
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message } };
    this.writer.write(response).catch(() => {});
  }
}

/** Arrays longer than this are written element by element; shorter ones are cheap either way. */
const LONG_ARRAY = 64;
/** How deep the writer looks for long arrays: a fix-all's edits are six levels down. */
const MAX_SPLIT_DEPTH = 8;
/**
 * A long array's elements go into the buffer in pieces about this long: each write into it is a
 * call into the runtime, and one for every element (and comma) of 3,072 diagnostics took a third
 * of writing them.
 */
const PIECE_LENGTH = 16_384;

/**
 * The method of a value that writes its own JSON text, the text `JSON.stringify` gives for it.
 * JSON.stringify does not see symbol-keyed members, so every other transport (`--node-ipc`)
 * writes the value as ever.
 */
export const JSON_TEXT = Symbol('jsonText');

export interface WritesOwnJson {
  [JSON_TEXT](): string;
}

function writesOwnJson(value: unknown): value is WritesOwnJson {
  return typeof value === 'object' && value !== null && JSON_TEXT in value;
}

/** What JSON.stringify writes for `value` as an element of an array. */
function elementJson(value: unknown): string {
  if (writesOwnJson(value)) return value[JSON_TEXT]();
  // What JSON.stringify writes for `undefined`, a function or a symbol in an array.
  return JSON.stringify(value) ?? 'null';
}

/**
 * Encodes messages as JSON in UTF-8, the bytes `JSON.stringify` gives, into one buffer kept from
 * message to message. A keystroke in a long transcript republishes all its diagnostics (700 KB of
 * JSON at 1 MB); as one string, V8 builds it in pieces and copies it whole to encode it, and the
 * copy and a fresh buffer for the bytes cost twice the serializing. Written a piece at a time
 * into a kept buffer, a long array needs neither. The writer asks for the next message's bytes
 * only once the last one's are written (`WriteableStreamMessageWriter` writes one message at a
 * time, and a write is done when its callback runs), so the buffer is free again by then. It
 * keeps the size it grew to, under twice the longest message (1 MB for the diagnostics of a 1 MB
 * transcript).
 */
export class JsonEncoder {
  readonly name = 'application/json';
  private buffer = Buffer.allocUnsafeSlow(1 << 16);
  private length = 0;

  encode(message: Message): Promise<Uint8Array> {
    this.length = 0;
    this.write(message, 0);
    return Promise.resolve(this.buffer.subarray(0, this.length));
  }

  private write(value: unknown, depth: number): void {
    if (writesOwnJson(value)) this.put(value[JSON_TEXT]());
    else if (depth < MAX_SPLIT_DEPTH && Array.isArray(value) && !('toJSON' in value)) {
      this.put('[');
      if (value.length > LONG_ARRAY) this.putElements(value);
      else {
        for (let index = 0; index < value.length; index++) {
          if (index > 0) this.put(',');
          this.write(value[index], depth + 1);
        }
      }
      this.put(']');
    } else if (depth < MAX_SPLIT_DEPTH && isPlainObject(value)) {
      this.put('{');
      let first = true;
      for (const key of Object.keys(value)) {
        const member = value[key];
        // The members JSON.stringify leaves out.
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        this.put(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        this.write(member, depth + 1);
      }
      this.put('}');
    } else this.put(JSON.stringify(value) ?? 'null');
  }

  /** The elements of a long array, commas between, a piece of many elements at a time. */
  private putElements(values: readonly unknown[]): void {
    let piece = '';
    for (let index = 0; index < values.length; index++) {
      piece += index > 0 ? `,${elementJson(values[index])}` : elementJson(values[index]);
      if (piece.length >= PIECE_LENGTH) {
        this.put(piece);
        piece = '';
      }
    }
    this.put(piece);
  }

  private put(json: string): void {
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    const needed = this.length + json.length * 3;
    if (needed > this.buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(json, this.length, 'utf8');
  }
}

/** An object JSON.stringify writes as its own enumerable members: not a date, a boxed string… */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** The server's connection over stdin and stdout, read by a `StrictMessageReader`. */
export function createStdioConnection(): Connection {
  // Anything printed to stdout would land in the middle of the protocol. The library moves
  // console output elsewhere only for the stdio transport it sets up itself.
  globalThis.console = new Console(process.stderr);
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: new JsonEncoder() });
  const reader = new StrictMessageReader(process.stdin, writer);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  reader.onError((error) => connection.console.error(error.message));
  return connection;
}
