import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverMarkdown } from '../../server/src/core';
import { analyzeText, assertSafeFixAll, covered, findingsOf } from '../support/fixtures';

const rule = 'invisible-char';

describe('invisible-char', () => {
  const names: readonly [string, string][] = [
    ['\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['\u200C', 'U+200C ZERO WIDTH NON-JOINER'],
    ['\u200D', 'U+200D ZERO WIDTH JOINER'],
    ['\u2060', 'U+2060 WORD JOINER'],
    ['\uFEFF', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['\u00AD', 'U+00AD SOFT HYPHEN'],
  ];
  for (const [char, name] of names) {
    test(`${name} between Chinese characters is reported and removed`, () => {
      const text = `全市上下要提高站${char}位。`;
      const findings = findingsOf(rule, text);
      assert.deepEqual(covered(text, findings), [char]);
      assert.equal(findings[0]!.message, `Invisible character ${name}: remove it.`);
      assertSafeFixAll(rule, text, '全市上下要提高站位。');
    });
  }

  test('a run of invisible characters is one finding naming each kind once', () => {
    const text = '提高\u200B\u200B\u2060站位。';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['\u200B\u200B\u2060']);
    assert.equal(
      findings[0]!.message,
      'Invisible character U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER: remove it.',
    );
    assertSafeFixAll(rule, text, '提高站位。');
  });

  test('a byte order mark opening the file is an encoding signature, not residue', () => {
    assert.deepEqual(findingsOf(rule, '\uFEFF同志们：\r\n今天开会。\r\n'), []);
  });

  test('a byte order mark inside the text is residue', () => {
    const text = '\uFEFF同志们：\n今天\uFEFF开会。\n';
    assertSafeFixAll(rule, text, '\uFEFF同志们：\n今天开会。\n');
  });

  test('joiners inside emoji sequences do real work and stay', () => {
    assert.deepEqual(findingsOf(rule, '评选“👨‍👩‍👧最美家庭”，还有🏳️‍🌈旗帜。'), []);
  });

  test('a zero-width space slipped in beside an emoji joiner goes, the joiner stays', () => {
    const text = '评选“👨\u200B\u200D👩\u200D👧最美家庭”。';
    const findings = findingsOf(rule, text);
    assert.deepEqual(covered(text, findings), ['\u200B']);
    assert.equal(findings[0]!.message, 'Invisible character U+200B ZERO WIDTH SPACE: remove it.');
    assert.match(hoverMarkdown(analyzeText(text), text.indexOf('\u200B'), 'en')!, /The fix removes it\./);
    assertSafeFixAll(rule, text, '评选“👨‍👩‍👧最美家庭”。');
  });

  test('a joiner between an emoji and a Chinese character is residue', () => {
    const text = '表彰大会🎉\u200D隆重召开。';
    assertSafeFixAll(rule, text, '表彰大会🎉隆重召开。');
  });

  test('a joiner beside a blank joins nothing and is residue', () => {
    for (const blank of ['\u00A0', '\u2009', '\u2028', '\u2029']) {
      const text = `表彰大会🎉\u200C${blank}🎉隆重召开。`;
      assertSafeFixAll(rule, text, `表彰大会🎉${blank}🎉隆重召开。`);
    }
  });
});
