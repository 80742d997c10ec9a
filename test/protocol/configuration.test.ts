// Settings: pulled with workspace/configuration at start and after every
// workspace/didChangeConfiguration, applied to every open document at once; and the two kinds of
// document the server refuses to analyse (too large, binary), which must not hold up the others.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../../server/src/publishing';
import { DEFAULT_CAPABILITIES, fileUri, LspClient } from '../support/lspClient';
import { expectedDiagnostics, messageOf, summarize } from './oracle';
import { lines, SPEECH } from './transcripts';

const folder = '/tmp/speech-tidy-protocol';

const MEMO = lines(
  '关于进一步加强机关作风建设的讲话',
  '同志们：',
  '这次会议的主要任务是部署作风建设工作。本材料仅供内部交流',
  '各级X组织要带头转变作风,真抓实干。',
  '谢谢大家！',
);

describe('settings from workspace/configuration', () => {
  test('the settings in force at start apply to the very first publication', async () => {
    const settings = { rules: { placeholder: 'off' as const } };
    const client = await LspClient.start({ settings: { speechTidy: settings } });
    try {
      const uri = fileUri(`${folder}/first.speech`);
      await client.open(uri, SPEECH);
      const first = await client.diagnosticsFor(uri, 1);
      assert.ok(!first.some((d) => d.code === 'placeholder'), 'no placeholder diagnostic, not even briefly');
      assert.deepEqual(summarize(first), expectedDiagnostics(SPEECH, settings));
    } finally {
      await client.dispose();
    }
  });

  test('an editor slow to answer: nothing is published with the defaults in the meantime', async () => {
    const settings = { rules: { placeholder: 'off' as const } };
    let release: () => void = () => {};
    const answer = new Promise<void>((resolve) => {
      release = resolve;
    });
    const client = await LspClient.start({ settings: { speechTidy: settings }, holdConfiguration: answer });
    try {
      await client.configurationRequests.wait(() => true, 'the settings pull');
      const uri = fileUri(`${folder}/slow-settings.speech`);
      await client.open(uri, SPEECH);
      // A server that does not wait publishes with its defaults within milliseconds. The
      // settings are released at that publication, or after a while when (rightly) none comes.
      await client.diagnostics
        .wait((p) => p.uri === uri, 'a publication before the settings arrive', { timeout: 1500 })
        .catch(() => undefined);
      release();
      const first = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(summarize(first), expectedDiagnostics(SPEECH, settings));
    } finally {
      release();
      await client.dispose();
    }
  });

  describe('didChangeConfiguration', () => {
    let client: LspClient;
    const speech = fileUri(`${folder}/settings-speech.speech`);
    const memo = fileUri(`${folder}/settings-memo.speech`);
    before(async () => {
      client = await LspClient.start({ locale: 'en', settings: { speechTidy: {} } });
      await client.open(speech, SPEECH);
      await client.open(memo, MEMO);
      await client.diagnosticsFor(speech, 1);
      await client.diagnosticsFor(memo, 1);
    });
    after(() => client.dispose());

    /** Changes the settings and returns the next publication of each document. */
    async function reconfigure(settings: Record<string, unknown>) {
      const pulls = client.configurationRequests.mark;
      const from = client.diagnostics.mark;
      await client.changeSettings({ speechTidy: settings });
      await client.configurationRequests.wait(() => true, 'the server to pull the new settings', {
        from: pulls,
      });
      const next = (uri: string) =>
        client.diagnostics.wait((p) => p.uri === uri, `the republication of ${uri}`, { from });
      const [speechNext, memoNext] = await Promise.all([next(speech), next(memo)]);
      assert.equal(speechNext.version, 1, 'republished for the current version');
      return { speech: speechNext.diagnostics, memo: memoNext.diagnostics };
    }

    test('a rule set to off disappears from every open document', async () => {
      const settings = { rules: { watermark: 'off' } } as const;
      const published = await reconfigure(settings);
      assert.ok(!published.speech.some((d) => d.code === 'watermark'));
      assert.deepEqual(summarize(published.speech), expectedDiagnostics(SPEECH, settings));
      assert.deepEqual(summarize(published.memo), expectedDiagnostics(MEMO, settings));
    });

    test('a severity setting changes the severity', async () => {
      const settings = { rules: { 'halfwidth-punctuation': 'error' } } as const;
      const published = await reconfigure(settings);
      const halfwidth = published.memo.filter((d) => d.code === 'halfwidth-punctuation');
      assert.ok(halfwidth.length > 0);
      assert.ok(halfwidth.every((d) => d.severity === 1));
      assert.ok(
        published.speech.some((d) => d.code === 'watermark'),
        'watermark is back on',
      );
    });

    test('an extra watermark phrase is flagged', async () => {
      const settings = { watermarkPhrases: ['本材料仅供内部交流'] };
      const published = await reconfigure(settings);
      const custom = published.memo.find((d) => d.code === 'watermark');
      assert.ok(custom, 'the phrase is reported as a watermark');
      assert.match(messageOf(custom), /本材料仅供内部交流/);
      assert.deepEqual(summarize(published.memo), expectedDiagnostics(MEMO, settings));
    });

    test('broken settings are reported in a warning and the valid rest still applies', async () => {
      const messages = client.messages.mark;
      const settings = { rules: { 'no-such-rule': 'warning', placeholder: 'off' } } as const;
      const published = await reconfigure(settings);
      const warning = await client.messages.wait(
        (m) => /no-such-rule/.test(m.message),
        'a settings warning',
        {
          from: messages,
        },
      );
      assert.equal(warning.type, 2, 'a warning');
      assert.ok(!published.memo.some((d) => d.code === 'placeholder'), 'placeholder: off still applies');
    });
  });

  test('a client that cannot be asked pushes its settings with the notification', async () => {
    const { workspace, ...rest } = DEFAULT_CAPABILITIES;
    const client = await LspClient.start({
      capabilities: { ...rest, workspace: { ...workspace, configuration: false } },
    });
    try {
      const uri = fileUri(`${folder}/pushed.speech`);
      await client.open(uri, MEMO);
      assert.ok((await client.diagnosticsFor(uri, 1)).some((d) => d.code === 'placeholder'));
      const from = client.diagnostics.mark;
      const settings = { rules: { placeholder: 'off' as const } };
      await client.changeSettings({}, { speechTidy: settings });
      const next = await client.diagnostics.wait((p) => p.uri === uri, 'the republication', { from });
      assert.deepEqual(summarize(next.diagnostics), expectedDiagnostics(MEMO, settings));
      assert.equal(client.configurationRequests.items.length, 0, 'never asked');
    } finally {
      await client.dispose();
    }
  });

  test('a change of files settings alone re-analyses nothing and warns no second time', async () => {
    // The server follows `files` for the encodings the workspace index reads, so a change of
    // `files.autoSave` notifies it too; the speechTidy settings read the same as before.
    const speechTidy = { rules: { 'no-such-rule': 'warning' } };
    const client = await LspClient.start({ settings: { speechTidy } });
    try {
      await client.messages.wait((m) => /no-such-rule/.test(m.message), 'the settings warning');
      const uri = fileUri(`${folder}/files-settings.speech`);
      await client.open(uri, MEMO);
      await client.diagnosticsFor(uri, 1);
      const pulls = client.configurationRequests.mark;
      const published = client.diagnostics.mark;
      const warned = client.messages.mark;
      await client.changeSettings({ speechTidy, files: { autoSave: 'afterDelay' } });
      await client.configurationRequests.wait(
        (sections) => sections.includes('speechTidy'),
        'the settings pull',
        {
          from: pulls,
        },
      );
      // A server that re-analysed would publish within milliseconds of the pull.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(client.diagnostics.mark, published, 'no publication');
      assert.equal(client.messages.mark, warned, 'no second warning');
    } finally {
      await client.dispose();
    }
  });

  test('a client that refuses registrations still gets its settings read', async () => {
    const settings = { rules: { placeholder: 'off' as const } };
    const client = await LspClient.start({ settings: { speechTidy: settings }, refuseRegistrations: true });
    try {
      await client.configurationRequests.wait(() => true, 'the settings pull despite the refusal');
      const uri = fileUri(`${folder}/refused.speech`);
      await client.open(uri, MEMO);
      assert.deepEqual(summarize(await client.diagnosticsFor(uri, 1)), expectedDiagnostics(MEMO, settings));
    } finally {
      await client.dispose();
    }
  });
});

