// Typing into a long transcript: the analyzer revises what the edit touched and keeps the rest,
// and what it then holds is what an analysis from scratch finds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Analysis, analyze, RULES, resolveConfig, TranscriptAnalyzer } from '../../server/src/core';
import { flatten, plainOutline } from '../support/invariants';

const options = { config: resolveConfig({}, RULES), locale: 'en' as const };

const SPEECH = [
  '在全县秋季工作推进会上的讲话',
  '',
  '同志们：',
  '一、关于当前形势',
  '今年以来，全县上下齐心协力。一是产业发展稳中有进，二是民生保障持续加强，三是X中央部署落实有力。',
  '（一）要看到成绩。我们的工作取得了进展,群众满意度提高。',
  '（二）要看到不足。有的同志工作作风不实。更多资料+微信:abc123',
  '二、关于下步工作',
  '首先，抓好项目建设。其次，抓好安全生产。最后，抓好队伍建设。',
  '谢谢大家！',
].join('\r\n');

/** What a user sees of an analysis: its problems, with their fixes, and its outline. */
function seen(analysis: Analysis) {
  return {
    findings: analysis.findings.map(({ rule, start, end, message, fixes }) => ({
      rule,
      start,
      end,
      message,
      fixes: fixes.map(({ title, edits }) => ({ title, edits })),
    })),
    outline: plainOutline(analysis.outline),
  };
}

/** Asserts that what the analyzer holds now is what an analysis from scratch finds. */
function assertAsFresh(analyzer: TranscriptAnalyzer, message?: string): Analysis {
  const analysis = analyzer.analysis();
  assert.deepEqual(seen(analysis), seen(analyze(analyzer.text, options)), message);
  return analysis;
}

/** Types `typed` one character at a time at `offset`, checking the analysis after each. */
function typeAt(analyzer: TranscriptAnalyzer, offset: number, typed: string): void {
  let at = offset;
  for (const char of typed) {
    analyzer.update(at, at, char);
    at += char.length;
    assertAsFresh(analyzer, `after typing ${char}`);
  }
}

