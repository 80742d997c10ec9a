import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyOnlyFix, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'doubled-punctuation';

describe('doubled-punctuation', () => {
  test('each mark written twice: the one after the first is reported', () => {
    const text = '会议开得很成功。。大家要凝心聚力，，把思想、、行动统一起来；；具体要求如下：：';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['。', '，', '、', '；', '：']);
    assert.deepEqual(
      findings.map((finding) => finding.start),
      [8, 17, 22, 30, 38],
    );
    assert.equal(findings[0]!.message, '“。” repeats the mark before it: remove it.');
  });

  test('every repeat of a longer run is reported', () => {
    const text = '会议开得很成功，，，大家要凝心聚力。';
    assert.deepEqual(
      findingsOf(rule, text).map((finding) => finding.start),
      [8, 9],
    );
  });

  test('three full stops or more are an ellipsis: the quick fix writes ……', () => {
    const text = '我们走过的路。。。\u200B。大家都记得。';
    const [finding, ...others] = findingsOf(rule, text);
    assert.deepEqual(others, []);
    assert.equal(text.slice(finding!.start, finding!.end), '。。。\u200B。');
    assert.equal(finding!.message, '“。。。。” reads as an ellipsis typed with full stops: write “……”.');
    assert.deepEqual(
      finding!.fixes.map((fix) => [fix.title, fix.safe]),
      [
        ['Write “……”', true],
        ['Keep one “。”', false],
      ],
    );
    assert.equal(applyOnlyFix(rule, text), '我们走过的路……大家都记得。');
    assert.equal(fixAll(text, rule), '我们走过的路……大家都记得。');
  });

  test('full stops beside an ellipsis are repeats: …… there would make a cut mark', () => {
    for (const text of ['我们走过的路……。。。', '我们走过的路。。。\u200B…']) {
      const findings = findingsOf(rule, text);
      assert.deepEqual(
        findings.map((finding) => finding.message),
        ['“。” repeats the mark before it: remove it.', '“。” repeats the mark before it: remove it.'],
        text,
      );
    }
  });

  test('the quick fix removes the repeated mark and nothing else', () => {
    const text = '大家要凝心聚力，，把思想统一起来。';
    const [finding] = findingsOf(rule, text);
    assert.equal(finding!.fixes[0]!.title, 'Remove the repeated “，”');
    assert.equal(applyOnlyFix(rule, text), '大家要凝心聚力，把思想统一起来。');
  });

  test("the rule's own fix-all removes every repeat; fix-all of every rule leaves them", () => {
    const text = '会议开得很成功。。大家要凝心聚力，,把思想、\u200B、行动统一起来。';
    assert.equal(fixAll(text, rule), '会议开得很成功。大家要凝心聚力，把思想、\u200B行动统一起来。');
    assert.equal(fixAll('大家要凝心聚力，，把思想统一起来。'), '大家要凝心聚力，，把思想统一起来。');
  });

  test('a half-width twin doubles its full-width mark', () => {
    const text = '大家要凝心聚力，,把思想,，行动统一起来;；要求如下:：';
    assert.deepEqual(covered(text, findingsOf(rule, text)), [',', '，', '；', '：']);
  });

  test('invisible characters between two marks do not keep them apart', () => {
    const text = '大家要凝心聚力，\u200B，把思想统一起来。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['，']);
  });

  test('marks apart, of different kinds, in numbers, or repeated for emphasis are no repeat', () => {
    for (const text of [
      '会议开得很成功。 。大家要凝心聚力。',
      '大家要凝心聚力，。把思想统一起来。',
      '这是多么伟大的成就！！我们怎能不骄傲？？',
      '下面我讲三点意见：一、统一思想；二、明确任务。',
      '会议开得很成功。\n。大家要凝心聚力。',
      '全年完成投资1,000万元，时间是8:30。',
    ]) {
      assert.deepEqual(findingsOf(rule, text), [], text);
    }
  });

  test('a residue line is removed whole, not cleaned', () => {
    const text =
      '正文复制\n本文档由用户上传，，如有侵权请联系删除\n关于做好全年工作的讲话\n同志们：\n会议开得很成功。\n';
    assert.deepEqual(findingsOf(rule, text), []);
  });
});
