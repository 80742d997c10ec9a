import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countHan } from '../../server/src/core/text';
import { propertyParameters } from '../support/generators';

test('字数 counts Chinese characters, one each, whatever the units: Extension B, 〇, not emoji or marks', () => {
  assert.equal(countHan(''), 0);
  assert.equal(countHan('同志们：今年𠀀𠀁的GDP增长〇点五，🎉\r\n谢谢！'), 15);
  assert.equal(countHan('𠀀'.repeat(1000)), 1000);
});

test('字数 is the number of characters of the Han script, for any text', () => {
  const oneByOne = (text: string) => [...text].filter((char) => /^\p{Script=Han}$/u.test(char)).length;
  const pieces = fc.oneof(
    fc.constantFrom(
      '党',
      '中央',
      '𠀀',
      '𪚥',
      '〇',
      '，',
      '。',
      ' ',
      '\u200B',
      '🎉',
      'X',
      '\uD840',
      '\uDC00',
      '\r\n',
    ),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.equal(countHan(text), oneByOne(text));
    }),
    propertyParameters(2_000),
  );
});
