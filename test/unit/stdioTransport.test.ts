// The stdio transport's framing and answers, without a server: the byte stream cut into bodies
// whatever the writes' boundaries, garbage skipped up to the next header, a length over the limit
// refused at its header, and what JSON-RPC 2.0 says to answer answered.
import assert from 'node:assert/strict';
import { constants } from 'node:buffer';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import type { Message, ResponseMessage } from 'vscode-languageserver/node';
import { type Frame, Framer, StrictMessageReader } from '../../server/src/stdioTransport';
import { frame } from '../support/rawServer';

/** What the framer makes of `chunks`, bodies as text. */
function cut(chunks: readonly (string | Buffer)[], framer = new Framer()): (string | { skipped: string })[] {
  return chunks
    .flatMap((chunk) => framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))
    .map((f: Frame) => ('body' in f ? f.body.toString('utf8') : { skipped: f.skipped }));
}

const bodies = (frames: ReturnType<typeof cut>) => frames.filter((f) => typeof f === 'string');

describe('framing', () => {
  test('a message written a byte at a time comes out once, whole', () => {
    const framer = new Framer();
    const bytes = frame('{"jsonrpc":"2.0","method":"initialized"}');
    for (const byte of bytes.subarray(0, -1)) assert.deepEqual(framer.push(Buffer.from([byte])), []);
    assert.deepEqual(cut([bytes.subarray(-1)], framer), ['{"jsonrpc":"2.0","method":"initialized"}']);
  });

  test('two messages in one write, and a third begun in it, come out in order', () => {
    const third = frame('"three"');
    assert.deepEqual(
      cut([Buffer.concat([frame('"one"'), frame('"two"'), third.subarray(0, 5)]), third.subarray(5)]),
      ['"one"', '"two"', '"three"'],
    );
  });

  test('a character split between writes is whole in the body: the length counts bytes', () => {
    const body = JSON.stringify({ text: '同志们：大家好！😀' });
    const bytes = frame(body);
    // Every split point, the ones inside a three- and a four-byte character among them.
    for (let at = 1; at < bytes.length; at++) {
      assert.deepEqual(cut([bytes.subarray(0, at), bytes.subarray(at)]), [body], `split at byte ${at}`);
    }
  });

  test('garbage before a header is skipped once, and the message after it read', () => {
    assert.deepEqual(cut(['garbage\r\n\r\nmore garbage', frame('"after"')]), [
      { skipped: 'a header without a valid Content-Length' },
      '"after"',
    ]);
  });

  test('the next header is found when its name is split between writes', () => {
    const bytes = frame('"after"');
    assert.deepEqual(bodies(cut(['Content-Length: many\r\n\r\n{}Content-Le', bytes.subarray(10)])), [
      '"after"',
    ]);
  });

  test('input that never ends a header is skipped once it is longer than any header', () => {
    const noise = 'x'.repeat(10_000);
    assert.deepEqual(cut([noise, noise, frame('"after"')]), [
      { skipped: 'a header without a valid Content-Length' },
      '"after"',
    ]);
  });

  test('each broken header is reported and skipped', () => {
    const broken = [
      'Content-Length: -5\r\n\r\n',
      'Content-Length: 1e3\r\n\r\n',
      'Content-Type: application/vscode-jsonrpc\r\n\r\n{}',
      'Content-Length 5\r\n\r\n{}',
    ];
    for (const header of broken) {
      assert.deepEqual(
        cut([header, frame('"after"')]),
        [{ skipped: 'a header without a valid Content-Length' }, '"after"'],
        JSON.stringify(header),
      );
    }
  });

  test('a Content-Length shorter than the body: what is left over is skipped up to the next header', () => {
    assert.deepEqual(cut([`Content-Length: 2\r\n\r\n{}}${frame('"after"')}`]), [
      '{}',
      { skipped: 'a header without a valid Content-Length' },
      '"after"',
    ]);
  });

  test('headers may come in any case and order, with a Content-Type', () => {
    assert.deepEqual(
      cut(['content-type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 4\r\n\r\n"ok"']),
      ['"ok"'],
    );
  });

  test('a Content-Length over the limit is refused at its header, and the body is not waited for', () => {
    const framer = new Framer(1000);
    assert.deepEqual(cut(['Content-Length: 1000000000000\r\n\r\n'], framer), [
      { skipped: 'a Content-Length of 1000000000000 bytes, over the limit of 1000' },
    ]);
    assert.deepEqual(cut(['x'.repeat(100_000), frame('"after"')], framer), ['"after"']);
    // The limit itself is allowed.
    assert.deepEqual(cut([frame('x'.repeat(1000))], framer), ['x'.repeat(1000)]);
  });

  test('by default, the limit is the longest string a body could become', () => {
    assert.deepEqual(cut(['Content-Length: 99999999999\r\n\r\n']), [
      { skipped: `a Content-Length of 99999999999 bytes, over the limit of ${constants.MAX_STRING_LENGTH}` },
    ]);
  });
});

