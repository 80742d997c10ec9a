// UTF-8 is decoded by ICU where it can be, for speed, and must read every byte string exactly as
// Node's own decoder does: a transcript arriving over the protocol or read from disk is the same
// text either way, byte-order marks, astral characters and ill-formed bytes included. A file is
// read as VS Code reads it: by its byte-order mark, UTF-16 in either order or UTF-8.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
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

test('a file is read in the encoding the editor is told for its folder, a byte-order mark first', () => {
  // Windows Notepad on a Chinese system saved "ANSI" as GBK, with no mark.
  const words = '同志们：一、统一思想，提高认识。谢谢大家！';
  const gbk = iconv.encode(words, 'gbk');
  assert.equal(decodeFile(gbk, { encoding: 'gbk' }), words);
  assert.equal(decodeFile(gbk, { encoding: 'gb18030' }), words);
  assert.equal(decodeFile(gbk, { encoding: 'GB2312' }), words, 'names as VS Code spells them, any case');
  assert.equal(
    decodeFile(iconv.encode('中華人民共和國', 'big5'), { encoding: 'big5hkscs' }),
    '中華人民共和國',
  );
  assert.equal(decodeFile(iconv.encode('Grüße', 'win1252'), { encoding: 'windows1252' }), 'Grüße');
  assert.equal(decodeFile(iconv.encode('Żółć', 'iso-8859-2'), { encoding: 'iso88592' }), 'Żółć');
  assert.equal(decodeFile(Buffer.from(words, 'utf16le'), { encoding: 'utf16le' }), words);
  // Told nothing, or an encoding this Node cannot decode (a DOS code page), the editor's UTF-8.
  assert.equal(decodeFile(gbk), gbk.toString('utf8'));
  assert.equal(decodeFile(gbk, { encoding: 'cp437' }), gbk.toString('utf8'));
  assert.equal(decodeFile(Buffer.from(words), { encoding: 'utf8bom' }), words);
  // The mark wins over the setting, as in VS Code.
  assert.equal(
    decodeFile(Buffer.concat([BYTE_ORDER_MARKS['utf-8'], Buffer.from(words)]), { encoding: 'gbk' }),
    words,
  );
});

test('told to guess, the reader takes UTF-8 as UTF-8 and Chinese in GBK as GBK, and else the setting', () => {
  const guess = { autoGuessEncoding: true };
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (words) => {
      const text = `讲话：${words}`;
      assert.equal(decodeFile(Buffer.from(text), guess), text);
      assert.equal(decodeFile(Buffer.from(text), { ...guess, encoding: 'gbk' }), text);
    }),
    propertyParameters(2_000),
  );
  const words = '各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。';
  assert.equal(decodeFile(iconv.encode(words, 'gbk'), guess), words);
  assert.equal(decodeFile(iconv.encode(`${words}𠀀`, 'gb18030'), guess), `${words}𠀀`);
  // Big5 is no GBK: what cannot be guessed is read in the folder's encoding.
  const big5 = iconv.encode('各位代表：現在，我代表市人民政府，向大會報告工作，請予審議。', 'big5');
  assert.equal(decodeFile(big5, guess), big5.toString('utf8'));
  assert.equal(decodeFile(big5, { ...guess, encoding: 'cp950' }), iconv.decode(big5, 'big5'));
});
