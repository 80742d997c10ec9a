import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sortFew, visibleAfter, visibleBefore } from '../../server/src/core/text';
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
