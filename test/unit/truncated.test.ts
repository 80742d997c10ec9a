import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSafeFixAll, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'truncated';

describe('truncated: the website’s cut marker', () => {
  test('a marker after the last words is removed; the unfinished sentence is then reported', () => {
    const text = '同志们：\n各级领导干部要带头转变作风，----\n';
    const [finding] = findingsOf(rule, text);
    assert.equal(text.slice(finding!.start, finding!.end), '----');
    assert.equal(
      finding!.message,
      'The text ends with “----”: the website cut it off here. Remove the marker and restore the rest from the source.',
    );
    assertSafeFixAll(rule, text, '同志们：\n各级领导干部要带头转变作风，\n');
    const after = findingsOf(rule, fixAll(text, rule));
    assert.equal(after.length, 1);
    assert.match(after[0]!.message, /stops mid-sentence/);
    assert.deepEqual(after[0]!.fixes, []);
  });

  test('a marker on a line of its own is removed with the line', () => {
    assertSafeFixAll(rule, '同志们：\n要带头转变作风，\n----\n', '同志们：\n要带头转变作风，\n');
  });

  test('a marker on the last line without a break takes the break before it', () => {
    assertSafeFixAll(rule, '同志们：\r\n要带头转变作风，\r\n  ----', '同志们：\r\n要带头转变作风，');
  });

  for (const marker of ['——————', '……………', '......', '____']) {
    test(`“${marker}” is a cut marker too`, () => {
      const text = `同志们：\n要带头转变作风，${marker}\n`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [marker]);
    });
  }

  test('a marker with an ad appended after it is found, and both go', () => {
    const text = '同志们：\n各级领导干部要带头转变作风，----更多资料+微信:\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['----']);
    assert.equal(fixAll(text), '同志们：\n各级领导干部要带头转变作风，\n');
  });

  test('site residue cut off by the marker goes whole, with the marker, at once', () => {
    const text = '同志们：\n要带头转变作风。\n正文复制…………\n';
    assert.deepEqual(covered(text, findingsOf('watermark', text)), ['正文复制…………\n']);
    assert.equal(fixAll(text), '同志们：\n要带头转变作风。\n');
  });

  test('a marker line in the middle is not the end of the text', () => {
    assert.deepEqual(findingsOf(rule, '同志们：\n要带头转变作风。\n----\n要真抓实干。\n'), []);
  });
});

describe('truncated: a last paragraph stopping mid-sentence', () => {
  test('the finding covers the last character, whole even outside the BMP', () => {
    const text = '同志们：\n这次评选的先进个人有王𪚥';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['𪚥']);
    assert.equal(findings[0]!.end - findings[0]!.start, 2);
    assert.equal(
      findings[0]!.message,
      'The last paragraph stops mid-sentence: the text may have been cut off. Restore the rest from the source.',
    );
  });

  test('a sign-off does not hide the words above it stopping mid-sentence', () => {
    const text = '同志们：\n这次评选的先进个人有王某\n市委办公室\n2024年3月1日\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['某']);
    const heading = '同志们：\n要真抓实干。\n一、主要任务\n';
    assert.deepEqual(covered(heading, findingsOf(rule, heading)), ['务']);
    const twoDates = '同志们：\n要真抓实干。\n2024年3月1日\n2024年3月2日\n';
    assert.deepEqual(covered(twoDates, findingsOf(rule, twoDates)), ['日']);
  });

  const finished: readonly [string, string][] = [
    ['a full stop', '同志们：\n要真抓实干。\n'],
    ['an exclamation mark', '同志们：\n为建设现代化新城区而努力奋斗！\n'],
    ['a closing quote', '同志们：\n他说：“要真抓实干。”\n'],
    ['a closing', '同志们：\n要真抓实干。\n谢谢大家！\n'],
    ['trailing blank lines', '同志们：\n要真抓实干。\n\n\n'],
    ['a footer after the last paragraph', '同志们：\n要真抓实干。\n第 5 页 共 5 页\n'],
    ['an ad after the last sentence', '同志们：\n要真抓实干。更多资料加微信\n'],
    ['an invisible character after the full stop', '同志们：\n要真抓实干。\u200B\n'],
    ['a date below the last words', '同志们：\n要真抓实干。\n2024年3月1日\n'],
    ['who signs and a date below them', '同志们：\n谢谢大家！\n\n某某市人民政府办公室\n（2024年3月1日）\n'],
    ['a date in Chinese numerals', '同志们：\n谢谢大家！\n\n某某县人民政府\n二〇二四年十二月三十一日\n'],
    ['a list of attachments', '同志们：\n要真抓实干。\n附件：1.工作方案\n2.任务分工表\n'],
    [
      'a list of attachments on lines of their own',
      '同志们：\n要真抓实干。\n附件：\n1.工作方案\n2.任务分工表\n',
    ],
  ];
  for (const [why, text] of finished) {
    test(`a text ending in ${why} is complete`, () => {
      assert.deepEqual(findingsOf(rule, text), []);
    });
  }
});
