// Robustness of the real server over stdio: random sequences of document operations, where the
// server's text must equal the client's after every step; malformed messages of every kind, which
// get errors or are logged, never a crash; and documents it must refuse (50 MB, binary) without
// holding up the others.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { analyze, applyEdits, fixAllEdits, RULES, resolveConfig } from '../../server/src/core';
import { insertion, propertyParameters, document as transcript } from '../support/generators';
import { fileUri, LspClient, lineStarts, positionAt, rangeAt } from '../support/lspClient';
import { frame, RawServer } from '../support/rawServer';
import { expectedDiagnostics, expectedSymbols, summarize, summarizeSymbols } from './oracle';
import { SPEECH } from './transcripts';

const folder = path.join(os.tmpdir(), 'speech-tidy-robustness-none');

/** Messages sent to a server in this file, for the figures of the README's Reliability section. */
let messagesSent = 0;

// ---------------------------------------------------------------------------------------------
// Random sequences.

type Step =
  | { readonly kind: 'open'; readonly doc: number; readonly text: string }
  | {
      readonly kind: 'change';
      readonly doc: number;
      readonly edits: readonly { at: number; length: number; text: string; whole: boolean }[];
    }
  | { readonly kind: 'close'; readonly doc: number }
  | { readonly kind: 'request'; readonly doc: number; readonly what: Request; readonly at: number };

type Request = 'symbols' | 'folding' | 'hover' | 'actions' | 'fixAll';

const docIndex = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('open' as const), doc: docIndex, text: transcript }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      doc: docIndex,
      edits: fc.array(
        fc.record({
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          length: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
          text: insertion,
          // Now and then the whole text is sent instead of a range.
          whole: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), doc: docIndex }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      doc: docIndex,
      what: fc.constantFrom<Request>('symbols', 'folding', 'hover', 'actions', 'fixAll'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  },
);

/** The settings of the sequence test: every non-blank line becomes a finding naming its text. */
const ECHO = { watermarkPhrases: ['/.+/'] };

function fixAllText(text: string): string {
  const analysis = analyze(text, { config: resolveConfig(ECHO, RULES), locale: 'en' });
  return applyEdits(text, fixAllEdits(analysis.findings));
}

