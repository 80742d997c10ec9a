// Closing a document gives its memory back. A long transcript's analysis holds several times the
// file's size; a server that kept closed documents alive would grow with every file opened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient } from '../support/lspClient';
import { SPEECH } from './transcripts';

let client: LspClient;
before(async () => {
  // The server collects garbage before it answers `speechTidy/memoryUsage` when Node lets it.
  client = await LspClient.start({ env: { ...process.env, NODE_OPTIONS: '--expose-gc' } });
});
after(() => client.dispose());

test('closing a long transcript frees what its analysis held', async () => {
  const heapUsed = async () => (await client.request<NodeJS.MemoryUsage>('speechTidy/memoryUsage')).heapUsed;
  // About 4 MB: long enough for V8 to optimize the analysis, which is when a leak showed.
  const text = SPEECH.repeat(4000);
  const uri = 'untitled:long.speech';
  const atStart = await heapUsed();
  await client.open(uri, text);
  await client.diagnosticsFor(uri, 1, { timeout: 120_000 });
  // Typing, as a user does before closing: edits go through the analyzer's revisions.
  for (const typed of ['的', '工作']) {
    const version = await client.edit(uri, text.length >> 1, text.length >> 1, typed);
    await client.diagnosticsFor(uri, version, { timeout: 120_000 });
  }
  const whileOpen = (await heapUsed()) - atStart;
  await client.close(uri);
  const afterClose = (await heapUsed()) - atStart;
  assert.ok(whileOpen > text.length, `the open transcript holds ${whileOpen} bytes`);
  assert.ok(
    afterClose < whileOpen / 4,
    `${afterClose} of the ${whileOpen} bytes the open transcript held are still held after closing it`,
  );
});