describe('documents the server does not analyse', () => {
  let client: LspClient;
  const large = fileUri(`${folder}/大报告.speech`);
  const binary = fileUri(`${folder}/scan.txt`);
  const normal = fileUri(`${folder}/normal.speech`);
  /** About 1.3 MB in UTF-8 but only 0.43 M UTF-16 code units: over a 1 MB limit as a file. */
  const largeText = `${SPEECH}${'今年以来，全区上下坚持以X的建设为引领，扎实推进各项工作，取得了明显成效。\n'.repeat(12_000)}`;
  const binaryText = `PK\u0003\u0004\u0000\u0000\u0008\u0000同志们：\u0000\u0000X中央\n`;

  before(async () => {
    client = await LspClient.start({ locale: 'en', settings: { speechTidy: { maxFileSizeMB: 1 } } });
  });
  after(() => client.dispose());

  test('a document over speechTidy.maxFileSizeMB gets a warning and no diagnostics', async () => {
    assert.ok(Buffer.byteLength(largeText) > 1024 * 1024);
    const from = client.messages.mark;
    await client.open(large, largeText);
    assert.deepEqual(await client.diagnosticsFor(large, 1), []);
    const warning = await client.messages.wait((m) => m.message.includes('大报告.speech'), 'a size warning', {
      from,
    });
    assert.equal(warning.type, 2);
    assert.match(warning.message, /1 MB/);
    assert.equal(await client.documentSymbols(large), null);
  });

  test('a binary document with NUL characters gets a warning and no diagnostics', async () => {
    const from = client.messages.mark;
    await client.open(binary, binaryText, 'plaintext');
    assert.deepEqual(await client.diagnosticsFor(binary, 1), []);
    const warning = await client.messages.wait((m) => m.message.includes('scan.txt'), 'a binary warning', {
      from,
    });
    assert.equal(warning.type, 2);
    assert.match(warning.message, /NUL/);
  });

  test('other documents are analysed as usual meanwhile', async () => {
    await client.open(normal, SPEECH);
    assert.deepEqual(summarize(await client.diagnosticsFor(normal, 1)), expectedDiagnostics(SPEECH));
    // Editing the large one does not warn again for every keystroke, and does not analyse it.
    const messages = client.messages.mark;
    await client.edit(large, 0, 0, '　');
    assert.deepEqual(await client.currentDiagnostics(large), []);
    await client.edit(normal, 0, 0, 'X中央');
    await client.currentDiagnostics(normal);
    assert.equal(
      client.messages.find((m) => m.message.includes('大报告'), messages),
      undefined,
    );
  });

  test('reopening a refused document explains again why it has no diagnostics', async () => {
    await client.close(large);
    const from = client.messages.mark;
    await client.open(large, largeText);
    assert.deepEqual(await client.diagnosticsFor(large, 1), []);
    await client.messages.wait((m) => m.message.includes('大报告.speech'), 'the warning again', { from });
  });

  test('raising the limit analyses the large document', async () => {
    const from = client.diagnostics.mark;
    await client.changeSettings({ speechTidy: { maxFileSizeMB: 5 } });
    const next = await client.diagnostics.wait((p) => p.uri === large, 'the large document analysed', {
      from,
    });
    assert.ok(next.diagnostics.some((d) => d.code === 'placeholder'));
  });
});

