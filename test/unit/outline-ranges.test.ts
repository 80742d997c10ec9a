// Counterexamples the outline property (test/property/outline.test.ts) found, shrunk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outline, parse } from '../../server/src/core';

test('an enumeration item’s name stops where the next item starts, inside the item’s range', () => {
  const text = '，\n首先，其次----';
  const [first, second] = outline(parse(text));
  assert.equal(first?.kind, 'enumeration');
  assert.equal(first.name, '首先，');
  assert.ok(
    first.selectionEnd <= first.end,
    `selection ends at ${first.selectionEnd}, range at ${first.end}`,
  );
  assert.equal(text.slice(second!.start, second!.selectionEnd), '其次----');
});
