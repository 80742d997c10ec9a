// UTF-8 is decoded by ICU where it can be, for speed, and must read every byte string exactly as
// Node's own decoder does: a transcript arriving over the protocol or read from disk is the same
// text either way, byte-order marks, astral characters and ill-formed bytes included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, wellFormedUtf8 } from '../../server/src/utf8';
import { propertyParameters, strictlyDecoded, utf8WithStrayBytes } from '../support/generators';

test('decodeUtf8 reads every byte string as buffer.toString does', () => {
  fc.assert(
    fc.property(utf8WithStrayBytes(true), (bytes) => {
      assert.equal(decodeUtf8(bytes), bytes.toString('utf8'));
    }),
    propertyParameters(5_000),
  );
});

test('wellFormedUtf8 takes exactly what a strict decoder takes, as the same text', () => {
  fc.assert(
    fc.property(utf8WithStrayBytes(true), (bytes) => {
      assert.equal(wellFormedUtf8(bytes), strictlyDecoded(bytes));
    }),
    propertyParameters(5_000),
  );
});

test('a byte-order mark, a surrogate written as UTF-8 and a cut character read as Node reads them', () => {
  assert.equal(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61])), '\uFEFFa');
  assert.equal(wellFormedUtf8(Buffer.from([0xed, 0xa0, 0x80])), undefined);
  assert.equal(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80])), '\uFFFD\uFFFD\uFFFD');
  assert.equal(decodeUtf8(Buffer.from([0xe8, 0xae, 0x61])), '\uFFFDa');
  assert.equal(decodeUtf8(Buffer.alloc(0)), '');
});
