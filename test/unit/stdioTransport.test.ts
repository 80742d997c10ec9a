// The stdio transport's framing and answers, without a server: the byte stream cut into bodies
// whatever the writes' boundaries, garbage skipped up to the next header, a length over the limit
// refused at its header, and what JSON-RPC 2.0 says to answer answered; and the JSON it writes.
import assert from 'node:assert/strict';
import { constants } from 'node:buffer';
import { PassThrough, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Message, type ResponseMessage, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, OutlineNode, Severity } from '../../server/src/core';
import { toDiagnostic, toDocumentSymbol } from '../../server/src/protocol';
import { type Frame, Framer, JsonEncoder, StrictMessageReader } from '../../server/src/stdioTransport';
import { propertyParameters } from '../support/generators';
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

describe('JsonEncoder', () => {
  /** Values of every kind JSON.stringify treats apart, strings with lone surrogates among them. */
  const leaf = fc.oneof(
    fc.anything({
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: 'binary',
    }),
    fc.constantFrom(undefined, () => 1, Symbol('s'), Number.NaN, -0, Number.POSITIVE_INFINITY),
  );
  /** Long arrays, where the encoder writes element by element, at any depth, some past its limit. */
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.array(leaf, { minLength: 60, maxLength: 120 }),
      fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
    ),
  }));
  const nested = fc
    .tuple(value, fc.integer({ min: 0, max: 12 }))
    .map(([inner, depth]) =>
      Array.from({ length: depth }).reduce<unknown>((held) => ({ held: [held] }), inner),
    );

  test('writes the bytes JSON.stringify gives, in UTF-8, whatever the value', async () => {
    const encoder = new JsonEncoder();
    await fc.assert(
      fc.asyncProperty(nested, async (message) => {
        const expected = Buffer.from(JSON.stringify(message) ?? 'null', 'utf8');
        const bytes = Buffer.from(await encoder.encode(message as Message));
        assert.ok(bytes.equals(expected), `${bytes.toString('utf8')} ≠ ${expected.toString('utf8')}`);
      }),
      propertyParameters(500),
    );
  });

  test('writes a published diagnostic as JSON.stringify does, whatever its message', async () => {
    const encoder = new JsonEncoder();
    const severity = fc.constantFrom<Severity>('error', 'warning', 'information', 'hint');
    const finding = fc
      .record({
        text: fc.string({ unit: 'binary', maxLength: 40 }),
        from: fc.nat(),
        length: fc.nat(),
        rule: fc.string({ unit: 'binary' }),
        severity,
        message: fc.string({ unit: 'binary' }),
      })
      .map(({ text, from, length, rule, severity, message }) => {
        const document = TextDocument.create('untitled:a.speech', 'speech', 1, text);
        const start = from % (text.length + 1);
        const end = Math.min(text.length, start + length);
        // What toDiagnostic reads of a finding.
        return toDiagnostic(document, { start, end, rule, severity, message } as Finding);
      });
    await fc.assert(
      fc.asyncProperty(fc.array(finding, { maxLength: 150 }), async (diagnostics) => {
        // Alone, in a short list, and in a long one, which the encoder writes in pieces.
        const message = { alone: diagnostics[0], few: diagnostics.slice(0, 3), all: diagnostics };
        const expected = Buffer.from(JSON.stringify(message), 'utf8');
        const bytes = Buffer.from(await encoder.encode(message as unknown as Message));
        assert.ok(bytes.equals(expected), `${bytes.toString('utf8')} ≠ ${expected.toString('utf8')}`);
      }),
      propertyParameters(300),
    );
  });

  test('writes an outline as JSON.stringify does, whatever its names', async () => {
    const encoder = new JsonEncoder();
    const text = '一、总体要求\r\n😀𠀀（一）基本原则\n';
    const document = TextDocument.create('untitled:a.speech', 'speech', 1, text);
    const offset = fc.nat({ max: text.length });
    /** A node with children down to `depth` levels below it. */
    const nodeOf = (depth: number): fc.Arbitrary<OutlineNode> =>
      fc.record(
        {
          kind: fc.constant<OutlineNode['kind']>('heading'),
          level: fc.nat({ max: 9 }),
          name: fc.string({ unit: 'binary' }),
          detail: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
          start: offset,
          end: offset,
          selectionStart: offset,
          selectionEnd: offset,
          children: depth === 0 ? fc.constant([]) : fc.array(nodeOf(depth - 1), { maxLength: 3 }),
        },
        {
          requiredKeys: [
            'kind',
            'level',
            'name',
            'start',
            'end',
            'selectionStart',
            'selectionEnd',
            'children',
          ],
        },
      );
    const node = nodeOf(3);
    await fc.assert(
      fc.asyncProperty(fc.array(node, { maxLength: 4 }), async (outline) => {
        const result = outline.map((item) => toDocumentSymbol(document, item));
        const message = { jsonrpc: '2.0', id: 1, result };
        const expected = Buffer.from(JSON.stringify(message), 'utf8');
        const bytes = Buffer.from(await encoder.encode(message as Message));
        assert.ok(bytes.equals(expected), `${bytes.toString('utf8')} ≠ ${expected.toString('utf8')}`);
      }),
      propertyParameters(300),
    );
  });

  test('messages written at once arrive whole, each in its own bytes, in order', async () => {
    // A pipe's reader takes its copy of a chunk when the write completes: later, in the callback.
    const received: Buffer[] = [];
    const pipe = new Writable({
      write(chunk: Buffer, _encoding, done) {
        setTimeout(() => {
          received.push(Buffer.from(chunk));
          done();
        }, 1);
      },
    });
    const writer = new StreamMessageWriter(pipe, { contentTypeEncoder: new JsonEncoder() });
    const diagnostics = (count: number, word: string) =>
      Array.from({ length: count }, (_, index) => ({ line: index, message: `${word}“${index}”😀` }));
    const messages: Message[] = [
      { jsonrpc: '2.0', method: 'a', params: { diagnostics: diagnostics(5_000, '占位') } } as Message,
      { jsonrpc: '2.0', method: 'b', params: { diagnostics: diagnostics(3, '水印') } } as Message,
      { jsonrpc: '2.0', method: 'c', params: { diagnostics: diagnostics(20_000, '标点') } } as Message,
      { jsonrpc: '2.0', method: 'd' } as Message,
    ];
    await Promise.all(messages.map((message) => writer.write(message)));
    const frames = new Framer().push(Buffer.concat(received));
    assert.deepEqual(
      frames.map((frame) => ('body' in frame ? JSON.parse(frame.body.toString('utf8')) : frame)),
      messages,
    );
  });
});