describe('a document with more problems than the server lists', () => {
  let client: LspClient;
  const uri = fileUri(`${folder}/逐字稿.speech`);
  const perLine = 40;
  const problems = MAX_PUBLISHED_DIAGNOSTICS + 1_000;
  /** A half-width comma after every character: one problem every two characters. */
  const text = `讲话稿\n\n${`${'好,'.repeat(perLine)}好。\n`.repeat(problems / perLine)}`;

  before(async () => {
    client = await LspClient.start({ locale: 'en' });
  });
  after(() => client.dispose());

  test('the first problems are listed and a warning counts them all', async () => {
    const from = client.messages.mark;
    await client.open(uri, text);
    const listed = await client.diagnosticsFor(uri, 1);
    assert.equal(listed.length, MAX_PUBLISHED_DIAGNOSTICS);
    assert.ok(listed.every((diagnostic) => diagnostic.code === 'halfwidth-punctuation'));
    assert.deepEqual(listed.at(-1)!.range.start, {
      line: 2 + Math.floor((MAX_PUBLISHED_DIAGNOSTICS - 1) / perLine),
      character: 2 * ((MAX_PUBLISHED_DIAGNOSTICS - 1) % perLine) + 1,
    });
    const warning = await client.messages.wait((m) => m.message.includes('逐字稿.speech'), 'a warning', {
      from,
    });
    assert.equal(warning.type, 2);
    assert.match(warning.message, /101,000 problems/);
    assert.match(warning.message, /the first 100,000/);
  });

  test('typing does not warn again', async () => {
    const from = client.messages.mark;
    const version = await client.edit(uri, 0, 0, '在');
    assert.equal((await client.diagnosticsFor(uri, version)).length, MAX_PUBLISHED_DIAGNOSTICS);
    assert.equal(client.messages.items.length, from);
  });

  test('fix-all mends the problems past the list too', async () => {
    const [fixAll] =
      (await client.codeActions(
        uri,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        [],
        ['source.fixAll.speech'],
      )) ?? [];
    assert.ok(fixAll && 'kind' in fixAll);
    assert.deepEqual(await client.applyCodeAction(fixAll), { applied: true });
    assert.ok(!client.text(uri).includes(','));
    assert.deepEqual(await client.currentDiagnostics(uri), []);
  });
});

test("the warnings speak the editor's language", async () => {
  const client = await LspClient.start({ locale: 'zh-cn' });
  try {
    const uri = fileUri(`${folder}/扫描件.txt`);
    await client.open(uri, `同志们：\u0000\u0000`);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    const warning = await client.messages.wait((m) => m.message.includes('扫描件.txt'), 'a binary warning');
    assert.match(warning.message, /二进制/);
  } finally {
    await client.dispose();
  }
});
