import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'template-placeholder';

describe('template-placeholder: unfilled slots', () => {
  const cases: readonly [string, string[]][] = [
    ['请XX同志会后传达。', ['XX']],
    ['会议在XXX市召开。', ['XXX']],
    ['讲好×××的发展故事。', ['×××']],
    ['展示○○的新面貌。', ['○○']],
    ['请**同志发言，＊＊局负责。', ['**', '＊＊']],
    ['由□□县承办。', ['□□']],
    ['于X月X日前报送。', ['X', 'X']],
    ['这是第X次会议，共X名代表。', ['X', 'X']],
    ['请张X同志发言。', ['X']],
    ['我们在X县调研，到X镇X村走访。', ['X', 'X', 'X']],
    ['请xx同志发言。', ['xx']],
  ];
  for (const [text, slots] of cases) {
    test(text, () => {
      assert.deepEqual(covered(text, findingsOf(rule, text)), slots);
    });
  }

  test('a slot is information, says what to do, and has no fix: nobody can guess the word', () => {
    const text = '请XX同志会后传达。';
    const [finding] = findingsOf(rule, text);
    assert.equal(finding!.severity, 'information');
    assert.equal(
      finding!.message,
      'Unfilled template slot “XX”: replace it with the name, place or number it stands for.',
    );
    assert.deepEqual(finding!.fixes, []);
    assert.equal(fixAll(text), text);
  });

  test('a slot is not also reported as a censorship placeholder', () => {
    const rules = analyzeText('请张X同志于X月X日前到XX市报到。').findings.map((finding) => finding.rule);
    assert.deepEqual([...new Set(rules)], [rule]);
  });
});

describe('template-placeholder: what is no slot', () => {
  const sentences = [
    '县医院新配备了X光机，拍了x光片。',
    '3×4=12，这是简单的乘法。',
    '二〇二三年是关键一年。',
    '买了一件XXL号的衣服。',
    '乘坐地铁○号线的乘客。',
    '认真贯彻落实X中央决策部署。',
    '全X同志要团结一致。',
    '不少电脑还在使用Windows XP系统。',
  ];
  for (const sentence of sentences) {
    test(sentence, () => {
      assert.deepEqual(findingsOf(rule, sentence), []);
    });
  }
});
