// Starting, initializing and stopping the real server, and what it does with requests it cannot
// serve: it answers them with an error or null and keeps running.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../support/lspClient';
import { SPEECH } from './transcripts';

const uri = fileUri('/tmp/speech-tidy-protocol/lifecycle.speech');

describe('initialize', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.dispose());

  test('declares incremental sync and every feature the extension relies on', () => {
    const capabilities = client.initializeResult!.capabilities;
    const sync = capabilities.textDocumentSync;
    assert.ok(typeof sync === 'object', 'textDocumentSync is given as options');
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2, 'incremental (TextDocumentSyncKind.Incremental)');
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.workspaceSymbolProvider);
    const codeActions = capabilities.codeActionProvider;
    assert.ok(typeof codeActions === 'object', 'code action kinds are declared');
    for (const kind of ['quickfix', 'source.fixAll', 'source.fixAll.speech']) {
      assert.ok(codeActions.codeActionKinds?.includes(kind), `declares ${kind}`);
    }
    assert.equal(client.initializeResult!.serverInfo?.name, 'speech-tidy');
  });

  test('asks for the speechTidy settings and registers for changes to them and to files settings, and for transcript files', async () => {
    const sections = await client.configurationRequests.wait(() => true, 'the first settings pull');
    assert.deepEqual(sections, ['speechTidy']);
    const settingsChanges = await client.registrations.wait(
      (r) => r.method === 'workspace/didChangeConfiguration',
      'registration for settings changes',
    );
    // `files` too: the encoding the editor reads a folder in is the one the index must read it in.
    assert.deepEqual((settingsChanges.registerOptions as { section: string[] }).section, [
      'speechTidy',
      'files',
    ]);
    const watchers = await client.registrations.wait(
      (r) => r.method === 'workspace/didChangeWatchedFiles',
      'registration of a file watcher',
    );
    const patterns = (watchers.registerOptions as { watchers: { globPattern: string }[] }).watchers.map(
      (watcher) => watcher.globPattern,
    );
    assert.ok(
      patterns.some((pattern) => pattern.includes('speech') && pattern.includes('txt')),
      `watches .speech and .txt files: ${patterns.join(', ')}`,
    );
  });
});

describe('shutdown', () => {
  test('shutdown then exit ends the process with code 0', async () => {
    const client = await LspClient.start();
    await client.open(uri, SPEECH);
    await client.currentDiagnostics(uri);
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.running, false);
  });

  test('the server exits when the editor goes away without a word (its input closes)', async () => {
    const client = await LspClient.start();
    client.closeInput();
    const { code, signal } = await client.whenExited();
    assert.equal(signal, null, 'it exits by itself, it is not killed');
    assert.equal(code, 1, 'exit without shutdown is an abnormal end, as LSP specifies');
  });
});

describe('malformed and unexpected requests', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.dispose());

  test('an unknown request gets MethodNotFound', async () => {
    await assert.rejects(client.request('speechTidy/noSuchThing', {}), (error: { code?: number }) => {
      assert.equal(error.code, -32601);
      return true;
    });
  });

  test('requests for a document that was never opened get null or nothing', async () => {
    const unopened = fileUri('/tmp/speech-tidy-protocol/never-opened.speech');
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await client.documentSymbols(unopened), null);
    assert.equal(await client.foldingRanges(unopened), null);
    assert.equal(await client.hover(unopened, position), null);
    const actions = await client.codeActions(unopened, range, []);
    assert.ok(actions === null || actions.length === 0, 'no code actions');
  });

  test('requests with missing or wrong parameters fail alone, the server stays up', async () => {
    const malformed: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri }, position: 'start' }],
      ['textDocument/codeAction', { textDocument: { uri } }],
      ['textDocument/documentSymbol', { textDocument: 42 }],
      ['textDocument/foldingRange', null],
      ['workspace/symbol', { query: 42 }],
      ['workspace/symbol', {}],
    ];
    for (const [method, params] of malformed) {
      const outcome = await client.request(method, params).then(
        (result) => ({ result }),
        (error: { code?: unknown }) => ({ error }),
      );
      if ('error' in outcome) {
        assert.equal(typeof outcome.error.code, 'number', `${method}: a JSON-RPC error, not a broken pipe`);
      } else {
        const { result } = outcome;
        assert.ok(
          result === null || (Array.isArray(result) && result.length === 0),
          `${method} ${JSON.stringify(params)}: null or nothing, got ${JSON.stringify(result)}`,
        );
      }
    }
    // Notifications with nonsense must not take the server down either.
    await client.notify('textDocument/didOpen', {});
    await client.notify('textDocument/didChange', {
      textDocument: { uri: fileUri('/tmp/speech-tidy-protocol/not-open.speech'), version: 2 },
      contentChanges: [{ text: '同志们：' }],
    });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///not/open.speech' } });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'untitled:1', type: 1 }] });
    await client.notify('speechTidy/unknownNotification', { anything: true });

    // Still alive and still analysing.
    await client.open(uri, SPEECH);
    const diagnostics = await client.currentDiagnostics(uri);
    assert.ok(diagnostics.length > 0);
    assert.equal(client.running, true);
  });
});
