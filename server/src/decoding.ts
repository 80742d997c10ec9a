// Bytes to text, for the files and messages the server and the CLI read. UTF-8 is decoded by
// ICU's converter where it can be: V8's own decoder (`buffer.toString`, `TextDecoder`) is slow for
// Chinese text, 8 ms for a 1 MB transcript's didOpen message where ICU takes 1, and 14 µs for a
// 3 KB transcript where ICU takes 4. Both read well-formed UTF-8 alike, so ICU goes first and V8
// decides what ICU refuses. Other encodings are read the way VS Code is told to read them, and
// GBK is told from other bytes by the test the CLI also reads files with.
import { transcode } from 'node:buffer';
import { TextDecoder } from 'node:util';

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
 * How VS Code is told to read a folder's files that have no byte-order mark: its
 * `files.encoding` and `files.autoGuessEncoding` settings.
 */
export interface EncodingSettings {
  /** VS Code's name for an encoding: `utf8`, `gbk`, `gb18030`, `big5hkscs`, `shiftjis`… */
  readonly encoding?: string;
  readonly autoGuessEncoding?: boolean;
}

/**
 * A file's text as VS Code reads it: UTF-16 in either byte order or UTF-8 as its byte-order mark
 * says, the mark dropped; without one, Chinese in GB18030 when VS Code is told to guess and the
 * bytes are not UTF-8, else the encoding `files.encoding` names, UTF-8 by default. Nothing is
 * refused: what does not decode reads as U+FFFD, and a UTF-16 file cut after an odd byte loses
 * that byte.
 */
export function decodeFile(bytes: Buffer, { encoding, autoGuessEncoding }: EncodingSettings = {}): string {
  const marked = markedEncoding(bytes);
  const body = marked === undefined ? bytes : bytes.subarray(BYTE_ORDER_MARKS[marked].length);
  switch (marked) {
    case 'utf-16le':
      return body.toString('utf16le');
    case 'utf-16be':
      // Swapped in a copy: the file's own bytes stay as they were read.
      return Buffer.from(body.subarray(0, body.length - (body.length % 2)))
        .swap16()
        .toString('utf16le');
    case 'utf-8':
      return decodeUtf8(body);
  }
  if (autoGuessEncoding) {
    const utf8 = wellFormedUtf8(bytes);
    if (utf8 !== undefined) return utf8;
    const chinese = looksLikeGb(bytes) ? decoderFor('gb18030')?.decode(bytes) : undefined;
    if (chinese !== undefined && readsAsChinese(chinese)) return chinese;
  }
  const label = encoding === undefined ? 'utf-8' : whatwgLabelOf(encoding);
  const decoder = label === 'utf-8' ? undefined : decoderFor(label);
  return decoder ? decoder.decode(bytes) : decodeUtf8(bytes);
}

/** VS Code's encoding names that are not a WHATWG label once hyphens are put in. */
const WHATWG_LABELS: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  utf8bom: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  macroman: 'macintosh',
  cp866: 'ibm866',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8ru: 'koi8-u',
  gb2312: 'gbk',
  cp950: 'big5',
  big5hkscs: 'big5',
  shiftjis: 'shift_jis',
  eucjp: 'euc-jp',
  euckr: 'euc-kr',
};

function whatwgLabelOf(encoding: string): string {
  const name = encoding.toLowerCase();
  return (
    WHATWG_LABELS[name] ?? name.replace(/^windows(?=\d)/, 'windows-').replace(/^iso8859(?=\d)/, 'iso-8859-')
  );
}

/**
 * Decoders by label; undefined for a label this Node cannot decode (DOS code pages, or any but
 * UTF-8 and UTF-16 in a Node without ICU), whose files are then read as UTF-8.
 */
const decoders = new Map<string, TextDecoder | undefined>();

function decoderFor(label: string): TextDecoder | undefined {
  if (!decoders.has(label)) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = undefined;
    }
    decoders.set(label, decoder);
  }
  return decoders.get(label);
}

/**
 * The characters that make up most of any Chinese prose, speeches in particular. Text decoded
 * from another CJK encoding as GB18030 (EUC-KR, Big5) comes out as valid but random Han
 * characters, which hardly ever hit this list.
 */
const COMMON_HAN = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研',
);
/** Share of Han characters that must be common ones; genuine text reaches 30% and more. */
const MIN_COMMON_SHARE = 0.12;
/** Below this many Han characters the share says little, and the byte check below decides. */
const MIN_HAN_FOR_SHARE = 20;
/** GB2312's punctuation rows and hanzi rows hold nearly every character of a simplified text. */
const MIN_GB2312_SHARE = 0.9;

/**
 * Whether the double-byte characters sit where a GBK-encoded Chinese text puts them: the lead
 * byte in GB2312's punctuation rows (A1–A3) or hanzi rows (B0–F7), the trail byte in A1–FE.
 * Big5 and Shift-JIS use trail bytes below A1 and other lead rows, so they fail here.
 */
export function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) return false;
    // Four-byte GB18030 sequences carry a digit second; they count as pairs outside GB2312.
    const four = trail >= 0x30 && trail <= 0x39;
    pairs++;
    if (
      !four &&
      trail >= 0xa1 &&
      trail <= 0xfe &&
      ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7))
    )
      gb2312++;
    i += four ? 3 : 1;
  }
  return pairs > 0 && gb2312 / pairs >= MIN_GB2312_SHARE;
}

/** Whether a text decoded as GB18030 reads as Chinese, not as the random Han characters of another encoding. */
export function readsAsChinese(text: string): boolean {
  let han = 0;
  let common = 0;
  for (const char of text) {
    if (!/\p{Script=Han}/u.test(char)) continue;
    han++;
    if (COMMON_HAN.has(char)) common++;
  }
  return han < MIN_HAN_FOR_SHARE || common / han >= MIN_COMMON_SHARE;
}
