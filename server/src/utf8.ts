// UTF-8 decoded by ICU's converter. V8's own decoder (`buffer.toString`, `TextDecoder`) is slow for
// Chinese text: a 1 MB transcript's didOpen message took 8 ms to decode, ICU takes 1; a 3 KB
// transcript 14 µs, ICU 4. Both read well-formed UTF-8 alike, so ICU goes first and V8 decides
// what ICU refuses.
import { transcode } from 'node:buffer';

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
