import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, assertIdempotent, assertSafeFixAll, covered, findingsOf } from '../support/fixtures';

const rule = 'heading-mark';

describe('heading-mark', () => {
  test('a Chinese numeral marked with a dot is written with 、', () => {
    const text = '同志们：\n一.提高认识\n要提高认识。\n二．统一思想\n要统一思想。\n三\u200B.加强领导\n';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['.', '．', '.']);
    assert.equal(findings[0]!.message, 'A Chinese numeral heading takes “、”, not “.”: write “一、”.');
    assert.equal(findings[0]!.fixes[0]!.title, 'Write “、”');
    assertSafeFixAll(
      rule,
      text,
      '同志们：\n一、提高认识\n要提高认识。\n二、统一思想\n要统一思想。\n三\u200B、加强领导\n',
    );
  });

  test('a mark after a numeral’s parentheses is removed, and the heading keeps its name', () => {
    const text =
      '同志们：\n（一）、统一思想\n要统一思想。\n（二）.加强领导。要加强领导。\n（1）．明确责任\n(2)、狠抓落实\n';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['、', '.', '．', '、']);
    assert.equal(findings[0]!.message, 'No mark follows “（一）”: remove “、”.');
    assert.equal(findings[0]!.fixes[0]!.title, 'Remove “、”');
    assertIdempotent(
      text,
      '同志们：\n（一）统一思想\n要统一思想。\n（二）加强领导。要加强领导。\n（1）明确责任\n（2）狠抓落实\n',
    );
    const headings = analyzeText(text).model.blocks.flatMap((block) =>
      block.heading ? [block.heading.name] : [],
    );
    assert.deepEqual(headings, ['（一）、统一思想', '（二）.加强领导', '（1）．明确责任', '(2)、狠抓落实']);
  });

  test('marks in a row after parentheses all go at once, invisible characters between them too', () => {
    const text = '同志们：\n（一）、、统一思想\n（二）.\u200B、加强领导\n';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['、、', '.\u200B、']);
    assert.equal(findings[1]!.message, 'No mark follows “（二）”: remove “.、”.');
    assertIdempotent(text, '同志们：\n（一）统一思想\n（二）加强领导\n');
  });

  test('the marks beside a heading’s mark read it as fix-all writes it', () => {
    // A comma after `三.` is one after `三、`; a parenthesis before a mark too many is one before
    // what follows the mark.
    assertIdempotent('三.,"X中央', '三、，"党中央');
    assertIdempotent('（1).（', '（1）（');
    assertIdempotent('(一) 、统一思想', '（一）统一思想');
  });

  test('standard marks, and dots of a run or a number, are left', () => {
    for (const text of [
      '同志们：\n一、提高认识\n（一）统一思想\n1.明确责任\n2、狠抓落实\n（1）细化措施\n①压实责任\n',
      '同志们：\n（一）......\n一.5个百分点的增长要保持。\n（1）.5\n',
    ])
      assert.deepEqual(findingsOf(rule, text), [], text);
  });

  test('the rule speaks Chinese in a Chinese editor', () => {
    const messages = analyzeText('同志们：\n一.提高认识\n（一）、统一思想\n', {}, 'zh-cn')
      .findings.filter((finding) => finding.rule === rule)
      .map((finding) => finding.message);
    assert.deepEqual(messages, [
      '汉字序号后应用“、”，不用“.”，应写作“一、”。',
      '“（一）”之后不再加标点，应删除“、”。',
    ]);
  });
});