describe('typing into a transcript', () => {
  test('inside an enumerated paragraph, a heading and a paragraph with an ad, it equals analysis from scratch', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    analyzer.analysis();
    typeAt(analyzer, analyzer.text.indexOf('稳中有进'), '总体');
    typeAt(analyzer, analyzer.text.indexOf('当前形势'), '😀𠀀');
    typeAt(analyzer, analyzer.text.indexOf('不实'), 'X');
    typeAt(analyzer, analyzer.text.indexOf('项目建设'), '重大');
  });

  test('what the edit did not touch is kept, not built again', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    // Copied: an edit revises the analysis's own lists in place.
    const before = [...analyzer.analysis().model.blocks];
    const at = analyzer.text.indexOf('抓好项目');
    analyzer.update(at, at, '在');
    const after = analyzer.analysis().model.blocks;
    const edited = after.findIndex((block) => block.line.start <= at && at <= block.line.end);
    assert.equal(after.length, before.length);
    // The edited line is read again; every other block is the one it was, its neighbours too.
    after.forEach((block, index) => {
      if (index !== edited) assert.equal(block, before[index], `block ${index} is kept`);
    });
    assert.notEqual(after[edited], before[edited]);
  });

  test('the findings of the lines an edit did not touch are kept, where the text now puts them', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    const before = [...analyzer.analysis().findings];
    const at = analyzer.text.indexOf('稳中有进');
    analyzer.update(at, at, '总体');
    const { findings: after, model } = assertAsFresh(analyzer);
    const lineOf = (offset: number) => model.lineIndex.position(offset).line;
    const elsewhere = after.filter((finding) => lineOf(finding.start) !== lineOf(at));
    assert.ok(
      elsewhere.length > 0 && elsewhere.length < after.length,
      'findings on the edited line and off it',
    );
    for (const finding of elsewhere)
      assert.ok(before.includes(finding), `${finding.rule} at ${finding.start} is kept`);
  });

  test('an analysis first read after an edit refuses to make findings or an outline from lines it does not describe', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    const superseded = analyzer.analysis();
    const at = analyzer.text.indexOf('稳中有进');
    analyzer.update(at, at, '总体');
    assert.throws(() => superseded.findings, /first read after an edit/);
    assert.throws(() => superseded.outline, /first read after an edit/);
    assertAsFresh(analyzer);
  });

  test('typing into one line that holds two hundred thousand findings', () => {
    // A megabyte pasted without a line break: the edited line's findings are many at once.
    const text = `标题\n${'中,'.repeat(200_000)}文。\n`;
    const analyzer = new TranscriptAnalyzer(text, { ...options, rules: RULES });
    assert.equal(analyzer.analysis().findings.length, 200_000);
    const at = text.indexOf(',') + 1;
    analyzer.update(at, at, '的');
    const findings = analyzer.analysis().findings;
    assert.equal(findings.length, 200_000);
    assert.equal(findings[1]!.start, text.indexOf(',', at) + 1, 'the findings after the edit moved with it');
  });

  test('the outline is revised, not made again: only the edited line’s nodes are new', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    const before = flatten(analyzer.analysis().outline);
    const at = analyzer.text.indexOf('当前形势');
    analyzer.update(at, at, '今年');
    const after = flatten(analyzer.analysis().outline);
    assert.equal(after.length, before.length);
    const renamed = after.filter((node, index) => node !== before[index]);
    assert.deepEqual(
      renamed.map((node) => node.name),
      ['一、关于今年当前形势'],
    );
    // The nodes after the edit are the same objects, where the text now puts them.
    const later = after.find((node) => node.name.startsWith('二、'))!;
    assert.equal(
      later,
      before.find((node) => node.name.startsWith('二、')),
    );
    assert.equal(analyzer.text.slice(later.start, later.selectionEnd), '二、关于下步工作');
  });

  test('renumbering a heading or starting a new line rebuilds the structure, still equal to scratch', () => {
    const analyzer = new TranscriptAnalyzer(SPEECH, { ...options, rules: RULES });
    analyzer.analysis();
    const heading = analyzer.text.indexOf('二、');
    analyzer.update(heading, heading + 1, '三');
    assertAsFresh(analyzer);
    const items = analyzer.text.indexOf('二是');
    analyzer.update(items, items, '\n');
    assertAsFresh(analyzer);
    const title = 2;
    analyzer.update(title, title, '会议');
    assertAsFresh(analyzer);
  });

  test('writing a list’s first item after the colon of the line above judges the run as a fresh analysis does', () => {
    const text =
      '关于做好全年工作的讲话\n同志们：\n请阅看附件：\n第 1 页 共 2 页\n\n2.任务分工表\n3.经费预算\n';
    const analyzer = new TranscriptAnalyzer(text, { ...options, rules: RULES });
    const numbering = () =>
      assertAsFresh(analyzer).findings.filter((finding) => finding.rule === 'heading-numbering').length;
    assert.equal(numbering(), 1);
    const colon = analyzer.text.indexOf('：\n第');
    typeAt(analyzer, colon + 1, '1.工作方案');
    assert.equal(numbering(), 0);
    analyzer.update(colon + 1, colon + 2, '');
    assert.equal(numbering(), 1, 'the first item gone again');
  });

  test('evidence an edit adds or takes away elsewhere decides a placeholder as a fresh analysis does', () => {
    // `X问题` has no collocation: only the same words elsewhere, written out or restored, decide it.
    const text = '要解决X问题。\n另一段讲到党问题。\n治X问题。\n';
    const analyzer = new TranscriptAnalyzer(text, { ...options, rules: RULES });
    const placeholderAt = text.indexOf('X');
    const decided = () =>
      assertAsFresh(analyzer).findings.find((finding) => finding.start === placeholderAt)?.hasSafeFix;
    assert.equal(decided(), true);
    const written = analyzer.text.indexOf('党问题');
    analyzer.update(written, written + 1, '国');
    assert.equal(decided(), true, 'the restored 治X问题 still reads 党问题');
    const restored = analyzer.text.indexOf('治X');
    analyzer.update(restored, restored + 2, '研究');
    assert.equal(decided(), false, 'no 党问题 is left');
    analyzer.update(written, written + 1, '党');
    assert.equal(decided(), true, 'written out again');
  });
});