describe('random sequences of didOpen, didChange, didClose and requests', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { speechTidy: ECHO } });
  });
  after(() => client.dispose());

  test("after every step the server's text is the client's: its diagnostics and outline say so", async (t) => {
    // 300 sequences in npm test; npm run fuzz asks for a twentieth of its count, as a sequence
    // costs a few hundred messages' round trips.
    const parameters = propertyParameters<[Step[]]>(6000, 0.05);
    let run = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (plan) => {
        run++;
        const uriOf = (doc: number) => fileUri(path.join(folder, `run-${run}`, `doc-${doc}.speech`));
        const open = new Set<number>();
        /**
         * The server must now hold the client's text of `doc`: diagnostics and outline agree. A
         * text with a NUL character is binary data, which the server refuses to analyse.
         */
        const agree = async (doc: number, what: string) => {
          const uri = uriOf(doc);
          const text = client.text(uri);
          const binary = text.includes('\u0000');
          assert.deepEqual(
            summarize(await client.currentDiagnostics(uri)),
            binary ? [] : expectedDiagnostics(text, ECHO),
            `${what}: the diagnostics of ${JSON.stringify(text)}`,
          );
          const symbols = await client.documentSymbols(uri);
          messagesSent++;
          assert.deepEqual(
            summarizeSymbols((symbols ?? []) as never),
            binary ? [] : expectedSymbols(text),
            `${what}: the outline`,
          );
        };
        try {
          for (const [index, current] of plan.entries()) {
            steps++;
            const uri = uriOf(current.doc);
            const what = `step ${index + 1} (${current.kind} doc ${current.doc})`;
            if (current.kind === 'open') {
              if (open.has(current.doc)) continue;
              await client.open(uri, current.text);
              messagesSent++;
              open.add(current.doc);
              await agree(current.doc, what);
            } else if (current.kind === 'close') {
              // Closing a document that is not open is sent too: the server must shrug.
              if (open.has(current.doc)) await client.close(uri);
              else await client.notify('textDocument/didClose', { textDocument: { uri } });
              messagesSent++;
              open.delete(current.doc);
            } else if (current.kind === 'change') {
              if (!open.has(current.doc)) {
                // A change to a document that is not open is dropped, not applied to anything.
                await client.notify('textDocument/didChange', {
                  textDocument: { uri, version: 99 },
                  contentChanges: [{ text: 'ignored' }],
                });
                messagesSent++;
                continue;
              }
              // Several changes in one notification, each relative to the text after the one before.
              let text = client.text(uri);
              const changes = current.edits.map((edit) => {
                if (edit.whole) {
                  text = edit.text;
                  return { text };
                }
                const start = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
                const end = Math.min(text.length, start + Math.floor(edit.length * text.length));
                const range = rangeAt(text, start, end);
                text = text.slice(0, start) + edit.text + text.slice(end);
                return { range, text: edit.text };
              });
              await client.change(uri, changes);
              messagesSent++;
              await agree(current.doc, what);
            } else {
              const text = open.has(current.doc) ? client.text(uri) : '';
              const position = positionAt(text, Math.floor(current.at * (text.length + 1)));
              const range = { start: position, end: position };
              messagesSent++;
              if (current.what === 'symbols') {
                const symbols = await client.documentSymbols(uri);
                if (!open.has(current.doc)) assert.equal(symbols, null);
              } else if (current.what === 'folding') {
                const folding = await client.foldingRanges(uri);
                if (!open.has(current.doc)) assert.equal(folding, null);
              } else if (current.what === 'hover') {
                const hover = await client.hover(uri, position);
                if (!open.has(current.doc)) assert.equal(hover, null);
              } else if (current.what === 'actions') {
                const diagnostics: Diagnostic[] = open.has(current.doc)
                  ? await client.currentDiagnostics(uri)
                  : [];
                const actions = await client.codeActions(uri, range, diagnostics);
                if (!open.has(current.doc)) assert.ok(actions === null || actions.length === 0);
              } else {
                const actions = (await client.codeActions(uri, range, [], ['source.fixAll.speech'])) ?? [];
                if (!open.has(current.doc)) {
                  assert.equal(actions.length, 0);
                  continue;
                }
                const fixAll = actions[0] as CodeAction | undefined;
                const expected = fixAllText(text);
                if (expected === text) {
                  assert.equal(fixAll, undefined, 'no fix-all for a text without fixes');
                  continue;
                }
                assert.ok(fixAll, `${what}: a fix-all for a text with fixes`);
                const change = fixAll.edit?.documentChanges?.[0];
                assert.ok(change && 'textDocument' in change, 'the fix-all edit is a documentChanges entry');
                assert.equal(change.textDocument.version, client.version(uri), 'the fix-all edit is pinned');
                // Edits computed on the server's text, applied to the client's, give the core's result.
                assert.deepEqual(await client.applyCodeAction(fixAll), { applied: true });
                messagesSent++;
                assert.equal(client.text(uri), expected, `${what}: fix-all`);
                await agree(current.doc, `${what}, after fix-all`);
              }
            }
          }
        } finally {
          for (const doc of open) await client.close(uriOf(doc));
        }
      }),
      parameters,
    );
    t.diagnostic(`${parameters.numRuns} sequences (seed ${parameters.seed}), ${steps} steps`);
  });
});

// ---------------------------------------------------------------------------------------------
// Raw bytes.

