// The `.speech-tidy.json` a folder carries applies in the editor as in CI, merged over the
// editor's settings; an untrusted workspace brings no patterns or dictionaries through it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient } from '../support/lspClient';
import { lines } from './transcripts';

const TEXT = lines(
  '在全区文明创建工作会议上的讲话',
  '同志们：',
  '今年以来，全区文明创建工作取得明显进展，群众满意度持续提高。本站专供：示范文稿',
  '一、巩固创建成果',
  '要坚持常态长效，推动创建工作融入日常。',
  '谢谢大家！',
);

describe('.speech-tidy.json', () => {
  let root: string;
  const clients: LspClient[] = [];

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'speech-tidy-config-'));
    writeFileSync(
      path.join(root, '.speech-tidy.json'),
      '{\n  // the folder owner\'s watermark, and a rule this archive does not want\n  "watermarkPhrases": ["本站专供：示范文稿"],\n  "rules": { "truncated": "off" }\n}\n',
    );
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    rmSync(root, { recursive: true, force: true });
  });

  async function diagnosticsWith(options: Parameters<typeof LspClient.start>[0]) {
    const client = await LspClient.start({ workspaceFolders: [root], ...options });
    clients.push(client);
    const uri = fileUri(path.join(root, '讲话.speech'));
    await client.open(uri, TEXT);
    return client.currentDiagnostics(uri);
  }

  test("the folder's watermark phrase is reported in the editor, as the CLI reports it", async () => {
    const diagnostics = await diagnosticsWith({});
    const custom = diagnostics.filter(
      (d) => d.code === 'watermark' && String(d.message).includes('本站专供'),
    );
    assert.equal(custom.length, 1);
  });

  test("the file wins over the editor's settings for the same rule", async () => {
    const diagnostics = await diagnosticsWith({
      settings: { speechTidy: { rules: { truncated: 'error', 'halfwidth-punctuation': 'off' } } },
    });
    assert.equal(diagnostics.filter((d) => d.code === 'truncated').length, 0);
  });

  test("in an untrusted workspace the file's phrases are ignored, its severities still apply", async () => {
    const diagnostics = await diagnosticsWith({ initializationOptions: { workspaceTrusted: false } });
    assert.equal(diagnostics.filter((d) => String(d.message).includes('本站专供')).length, 0);
    assert.equal(diagnostics.filter((d) => d.code === 'truncated').length, 0);
  });
});
