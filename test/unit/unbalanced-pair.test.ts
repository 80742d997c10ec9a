import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'unbalanced-pair';

describe('unbalanced-pair', () => {
  test('an opening quote without its partner', () => {
    const text = '要坚持“内容为王 的理念，提高传播力。';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['“']);
    // The mark is quoted with single marks: `““”` would not say which mark is meant.
    assert.equal(findings[0]!.message, '‘“’ is not closed in this paragraph: add ‘”’ where it ends.');
  });

  test('a closing mark without its partner', () => {
    const text = '要认真学习关于加强宣传思想工作的意见》，推动学习往深里走。';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['》']);
    assert.equal(
      findings[0]!.message,
      '“》” closes nothing in this paragraph: add “《” where it starts, or remove it.',
    );
  });

  test('an unclosed book title inside a closed quote is the one reported', () => {
    const text = '他说：“要学习《意见，抓好落实。”';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['《']);
  });

  test('each paragraph is checked on its own', () => {
    const text = '要坚持“内容为王\n的理念”，提高传播力。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['“', '”']);
  });

  test('the correction needs a person: no fix, and fix-all leaves the text alone', () => {
    const text = '要坚持“内容为王 的理念。';
    assert.deepEqual(findingsOf(rule, text)[0]!.fixes, []);
    assert.equal(fixAll(text, rule), text);
  });

  test('a quotation of several paragraphs opens each with “ and closes the last', () => {
    const quoted = '他指出：“第一段话。\n\n“第二段话。\n“第三段话。”\n';
    assert.deepEqual(findingsOf(rule, quoted), []);
    const unfinished = '他指出：“第一段话。\n“第二段话。\n下一段没有引号。\n';
    const findings = findingsOf(rule, unfinished);
    assert.deepEqual(
      findings.map((finding) => finding.start),
      [unfinished.indexOf('“第二')],
    );
    assert.equal(findings[0]!.message, '‘“’ is not closed in this paragraph: add ‘”’ where it ends.');
  });

  test('a full-width closer after Chinese or a number inside a sentence is no list marker', () => {
    const text = '今年增长5%）。要完成共3）项任务。';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['）', '）']);
  });

  test('list markers inside a parenthesis leave it to its own closer', () => {
    const text = '（注：加强领导 1)落实责任 2)抓好落实）（';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['（']);
    assert.equal(findingsOf(rule, text)[0]!.start, text.length - 1);
  });

  const balanced = [
    '要深入学习《习近平谈治国理政》，坚持“以人民为中心”的发展思想。',
    '他说：“要学习《意见》，抓好‘最后一公里’。”',
    '参加人员（含列席）共50人(其中女性20人）。',
    '1)加强领导；2)落实责任。',
    '要做到以下几点：1)加强领导；2)落实责任。',
    // A `)` that could close a list marker closes the parenthesis nothing after it closes.
    '使用Windows XP (Service Pack 3)系统。',
    '详见（附件 1)。',
    '（注：1)加强领导；2)落实责任）。',
    '主要任务有：1）加强领导；2）落实责任；a）严明纪律。',
    '详见（附件1）。（注：1）加强领导；2）落实责任）',
    'He said “don’t give up”，我们深受鼓舞。',
    '【要闻】「新华社」『人民日报』',
  ];
  for (const text of balanced) {
    test(`balanced: ${text}`, () => {
      assert.deepEqual(findingsOf(rule, text), []);
    });
  }
});
