import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decode, encodeExactly, lineEndingOf } from '../../server/src/cli/encoding';
import { propertyParameters, strictlyDecoded, utf8WithStrayBytes } from '../support/generators';

test('a file is read as UTF-8 exactly when a strict decoder takes it, and as the same text', () => {
  fc.assert(
    fc.property(utf8WithStrayBytes(false), (input) => {
      const expected = strictlyDecoded(input);
      const decoded = decode(input);
      const asUtf8 = decoded.ok && decoded.encoding === 'utf-8' ? decoded.text : undefined;
      assert.equal(asUtf8, expected?.includes('\u0000') ? undefined : expected);
    }),
    propertyParameters(5_000),
  );
});

test('short GBK text without many characters is still read', () => {
  const bytes = iconv.encode('同志们：大家好！\r\n', 'gbk');
  assert.deepEqual(decode(bytes), { ok: true, text: '同志们：大家好！\r\n', encoding: 'gb18030' });
});

test('GB18030 four-byte characters (CJK Extension B) round-trip', () => {
  const text = '会议在𠀀地召开，同志们的发言都很好，我们要认真学习，抓好落实，推动工作再上新台阶。'.repeat(3);
  const decoded = decode(iconv.encode(text, 'gb18030'));
  assert.ok(decoded.ok && decoded.text === text && decoded.encoding === 'gb18030');
});

test('Korean (EUC-KR) and Japanese (Shift-JIS) text are not mistaken for GB18030', () => {
  const korean = '안녕하세요 여러분, 오늘 회의에서 올해의 업무 계획을 논의하겠습니다. 감사합니다.'.repeat(2);
  const japanese =
    '皆さん、こんにちは。本日の会議では今年の業務計画について話し合います。よろしくお願いします。';
  assert.deepEqual(decode(iconv.encode(korean, 'euc-kr')), { ok: false, reason: 'undecodable' });
  assert.deepEqual(decode(iconv.encode(japanese, 'shift_jis')), { ok: false, reason: 'undecodable' });
});

test('a lone surrogate in UTF-16 and NUL bytes in UTF-8 are refused', () => {
  assert.deepEqual(decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), {
    ok: false,
    reason: 'undecodable',
  });
  assert.deepEqual(decode(Buffer.from('abc\u0000def')), { ok: false, reason: 'binary' });
});

test('encodeExactly refuses text the encoding cannot carry back', () => {
  assert.equal(encodeExactly('a\u0000b', 'utf-8'), undefined);
  assert.deepEqual(encodeExactly('讲话', 'utf-16be'), Buffer.from([0xfe, 0xff, 0x8b, 0xb2, 0x8b, 0xdd]));
});

test('line endings are named as they are', () => {
  assert.equal(lineEndingOf('a\r\nb\r\n'), 'crlf');
  assert.equal(lineEndingOf('a\nb'), 'lf');
  assert.equal(lineEndingOf('a\rb'), 'cr');
  assert.equal(lineEndingOf('a\r\nb\n'), 'mixed');
  assert.equal(lineEndingOf('ab'), 'none');
});
