import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSafeFixAll, covered, findingsOf, fixAll } from '../support/fixtures';

const rule = 'broken-line';

describe('broken-line: breaks fix-all joins', () => {
  test('a line ending in a comma goes on in the next line', () => {
    const text = '同志们：\n要主动加强与各部门的协调配合，\n形成工作合力。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['\n']);
    assertSafeFixAll(rule, text, '同志们：\n要主动加强与各部门的协调配合，形成工作合力。\n');
  });

  test('a line starting with a comma continues the one before', () => {
    const text = '同志们：\n要主动加强与各部门的协调配合\n，形成工作合力。\n';
    assertSafeFixAll(rule, text, '同志们：\n要主动加强与各部门的协调配合，形成工作合力。\n');
  });

  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    test(`a ${name} line break is one break, not a blank line`, () => {
      const text = `同志们：${eol}要主动加强与各部门的协调配合，${eol}形成工作合力。${eol}`;
      assert.deepEqual(covered(text, findingsOf(rule, text)), [eol]);
      assertSafeFixAll(rule, text, `同志们：${eol}要主动加强与各部门的协调配合，形成工作合力。${eol}`);
    });
  }

  test('a page footer inside the sentence goes with the join', () => {
    const text = '同志们：\n要主动加强协调配合，\n第 2 页 共 5 页\n形成工作合力。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['\n第 2 页 共 5 页\n']);
    assert.equal(fixAll(text), '同志们：\n要主动加强协调配合，形成工作合力。\n');
  });

  test('a run-in heading whose paragraph breaks is joined like a paragraph', () => {
    const text = '一、总体要求\n（一）做强主流舆论。各部门要加强协调配合，\n形成工作合力。\n';
    assertSafeFixAll(rule, text, '一、总体要求\n（一）做强主流舆论。各部门要加强协调配合，形成工作合力。\n');
  });

  test('an invisible character at the end of the broken line goes with the join', () => {
    const text = '同志们：\n要加强协调配合，\u200B\n形成工作合力。\n';
    assert.deepEqual(covered(text, findingsOf(rule, text)), ['\u200B\n']);
    assert.equal(fixAll(text), '同志们：\n要加强协调配合，形成工作合力。\n');
  });

  test('a line starting with a half-width closing parenthesis continues the one before', () => {
    const text = '同志们：\n这次会议很重要（全体\n)同志都要参加。\n';
    assert.equal(fixAll(text), '同志们：\n这次会议很重要（全体）同志都要参加。\n');
  });

  test('trailing blanks on the broken line go with the join', () => {
    const text = '同志们：\n要加强协调配合，  \n形成工作合力。\n';
    assertSafeFixAll(rule, text, '同志们：\n要加强协调配合，形成工作合力。\n');
  });
});

describe('broken-line: breaks left to a person', () => {
  test('a long line that merely lacks punctuation is reported, but fix-all does not join it', () => {
    const text = '同志们：\n全县上下要主动加强与网信公安文旅等部门的协调配合\n形成工作合力。\n';
    const [finding] = findingsOf(rule, text);
    assert.equal(finding!.severity, 'information');
    assert.equal(
      finding!.message,
      'This line breaks in the middle of a sentence: join it with the next line.',
    );
    assert.equal(finding!.fixes[0]!.safe, false);
    assert.equal(fixAll(text, rule), text);
  });
});

describe('broken-line: breaks that are meant', () => {
  const texts: readonly [string, string][] = [
    ['a finished sentence', '同志们：\n要加强协调配合。\n形成工作合力。\n'],
    ['a blank line between', '同志们：\n要加强协调配合，\n\n形成工作合力。\n'],
    ['a blank CRLF line between', '同志们：\r\n要加强协调配合，\r\n\r\n形成工作合力。\r\n'],
    ['a short unpunctuated line, like an unnumbered heading', '同志们：\n加强组织领导\n形成工作合力。\n'],
    ['a heading before a paragraph', '一、加强组织领导\n形成工作合力。\n'],
    ['a paragraph before a heading', '要加强协调配合，\n二、形成工作合力\n'],
    [
      'a sentence followed by an appended ad',
      '同志们：\n要加强协调配合。更多资料+微信:abc\n形成工作合力。\n',
    ],
    ['a salutation', '同志们：\n形成工作合力。\n'],
  ];
  for (const [why, text] of texts) {
    test(why, () => {
      assert.deepEqual(findingsOf(rule, text), []);
    });
  }
});