describe('malformed messages written straight to stdin', () => {
  let server: RawServer;
  before(async () => {
    server = await RawServer.start();
  });
  after(() => server.dispose());

  /** The server answers a well-formed request after the bad input, and is still running. */
  async function stillAnswers(what: string): Promise<void> {
    const reply = await server.request('workspace/symbol', { query: '' }, 10_000).catch((error: Error) => {
      throw new Error(`after ${what}: ${error.message}`);
    });
    assert.ok(Array.isArray(reply.result), `after ${what}: an answer`);
    assert.ok(server.running, `after ${what}: the server is running`);
  }

  const bodies: readonly [string, string][] = [
    ['invalid JSON', '{"jsonrpc": "2.0", "id": 1, "method": '],
    ['a JSON string', '"textDocument/hover"'],
    ['a number', '42'],
    ['null', 'null'],
    ['an empty batch', '[]'],
    [
      'a batch of one request',
      '[{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":""}}]',
    ],
    ['an object with nothing in it', '{}'],
    ['a response to a request never made', '{"jsonrpc":"2.0","id":424242,"result":null}'],
    ['a notification whose method is a number', '{"jsonrpc":"2.0","method":17}'],
    ['invalid UTF-8', '\uFFFD\uFFFD'],
    [
      'deeply nested params',
      `{"jsonrpc":"2.0","method":"x/y","params":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    ],
  ];
  for (const [what, body] of bodies) {
    test(`${what}: dropped or refused, and the server goes on`, async () => {
      server.write(what === 'invalid UTF-8' ? frame(Buffer.from([0xc3, 0x28, 0xff, 0xfe])) : frame(body));
      messagesSent++;
      await stillAnswers(what);
    });
  }

  test('a message split into single bytes arrives whole', async () => {
    const bytes = frame(
      JSON.stringify({ jsonrpc: '2.0', id: 77, method: 'workspace/symbol', params: { query: '' } }),
    );
    const from = server.messages.length;
    for (const byte of bytes) server.write(Buffer.from([byte]));
    messagesSent++;
    const reply = await server.waitFor((m) => m.id === 77, 'the reply to a message sent byte by byte', {
      from,
    });
    assert.ok(Array.isArray(reply.result));
  });

  test('two messages in one write are both answered', async () => {
    const from = server.messages.length;
    server.write(
      Buffer.concat([
        frame(JSON.stringify({ jsonrpc: '2.0', id: 78, method: 'workspace/symbol', params: { query: '' } })),
        frame(JSON.stringify({ jsonrpc: '2.0', id: 79, method: 'workspace/symbol', params: { query: '' } })),
      ]),
    );
    messagesSent += 2;
    await server.waitFor((m) => m.id === 78, 'the first reply', { from });
    await server.waitFor((m) => m.id === 79, 'the second reply', { from });
  });

  test('a request with an unknown method gets MethodNotFound', async () => {
    const reply = await server.request('speechTidy/noSuchMethod', { any: 'thing' });
    messagesSent++;
    assert.equal(reply.error?.code, -32601);
  });

  test('invalid JSON gets a Parse error response (-32700, id null), as JSON-RPC 2.0 asks', async () => {
    const from = server.messages.length;
    server.write(frame('{"jsonrpc": "2.0", "id": 2, "method": '));
    messagesSent++;
    const reply = await server.waitFor((m) => m.error?.code === -32700, 'a parse error', {
      from,
      timeout: 1_500,
    });
    assert.equal(reply.id, null);
  });

  test('a request whose method is not a string gets Invalid Request (-32600), so the client stops waiting', async () => {
    const from = server.messages.length;
    server.write(frame('{"jsonrpc":"2.0","id":9,"method":17}'));
    messagesSent++;
    const reply = await server.waitFor((m) => m.id === 9, 'an error for request 9', { from, timeout: 1_500 });
    assert.equal(reply.error?.code, -32600);
  });
});

describe('broken headers written straight to stdin', () => {
  // A broken header leaves the reader unable to tell where the next message starts. The server
  // finds the next header and answers what follows: a server that stays up and answers nothing
  // is a hung editor.
  const headers: readonly [string, string][] = [
    ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
    ['no Content-Length at all', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}'],
    ['a negative Content-Length', 'Content-Length: -5\r\n\r\n'],
    ['a Content-Length shorter than the body', 'Content-Length: 2\r\n\r\n{}}'],
  ];
  for (const [what, bytes] of headers) {
    test(`${what}: the server answers the message that follows`, async () => {
      const server = await RawServer.start();
      try {
        server.write(bytes);
        messagesSent++;
        assert.ok(Array.isArray((await server.request('workspace/symbol', { query: '' }, 10_000)).result));
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    });
  }

  test('a header line without a colon is skipped, and the message after it answered', async () => {
    const server = await RawServer.start();
    try {
      server.write('garbage without a colon\r\n\r\n');
      messagesSent++;
      assert.ok(Array.isArray((await server.request('workspace/symbol', { query: '' }, 10_000)).result));
    } finally {
      await server.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Wrong parameters and states, through the harness.

describe('wrong parameters, unopened documents and out-of-order versions', () => {
  let client: LspClient;
  const uri = fileUri(path.join(folder, 'params.speech'));
  const other = fileUri(path.join(folder, 'never-opened.speech'));
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.dispose());

  /** The server still holds `uri` as the client has it, and analyses it. */
  async function agrees(what: string, timeout?: number): Promise<void> {
    await client.edit(uri, 0, 0, '');
    messagesSent++;
    assert.deepEqual(
      summarize(await client.currentDiagnostics(uri, timeout === undefined ? {} : { timeout })),
      expectedDiagnostics(client.text(uri)),
      `after ${what}`,
    );
  }

  test('notifications with missing or wrong parameters are logged and dropped', async () => {
    await client.open(uri, SPEECH);
    await client.currentDiagnostics(uri);
    const bad: [string, unknown][] = [
      ['textDocument/didOpen', {}],
      ['textDocument/didOpen', { textDocument: { uri: other, languageId: 'speech', version: 1 } }],
      ['textDocument/didOpen', { textDocument: { uri: other, languageId: 'speech', version: 1, text: 42 } }],
      ['textDocument/didChange', { textDocument: { uri, version: 1000 }, contentChanges: 'not a list' }],
      ['textDocument/didChange', { textDocument: { uri, version: 1001 } }],
      ['textDocument/didClose', {}],
      ['textDocument/didClose', { textDocument: { uri: 17 } }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeWatchedFiles', { changes: 'none' }],
      ['$/cancelRequest', { id: 'nothing' }],
      ['$/setTrace', { value: 'verbose' }],
      ['speechTidy/unknownNotification', { a: 1 }],
    ];
    for (const [method, params] of bad) {
      await client.notify(method, params);
      messagesSent++;
    }
    // The valid versions go on from where the client is.
    await agrees('wrong notifications');
    assert.ok(client.running);
  });

  test('requests with wrong parameters fail alone or answer nothing', async () => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -1 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e9, character: 1e9 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 0.5, character: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: 'x' } }],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri },
          range: rangeAt(SPEECH, 0, 1),
          context: { diagnostics: [{ source: 'speech-tidy', data: { version: 'x', fixes: 'y' } }] },
        },
      ],
      ['codeAction/resolve', null],
      ['codeAction/resolve', { title: 'x', data: { uri, group: 7 } }],
      ['codeAction/resolve', { title: 'x', data: { uri, rule: 'no-such-rule' } }],
      ['textDocument/documentSymbol', { textDocument: { uri: 'not a uri' } }],
      ['textDocument/foldingRange', { textDocument: {} }],
      ['workspace/symbol', { query: { not: 'a string' } }],
      ['textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 0 } }],
      ['textDocument/documentSymbol', { textDocument: { uri: other } }],
    ];
    for (const [method, params] of bad) {
      messagesSent++;
      const outcome = await client.request(method, params).then(
        (result) => ({ result }),
        (error: { code?: unknown }) => ({ error }),
      );
      if ('error' in outcome)
        assert.equal(typeof outcome.error.code, 'number', `${method}: a JSON-RPC error, not a broken pipe`);
    }
    await agrees('wrong requests');
  });

  test('a change with a stale or repeated version is dropped and logged; the text stays the server’s', async () => {
    const before = client.text(uri);
    const version = client.version(uri);
    const from = client.logs.mark;
    // Sent by hand: the harness would apply the change to its own copy.
    for (const stale of [version, version - 1, 0]) {
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version: stale },
        contentChanges: [{ range: rangeAt(before, 0, 0), text: '不该出现' }],
      });
      messagesSent++;
    }
    await client.logs.wait((log) => /Ignored a change/.test(log.message), 'a log of the dropped change', {
      from,
    });
    await agrees('stale versions');
    assert.equal(client.text(uri), before);
  });

  test('a change to a document that is not open is dropped and logged', async () => {
    const from = client.logs.mark;
    await client.notify('textDocument/didChange', {
      textDocument: { uri: other, version: 5 },
      contentChanges: [{ text: '同志们：' }],
    });
    messagesSent++;
    await client.logs.wait((log) => log.message.includes('never-opened.speech'), 'a log naming it', { from });
    assert.equal(await client.documentSymbols(other), null);
  });

  test('a range past the end, or with its ends swapped, is clamped as editors do', async () => {
    const text = client.text(uri);
    const last = lineStarts(text).length;
    await client.change(uri, [
      {
        range: { start: { line: last + 5, character: 0 }, end: { line: last + 9, character: 3 } },
        text: '谢谢！',
      },
    ]);
    messagesSent++;
    await agrees('a range past the end');
  });

  test('a change without a version is refused, as one with an old version is', async () => {
    const before = client.text(uri);
    const from = client.logs.mark;
    await client.notify('textDocument/didChange', {
      textDocument: { uri },
      contentChanges: [{ text: '替换' }],
    });
    messagesSent++;
    await client.logs.wait((log) => /Ignored a change/.test(log.message), 'a log of the dropped change', {
      from,
      timeout: 1_500,
    });
    assert.equal(client.text(uri), before);
  });

  test('a change without text leaves the document and its analysis as they were', async () => {
    const text = client.text(uri);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: client.version(uri) + 1 },
      contentChanges: [{ range: rangeAt(text, 0, 0) }],
    });
    messagesSent++;
    // The client keeps its version: the change was not applied. The next one must agree.
    client.document(uri).version++;
    await agrees('a change without text', 1_500);
  });
});

// ---------------------------------------------------------------------------------------------
// Documents the server refuses.

describe('a 50 MB document and a binary one', () => {
  let client: LspClient;
  const large = fileUri(path.join(folder, '大文件.speech'));
  const binary = fileUri(path.join(folder, 'scan.speech'));
  const small = fileUri(path.join(folder, 'small.speech'));
  const paragraph = '今年以来，全区上下坚持以X的建设为引领，扎实推进各项工作，取得了明显成效。\n';
  const largeText = `${SPEECH}${paragraph.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph)))}`;
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    await client.open(small, SPEECH);
    await client.currentDiagnostics(small);
  });
  after(() => client.dispose());

  test('the 50 MB document is refused with a clear message, and analysis is off for it', async (t) => {
    assert.ok(Buffer.byteLength(largeText) >= 50 * 1024 * 1024);
    const from = client.messages.mark;
    const started = Date.now();
    await client.open(large, largeText);
    messagesSent++;
    assert.deepEqual(await client.diagnosticsFor(large, 1), []);
    const warning = await client.messages.wait((m) => m.message.includes('大文件.speech'), 'the warning', {
      from,
    });
    t.diagnostic(`refused after ${Date.now() - started} ms`);
    assert.match(warning.message, /does not analyse.*larger than the limit of 20 MB/);
    assert.equal(await client.documentSymbols(large), null);
    assert.equal(await client.foldingRanges(large), null);
    assert.equal(await client.hover(large, { line: 0, character: 0 }), null);
    const actions = await client.codeActions(large, rangeAt(largeText, 0, 1), [], ['source.fixAll.speech']);
    assert.ok(actions === null || actions.length === 0);
  });

  test('while it is sent and edited, another document is analysed without waiting', async (t) => {
    // Opened again right before an edit of the small one: the server reads 50 MB of JSON first.
    await client.close(large);
    const opening = client.open(large, largeText);
    const sent = Date.now();
    await client.edit(small, 0, 0, '　');
    messagesSent += 2;
    await client.currentDiagnostics(small);
    const behind = Date.now() - sent;
    t.diagnostic(`the small document's diagnostics came ${behind} ms after the 50 MB document was sent`);
    await opening;
    assert.ok(behind < 10_000, `the small document waited ${behind} ms for the large one`);
    const from = client.messages.mark;
    for (let i = 0; i < 3; i++) {
      await client.edit(large, i, i, '　');
      messagesSent++;
    }
    const started = Date.now();
    await client.edit(small, 0, 0, 'X中央');
    messagesSent++;
    assert.deepEqual(
      summarize(await client.currentDiagnostics(small)),
      expectedDiagnostics(client.text(small)),
    );
    const elapsed = Date.now() - started;
    t.diagnostic(`the small document's diagnostics came ${elapsed} ms after its edit`);
    assert.ok(elapsed < 5_000, `the small document waited ${elapsed} ms`);
    assert.deepEqual(await client.currentDiagnostics(large), []);
    assert.equal(
      client.messages.find((m) => m.message.includes('大文件'), from),
      undefined,
      'no new warning for each keystroke',
    );
  });

  test('a binary document (NUL bytes) is refused as not text, and analysis is off for it', async () => {
    const from = client.messages.mark;
    const text = `PK\u0003\u0004\u0000\u0000${SPEECH}\u0000\u0000`;
    await client.open(binary, text);
    messagesSent++;
    assert.deepEqual(await client.diagnosticsFor(binary, 1), []);
    const warning = await client.messages.wait((m) => m.message.includes('scan.speech'), 'the warning', {
      from,
    });
    assert.match(warning.message, /binary data.*not text/);
    assert.equal(await client.documentSymbols(binary), null);
    // Removing the NUL characters makes it text again.
    const cleaned = client.text(binary).split('\u0000').join('');
    await client.change(binary, [{ text: cleaned }]);
    messagesSent++;
    assert.deepEqual(summarize(await client.currentDiagnostics(binary)), expectedDiagnostics(cleaned));
  });

  test('figures', (t) => {
    t.diagnostic(`${messagesSent} messages sent to the server by this file`);
  });
});
