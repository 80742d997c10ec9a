import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, RULES, resolveConfig } from '../../server/src/core';
import { lineFacts } from '../../server/src/core/lineFacts';
import {
  CharKind,
  CJK_PUNCT,
  charKindsOf,
  INVISIBLE,
  isAsciiDigit,
  isAsciiLetter,
  isChinese,
  isHan,
  sortFew,
  visibleAfter,
  visibleBefore,
} from '../../server/src/core/text';
import { propertyParameters } from '../support/generators';

test('sortFew orders a line’s items as Array.prototype.sort does, ties kept in the order found', () => {
  // Up to 40 items: the short lists it sorts itself and the long ones it hands on.
  const items = fc.array(fc.record({ start: fc.integer({ min: 0, max: 5 }), found: fc.nat() }), {
    maxLength: 40,
  });
  fc.assert(
    fc.property(items, (list) => {
      const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
      assert.deepEqual(sortFew([...list], byStart), [...list].sort(byStart));
    }),
    propertyParameters(1_000),
  );
});

test('the words beside a placeholder read through invisible characters and what fix-all rewrites', () => {
  // `X\u200B中央`: the zero-width space inside the window is not read.
  assert.equal(visibleAfter('X\u200B中央决策', 1, 2), '中央');
  assert.equal(visibleBefore('从严治\u200BX', 4, 2), '严治');
  // A stretch fix-all rewrites that starts before the window and ends inside it reads as rewritten:
  // an ad (removed) before `ZZ站位`, a restored `ZZ` before `站位X`.
  assert.equal(visibleAfter('广告语ZZ站位', 1, 4, [{ start: 0, end: 3 }]), 'ZZ站位');
  assert.equal(visibleBefore('提高ZZ站位X', 6, 3, [{ start: 2, end: 4, text: '政治' }]), '治站位');
  // An invisible character just outside the window changes nothing.
  assert.equal(visibleAfter('X中央\u200B决策', 1, 2), '中央');
  assert.equal(visibleBefore('全面\u200B从严治X', 6, 3), '从严治');
});

test('a line is classified by the very characters each rule searches it for, every code unit of them', () => {
  // A rule skips a line whose kinds lack its characters, so a kind missing one character would
  // hide every finding on a line that holds only that one (a U+1680 space, a full-width ＊).
  const searched: readonly (readonly [number, RegExp])[] = [
    [CharKind.invisible, new RegExp(`[${INVISIBLE}]`)],
    [CharKind.space, /\s/],
    [CharKind.latin, /[A-Za-z]/],
    [CharKind.halfWidthMark, /[,:;?!()（）."]/],
    [CharKind.pairMark, /[“”‘’《》（）()【】「」『』]/],
    [CharKind.slotMark, /[Xx×○□*＊]/],
  ];
  for (let code = 0; code <= 0xffff; code++) {
    const unit = String.fromCharCode(code);
    const kinds = charKindsOf(unit);
    for (const [kind, pattern] of searched)
      assert.equal((kinds & kind) !== 0, pattern.test(unit), `U+${code.toString(16)} and ${pattern}`);
  }
  // A line holds what any of its characters holds; an astral Han character holds nothing.
  assert.equal(charKindsOf('𠮷全 面X'), CharKind.space | CharKind.latin | CharKind.slotMark);
  assert.equal(charKindsOf('𠮷'), 0);
  // Two stop marks are in a row with only invisible characters between them, not with a word.
  assert.ok(charKindsOf('好，\u200B\u00AD，') & CharKind.stopsInARow);
  assert.equal(charKindsOf('好，了，\u200B') & CharKind.stopsInARow, 0);
  assert.equal(charKindsOf('，\u200B好\u200B，') & CharKind.stopsInARow, 0);
});

test('a finding on a line of one unusual character is found: the line is not skipped', () => {
  // Each rule's character alone on a Chinese line (a no-break space, a full-width asterisk run).
  const config = resolveConfig({}, RULES);
  const rulesOf = (text: string) =>
    analyze(text, { config, locale: 'en' }).findings.map((finding) => finding.rule);
  assert.ok(rulesOf('全面\u00A0提升。').includes('space-between-chinese'));
  assert.ok(rulesOf('会议由＊＊主持。').includes('template-placeholder'));
  assert.ok(rulesOf('全面\u00AD提升。').includes('invisible-char'));
  assert.ok(rulesOf('要坚持（一）问题导向】。').includes('unbalanced-pair'));
  assert.ok(rulesOf('问题（导向),坚持。').includes('halfwidth-punctuation'));
  assert.ok(rulesOf('认真贯彻X中央决策部署。').includes('placeholder'));
});

test('an enumerator of every form is found on a line that holds only it', () => {
  // A line without the characters enumerators are made of skips their search: each form alone
  // must still be found.
  for (const line of [
    '一是抓好项目建设。',
    '第一，抓好项目建设。',
    '其一，抓好项目建设。',
    ...['首先', '其次', '再次', '最后'].map((word) => `${word}，抓好项目建设。`),
  ])
    assert.equal(lineFacts(line).enumerators.length, 1, line);
  assert.equal(lineFacts('抓好项目建设。').enumerators.length, 0);
});

test('Han, Chinese, Latin letters and digits are told apart as their classes say, every code unit and astral Han', () => {
  // The common characters are answered by their code; what is answered must be what the
  // properties say.
  const han = /^\p{Script=Han}$/u;
  const chinese = new RegExp(`^(?:\\p{Script=Han}|[${CJK_PUNCT}])$`, 'u');
  for (let code = 0; code <= 0xffff; code++) {
    const unit = String.fromCharCode(code);
    assert.equal(isHan(unit), han.test(unit), `U+${code.toString(16)}`);
    assert.equal(isChinese(unit), chinese.test(unit), `U+${code.toString(16)}`);
    assert.equal(isAsciiLetter(unit), /^[A-Za-z]$/.test(unit), `U+${code.toString(16)}`);
    assert.equal(isAsciiDigit(unit), /^[0-9]$/.test(unit), `U+${code.toString(16)}`);
  }
  assert.ok(!isAsciiLetter('𠮷') && !isAsciiDigit('𠮷') && !isAsciiDigit('') && !isAsciiLetter(undefined));
  assert.ok(isHan('𠮷') && isChinese('𠮷'));
  assert.ok(!isHan(undefined) && !isChinese('A'));
});
