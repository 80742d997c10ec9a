// didOpen and didChange in, publishDiagnostics out: rule ids as codes, UTF-16 ranges, a new
// publication for every version the client ends up at, and a server that sees the same text as
// the client after any sequence of incremental edits.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import {
  applyTextEdits,
  fileUri,
  LspClient,
  positionAt,
  rangeAt,
  rangeOf,
  textAt,
} from '../support/lspClient';
import {
  expectedDiagnostics,
  expectedSymbols,
  messageOf,
  RULE_IDS,
  summarize,
  summarizeSymbols,
} from './oracle';
import { ASTRAL_LINE, lines, SPEECH } from './transcripts';

const folder = '/tmp/speech-tidy-protocol';

describe('publishDiagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
  });
  after(() => client.dispose());

  test('didOpen publishes the findings of version 1, coded by rule id, from speech-tidy', async () => {
    const uri = fileUri(`${folder}/open.speech`);
    await client.open(uri, SPEECH);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'speech-tidy');
      assert.ok(RULE_IDS.includes(String(diagnostic.code)), `code ${diagnostic.code} is a rule id`);
      assert.ok(messageOf(diagnostic).length > 0);
    }
    assert.deepEqual(summarize(diagnostics), expectedDiagnostics(SPEECH));
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const rule of ['watermark', 'placeholder', 'halfwidth-punctuation', 'template-placeholder']) {
      assert.ok(codes.has(rule), `the speech has a ${rule} finding`);
    }
    await client.close(uri);
  });

  test('ranges count UTF-16 code units: an emoji and an Extension B character count two each', async () => {
    const uri = fileUri(`${folder}/astral.speech`);
    await client.open(uri, SPEECH);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const line = SPEECH.split('\n')[ASTRAL_LINE]!;
    assert.ok(line.includes('🎬') && line.includes('𠮷'));
    const onLine = diagnostics.filter((d) => d.range.start.line === ASTRAL_LINE);
    // 参观展览时，大家在 (9) 🎬 (2) 影片和“ (4) 𠮷 (2) ”字碑拓前驻足，深受 (10): X is at 27, not at 25.
    const placeholder = onLine.find((d) => d.code === 'placeholder');
    assert.deepEqual(placeholder?.range, {
      start: { line: ASTRAL_LINE, character: 27 },
      end: { line: ASTRAL_LINE, character: 28 },
    });
    const ad = onLine.find((d) => d.code === 'watermark');
    assert.deepEqual(ad?.range, {
      start: { line: ASTRAL_LINE, character: 32 },
      end: { line: ASTRAL_LINE, character: line.length },
    });
    assert.equal(textAt(SPEECH, ad!.range), '更多资料+微信:abc123');
    await client.close(uri);
  });

  test('CRLF line ends are one break, not two', async () => {
    const uri = fileUri(`${folder}/crlf.speech`);
    const text = SPEECH.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(summarize(diagnostics), expectedDiagnostics(text));
    const zz = diagnostics.find((d) => textAt(text, d.range) === 'ZZ');
    assert.deepEqual(zz?.range, rangeOf(text, 'ZZ'));
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri(`${folder}/closed.speech`);
    await client.open(uri, SPEECH);
    await client.diagnosticsFor(uri, 1);
    const from = client.diagnostics.mark;
    await client.close(uri);
    const cleared = await client.diagnostics.wait((p) => p.uri === uri, 'the clearing publication', {
      from,
    });
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('a document closed before its analysis ran gets nothing published after the clearing', async () => {
    const uri = fileUri(`${folder}/closed-at-once.speech`);
    const from = client.diagnostics.mark;
    await client.open(uri, SPEECH);
    await client.edit(uri, 0, 0, 'X中央');
    await client.close(uri);
    // Analyses run in the order they were scheduled: once a document opened later is published,
    // anything still due for the closed one would have been published too.
    const fence = fileUri(`${folder}/fence.speech`);
    await client.open(fence, SPEECH);
    await client.diagnosticsFor(fence, 1);
    const published = client.diagnostics.items.slice(from).filter((p) => p.uri === uri);
    assert.ok(published.length > 0, 'the clearing publication');
    assert.deepEqual(published.at(-1)!.diagnostics, [], 'the last word on the closed document is "none"');
    await client.close(fence);
  });

  test('a clean transcript publishes an empty list', async () => {
    const uri = fileUri(`${folder}/clean.speech`);
    const clean = lines(
      '关于做好春季安全生产工作的讲话',
      '同志们：',
      '今天我们召开会议，专题部署春季安全生产工作。',
      '谢谢大家！',
    );
    await client.open(uri, clean);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    await client.close(uri);
  });
});

