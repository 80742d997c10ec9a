// UTF-8 is decoded by ICU where it can be, for speed, and must read every byte string exactly as
// Node's own decoder does: a transcript arriving over the protocol or read from disk is the same
// text either way, byte-order marks, astral characters and ill-formed bytes included. A file is
// read as VS Code reads it: by its byte-order mark, UTF-16 in either order or UTF-8.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BYTE_ORDER_MARKS, decodeFile, decodeUtf8, wellFormedUtf8 } from '../../server/src/decoding';
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

test('a file with a byte-order mark is read in the encoding it names, without the mark', () => {
  const encoded = {
    'utf-8': (text: string) => Buffer.from(text, 'utf8'),
    'utf-16le': (text: string) => Buffer.from(text, 'utf16le'),
    'utf-16be': (text: string) => Buffer.from(text, 'utf16le').swap16(),
  };
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 24 }),
      fc.constantFrom(...(Object.keys(encoded) as (keyof typeof encoded)[])),
      (words, encoding) => {
        // A text may itself open with U+FEFF: only the file's one mark goes.
        const text = `讲话：${words}`;
        const file = Buffer.concat([BYTE_ORDER_MARKS[encoding], encoded[encoding](text)]);
        assert.equal(decodeFile(file), text);
        assert.equal(
          decodeFile(Buffer.concat([BYTE_ORDER_MARKS[encoding], encoded[encoding](`\uFEFF${text}`)])),
          `\uFEFF${text}`,
        );
      },
    ),
    propertyParameters(2_000),
  );
});

test('a file without a byte-order mark is UTF-8, and a UTF-16 file cut after an odd byte loses it', () => {
  fc.assert(
    fc.property(utf8WithStrayBytes(false), (bytes) => {
      // No stray byte comes first, so the text opens with 同 and never with a mark.
      assert.equal(decodeFile(bytes), bytes.toString('utf8'));
    }),
    propertyParameters(2_000),
  );
  const cut = (mark: Buffer, body: Buffer) => Buffer.concat([mark, body, Buffer.from([0x41])]);
  assert.equal(decodeFile(cut(BYTE_ORDER_MARKS['utf-16le'], Buffer.from('讲话', 'utf16le'))), '讲话');
  assert.equal(
    decodeFile(cut(BYTE_ORDER_MARKS['utf-16be'], Buffer.from('讲话', 'utf16le').swap16())),
    '讲话',
  );
});
