// Bytes to text, for the files and messages the server and the CLI read. UTF-8 is decoded by
// ICU's converter where it can be: V8's own decoder (`buffer.toString`, `TextDecoder`) is slow for
// Chinese text, 8 ms for a 1 MB transcript's didOpen message where ICU takes 1, and 14 µs for a
// 3 KB transcript where ICU takes 4. Both read well-formed UTF-8 alike, so ICU goes first and V8
// decides what ICU refuses.
import { transcode } from 'node:buffer';

/** Byte-order marks, by the encoding each names. */
export const BYTE_ORDER_MARKS = {
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
} as const;

export type MarkedEncoding = keyof typeof BYTE_ORDER_MARKS;

/** The encoding named by the byte-order mark `bytes` open with; undefined when they open with none. */
export function markedEncoding(bytes: Uint8Array): MarkedEncoding | undefined {
  for (const [encoding, mark] of Object.entries(BYTE_ORDER_MARKS) as [MarkedEncoding, Buffer][])
    if (bytes.length >= mark.length && mark.equals(bytes.subarray(0, mark.length))) return encoding;
  return undefined;
}

/**
 * The text of `bytes` if they are well-formed UTF-8, a byte-order mark kept; undefined if they are
 * not, or if this Node has no ICU.
 */
export function wellFormedUtf8(bytes: Uint8Array): string | undefined {
  try {
    return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return undefined;
  }
}

/** The text of `bytes`, as `buffer.toString('utf8')` reads them: each ill-formed sequence a U+FFFD. */
export function decodeUtf8(bytes: Buffer): string {
  return wellFormedUtf8(bytes) ?? bytes.toString('utf8');
}

/**
 * The text without the byte-order mark it may open with, as editors read it: VS Code drops it,
 * and positions must match the editor's.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file's text as VS Code reads it when not told an encoding: UTF-16 in either byte order or
 * UTF-8 as its byte-order mark says, the mark dropped, and UTF-8 without one. Nothing is refused:
 * what does not decode reads as U+FFFD, and a UTF-16 file cut after an odd byte loses that byte.
 */
export function decodeFile(bytes: Buffer): string {
  const encoding = markedEncoding(bytes);
  const body = encoding === undefined ? bytes : bytes.subarray(BYTE_ORDER_MARKS[encoding].length);
  switch (encoding) {
    case 'utf-16le':
      return body.toString('utf16le');
    case 'utf-16be':
      // Swapped in a copy: the file's own bytes stay as they were read.
      return Buffer.from(body.subarray(0, body.length - (body.length % 2)))
        .swap16()
        .toString('utf16le');
    default:
      return decodeUtf8(body);
  }
}