describe('incremental didChange', () => {
  let client: LspClient;
  const uri = fileUri(`${folder}/incremental.speech`);
  before(async () => {
    client = await LspClient.start({ locale: 'en' });
    await client.open(uri, SPEECH);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.dispose());

  /** The server's diagnostics for the client's current version equal the core's for the client's text. */
  async function assertInSync(what: string): Promise<Diagnostic[]> {
    const version = client.version(uri);
    const diagnostics = await client.diagnosticsFor(uri, version);
    assert.deepEqual(summarize(diagnostics), expectedDiagnostics(client.text(uri)), what);
    return diagnostics;
  }

  const offsetOf = (needle: string) => {
    const at = client.text(uri).indexOf(needle);
    assert.ok(at >= 0, `"${needle}" is in the document`);
    return at;
  };

  test('inserting a paragraph with a placeholder and a half-width comma', async () => {
    const at = offsetOf('二、清醒认识');
    await client.edit(uri, at, at, '全区ZZ生态持续向好,干部群众干劲十足。\n');
    const diagnostics = await assertInSync('after the insertion');
    const inserted = positionAt(client.text(uri), at).line;
    const onLine = diagnostics.filter((d) => d.range.start.line === inserted).map((d) => d.code);
    assert.deepEqual(onLine.sort(), ['halfwidth-punctuation', 'placeholder']);
  });

  test('deleting the page-footer line', async () => {
    const at = offsetOf('第 2 页 共 5 页\n');
    await client.edit(uri, at, at + '第 2 页 共 5 页\n'.length, '');
    const diagnostics = await assertInSync('after deleting the footer');
    assert.ok(!diagnostics.some((d) => messageOf(d).includes('第 2 页 共 5 页')));
  });

  test('two changes in one notification, the second relative to the text after the first', async () => {
    const before = client.text(uri);
    const first = { range: rangeOf(before, '开新局'), text: '谱新篇' };
    const middle = applyTextEdits(before, [{ range: first.range, newText: first.text }]);
    // The second range only makes sense in the intermediate text: it ends the retitled line.
    const titleEnd = middle.indexOf('谱新篇') + 3;
    const second = { range: rangeAt(middle, titleEnd, titleEnd), text: '𠀀' };
    await client.change(uri, [first, second]);
    assert.ok(client.text(uri).includes('奋发有为谱新篇𠀀\n'));
    await assertInSync('after a two-change notification');
  });

  test('a change that makes a lone CR and an LF one break, then a change on the line after it', async () => {
    const crUri = fileUri(`${folder}/cr-endings.speech`);
    await client.open(crUri, '同志们：\r今天召开全市工作会议。\r');
    await client.diagnosticsFor(crUri, 1);
    const lineOne = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    // Both at line 1: the first right after the lone CR, which its LF joins into one break; the
    // second at line 1 of the text after it, which starts after that CRLF, not where it did.
    await client.change(crUri, [
      { range: lineOne, text: '\n全X要团结一心,' },
      { range: lineOne, text: '首先,' },
    ]);
    assert.equal(client.text(crUri), '同志们：\r\n首先,全X要团结一心,今天召开全市工作会议。\r');
    const diagnostics = await client.diagnosticsFor(crUri, client.version(crUri));
    assert.deepEqual(summarize(diagnostics), expectedDiagnostics(client.text(crUri)));
    await client.close(crUri);
  });

  test('a replacement across lines with an emoji in the new text', async () => {
    const start = offsetOf('我们还有不少差距');
    const end = offsetOf('三、扎实做好') + 2;
    await client.edit(uri, start, end, '差距依然明显😀。请XXX同志牵头整改，X员干部带头落实。\n三、');
    await assertInSync('after a multi-line replacement');
  });

  test('a burst of edits faster than the server analyses: the last version is published', async () => {
    for (let i = 0; i < 6; i++) {
      const at = offsetOf('谢谢大家！');
      await client.edit(uri, at, at, i % 2 === 0 ? '全X' : '上下,');
    }
    await assertInSync('after a burst of edits');
  });

  test('a change without a range replaces the whole text', async () => {
    const replacement = SPEECH.replace('李明远', '王建华').replace('一是经济运行', '一是经济 运行');
    await client.change(uri, [{ text: replacement }]);
    assert.equal(client.text(uri), replacement);
    await assertInSync('after a full replacement');
  });

  test('requests sent right after a change answer for the new text, before any publication', async () => {
    const at = offsetOf('三、扎实做好');
    const edit = client.edit(uri, at, at, '（三）新插入的小节标题\n');
    const symbols = await client.documentSymbols(uri);
    await edit;
    assert.ok(symbols);
    assert.deepEqual(summarizeSymbols(symbols), expectedSymbols(client.text(uri)));
    await assertInSync('after inserting a heading');
  });

  test('the outline follows the edits too', async () => {
    const at = offsetOf('（二）营商环境');
    await client.edit(uri, at, at, '（二）科技创新提速增效\n研发投入强度持续提高。\n');
    await assertInSync('after inserting a section');
    const symbols = await client.documentSymbols(uri);
    assert.ok(symbols);
    assert.deepEqual(summarizeSymbols(symbols), expectedSymbols(client.text(uri)));
  });
});

describe('locale', () => {
  const uri = fileUri(`${folder}/locale.speech`);

  async function messagesWith(options: Parameters<typeof LspClient.start>[0]): Promise<Diagnostic[]> {
    const client = await LspClient.start(options);
    try {
      await client.open(uri, SPEECH);
      return await client.diagnosticsFor(uri, 1);
    } finally {
      await client.dispose();
    }
  }

  test('zh-cn gets Chinese messages, en English ones, for the same findings', async () => {
    const chinese = await messagesWith({ locale: 'zh-cn' });
    const english = await messagesWith({ locale: 'en' });
    assert.deepEqual(summarize(chinese), expectedDiagnostics(SPEECH, {}, 'zh-cn'));
    assert.deepEqual(summarize(english), expectedDiagnostics(SPEECH, {}, 'en'));
    assert.deepEqual(
      chinese.map((d) => [d.code, d.range]),
      english.map((d) => [d.code, d.range]),
    );
    const placeholder = (list: Diagnostic[]) => messageOf(list.find((d) => d.code === 'placeholder')!);
    assert.match(placeholder(chinese), /屏蔽占位符/);
    assert.match(placeholder(english), /Censorship placeholder/);
  });

  test('VS Code spells the locale zh-CN; initializationOptions.locale overrides it', async () => {
    const mixedCase = await messagesWith({ locale: 'zh-CN' });
    assert.deepEqual(summarize(mixedCase), expectedDiagnostics(SPEECH, {}, 'zh-cn'));
    const overridden = await messagesWith({ locale: 'zh-CN', initializationOptions: { locale: 'en' } });
    assert.deepEqual(summarize(overridden), expectedDiagnostics(SPEECH, {}, 'en'));
  });
});