describe('StrictMessageReader', () => {
  function reader() {
    const input = new PassThrough();
    /** The reader writes nothing but error responses. */
    const written: ResponseMessage[] = [];
    const received: Message[] = [];
    const errors: string[] = [];
    let closed = 0;
    const strict = new StrictMessageReader(input, {
      write: async (message) => {
        written.push(message as ResponseMessage);
      },
    });
    strict.onError((error) => errors.push(error.message));
    strict.onClose(() => closed++);
    strict.listen((message) => received.push(message));
    return { input, written, received, errors, closed: () => closed };
  }

  test('requests, notifications and responses go through as they are', () => {
    const { input, written, received, errors } = reader();
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} },
      { jsonrpc: '2.0', id: 'a', method: 'shutdown' },
      { jsonrpc: '2.0', method: 'initialized', params: {} },
      { jsonrpc: '2.0', id: 7, result: null },
      { jsonrpc: '2.0', id: null, error: { code: -32603, message: 'x' } },
    ];
    for (const message of messages) input.write(frame(JSON.stringify(message)));
    assert.deepEqual(received, messages);
    assert.deepEqual(written, []);
    assert.deepEqual(errors, []);
  });

  test('invalid JSON is answered with Parse error (-32700) and id null; the body is not logged', () => {
    const { input, written, received, errors } = reader();
    input.write(frame('{"jsonrpc":"2.0","id":2,"method":"secret transcript text'));
    assert.deepEqual(received, []);
    assert.deepEqual(
      written.map((m) => [m.jsonrpc, m.id, m.error?.code]),
      [['2.0', null, -32700]],
    );
    assert.equal(errors.length, 1);
    assert.doesNotMatch(errors[0]!, /secret/);
  });

  test('a request whose method is not a string is answered with Invalid Request (-32600) under its id', () => {
    const { input, written, received } = reader();
    input.write(frame('{"jsonrpc":"2.0","id":9,"method":17}'));
    assert.deepEqual(received, []);
    assert.deepEqual(
      written.map((m) => [m.id, m.error?.code]),
      [[9, -32600]],
    );
  });

  test('what is not a message is answered with Invalid Request and id null, a malformed response too', () => {
    const { input, written, received } = reader();
    // A response's id is one of the server's own requests: answering under it would settle the
    // client's request with the same number.
    for (const body of [
      '{"jsonrpc":"2.0","id":5}',
      '{}',
      '[]',
      '42',
      'null',
      '{"id":{"a":1},"method":"x"}',
    ]) {
      input.write(frame(body));
    }
    assert.deepEqual(received, []);
    assert.deepEqual(
      written.map((m) => [m.id, m.error?.code]),
      Array(6).fill([null, -32600]),
    );
  });

  test('skipped input is reported, without the bytes', () => {
    const { input, errors, received } = reader();
    input.write('Content-Length: 同志们\r\n\r\n');
    input.write(frame('{"jsonrpc":"2.0","method":"initialized"}'));
    assert.equal(received.length, 1);
    assert.deepEqual(errors, [
      'Skipped input up to the next header: a header without a valid Content-Length.',
    ]);
  });

  test('the end of the input is an exit notification, then the reader closes once', async () => {
    const { input, received, closed } = reader();
    input.end();
    input.resume();
    await new Promise((resolve) => input.once('close', resolve));
    assert.deepEqual(received, [{ jsonrpc: '2.0', method: 'exit' }]);
    assert.equal(closed(), 1);
  });
});
