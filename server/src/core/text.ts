// Character classes and line handling shared by the parser and every rule. All offsets in the
// core are UTF-16 code units, which is what JavaScript strings index and what LSP positions count,
// so no rule ever converts between encodings.
import type { Transcript } from './model';

/** A Han ideograph anywhere in Unicode, including the astral extensions (Ext B and later). */
export const HAN = '\\p{Script=Han}';
/** Full-width and CJK punctuation that marks a run of text as Chinese. */
export const CJK_PUNCT =
  '\\u3000-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65\\u2014\\u2018\\u2019\\u201C\\u201D\\u2026\\u00B7';
/** Characters a website inserts to defeat phrase filters; they are tolerated inside phrases. */
export const INVISIBLE = '\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD';
/** Blank between characters: ASCII and full-width spaces, no-break space, and invisible characters. */
export const GAP_CLASS = `[ \\t\\u00A0\\u3000${INVISIBLE}]`;

const hanOrCjkPunct = new RegExp(`^(?:${HAN}|[${CJK_PUNCT}])$`, 'u');
const han = new RegExp(`^${HAN}$`, 'u');

/**
 * What a one-unit character is, when its code alone says: most characters asked about are Han of
 * the basic block (U+4E00–U+9FFF, all Han) or ASCII (none Chinese), answered without testing a
 * Unicode property, which costs a search each.
 */
function knownHanByCode(char: string): boolean | undefined {
  if (char.length !== 1) return undefined;
  const code = char.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return code < 0x80 ? false : undefined;
}

export function isChinese(char: string | undefined): boolean {
  return char !== undefined && (knownHanByCode(char) ?? hanOrCjkPunct.test(char));
}

export function isHan(char: string | undefined): boolean {
  return char !== undefined && (knownHanByCode(char) ?? han.test(char));
}

const hanRun = new RegExp(`(?:${HAN})+`, 'gu');
const highSurrogate = /[\uD800-\uDBFF]/g;

/**
 * How many Chinese characters `text` holds (字数), counting characters, not UTF-16 units. Runs
 * are matched rather than characters: one match per character made a 10 MB transcript's count
 * take 150 ms, on every pause in typing.
 */
export function countHan(text: string): number {
  let count = 0;
  hanRun.lastIndex = 0;
  for (let run = hanRun.exec(text); run !== null; run = hanRun.exec(text)) {
    const characters = run[0];
    count += characters.length;
    // An ideograph beyond the BMP (Extension B on) is two units.
    highSurrogate.lastIndex = 0;
    while (highSurrogate.exec(characters) !== null) count--;
  }
  return count;
}

// These ask about one character (a code point, as `charAt` gives it): its first code unit answers,
// compared as a number, where comparing strings went through the engine's string comparison.

export function isAsciiDigit(char: string | undefined): boolean {
  return char !== undefined && isAsciiDigitCode(char.charCodeAt(0));
}

/** Whether the code unit at `at` is an ASCII digit, without making a string of it. */
export function isAsciiDigitAt(text: string, at: number): boolean {
  return isAsciiDigitCode(text.charCodeAt(at));
}

function isAsciiDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(char: string | undefined): boolean {
  return char !== undefined && isAsciiLetterCode(char.charCodeAt(0));
}

/** Whether the code unit at `at` is an ASCII letter, without making a string of it. */
export function isAsciiLetterAt(text: string, at: number): boolean {
  return isAsciiLetterCode(text.charCodeAt(at));
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * Whether a half-width `.` between the visible characters `before` and `after` may end a
 * sentence, as the `。` a copy left it for (`问题.对`) does: not in a number (`3.14`, a heading's
 * `1.`), not one of a run (`......`, or the `....` a site cut the text with).
 * `halfwidth-punctuation` makes only such dots full-width, and what asks where a sentence ends
 * counts every one of them as ending one, so that a dot reads the same to it before fix-all and
 * after, whatever that rule decides. Letters beside it do not rule it out: fix-all may restore
 * them to the Chinese they stand for (`X.X中央`).
 */
export function isSentenceDot(before: string | undefined, after: string | undefined): boolean {
  return before !== '.' && after !== '.' && !isAsciiDigit(before) && !isAsciiDigit(after);
}

const sentenceStop = /[。！？!?.]/;
const sentenceStops = new RegExp(sentenceStop.source, 'g');

/** Whether the `。`, `！`, `？` or half-width form of one at `at` ends a sentence. */
function endsSentenceAt(text: string, at: number): boolean {
  if (text[at] !== '.') return true;
  const before = visibleBefore(text, at, 1);
  const after = visibleAfter(text, at + 1, 1);
  return (
    isSentenceDot(before, after) && !((isAsciiLetter(before) || isAsciiLetter(after)) && inAddress(text, at))
  );
}

/** Whether the code unit at `at` belongs to a Latin word: a letter, or an invisible character in one. */
export function isWordUnitAt(text: string, at: number): boolean {
  return isAsciiLetterAt(text, at) || isInvisibleAt(text, at);
}

/** What joins the words of an address (`www.example.com`, `http://`, `a@b`); no ad starts or ends with one. */
const addressJoiner = /[./@]/;

/**
 * Whether the dot at `at`, beside a Latin word, is one of an address: a word beside it is joined
 * to more of it (`登录www.example.com查看`). Asked when only one side is a word as well: the word
 * on the other side may be a placeholder fix-all restores (`1.Hello.X中央` becomes
 * `1.Hello.党中央`), and the dot must end a sentence, or not, alike before and after. Such a dot is
 * no full stop for `halfwidth-punctuation` either, which makes a dot between letters `。` only
 * where both words are placeholders glued to Chinese (`X.X中央`).
 */
function inAddress(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && isWordUnitAt(text, start - 1)) start--;
  let end = at + 1;
  while (end < text.length && isWordUnitAt(text, end)) end++;
  return addressJoiner.test(text[start - 1] ?? '') || addressJoiner.test(text[end] ?? '');
}

/**
 * Where the first sentence of `text` from `from` on ends: the offset of its full stop, `！` or `？`,
 * -1 if none does. What stands before `from` still decides whether a dot is a full stop.
 */
export function firstSentenceEnd(text: string, from = 0): number {
  sentenceStops.lastIndex = from;
  for (let match = sentenceStops.exec(text); match !== null; match = sentenceStops.exec(text))
    if (endsSentenceAt(text, match.index)) return match.index;
  return -1;
}

/** Whether `text` ends with a full stop, `！` or `？`, half-width or not. */
export function endsSentence(text: string): boolean {
  const last = text.length - 1;
  return last >= 0 && sentenceStop.test(text[last]!) && endsSentenceAt(text, last);
}

/** The code point that ends just before `offset`, whole even when it is a surrogate pair. */
export function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text[offset - 1];
}

/** The code point that starts at `offset`. */
export function charAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  const cp = text.codePointAt(offset);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/**
 * Whether the code unit is one of `INVISIBLE`. Rules ask this of every character they walk over;
 * testing a regular expression on `text[at]` would make a string of each Chinese character.
 */
export function isInvisibleCode(code: number): boolean {
  return (
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x2060 ||
    code === 0xfeff ||
    code === 0xad
  );
}

export function isInvisibleAt(text: string, at: number): boolean {
  return isInvisibleCode(text.charCodeAt(at));
}

/** Whether `text` holds an invisible character between `from` and `to`. */
export function hasInvisible(text: string, from = 0, to = text.length): boolean {
  // A whole line is asked of every line: one search is faster than a loop over its characters,
  // while a part is searched by hand, which stops at its end.
  if (from === 0 && to === text.length) return anyInvisible.test(text);
  for (let at = from; at < to; at++) if (isInvisibleAt(text, at)) return true;
  return false;
}

const anyInvisible = new RegExp(`[${INVISIBLE}]`);

/** The half-width marks `halfwidth-punctuation` judges: fix-all may make them full-width. */
export const HALF_WIDTH_MARKS = ',:;?!()."';
/** The marks `unbalanced-pair` pairs; a half-width parenthesis pairs with a full-width one. */
export const PAIR_MARKS = '“”‘’《》（）()【】「」『』';
/** The marks `doubled-punctuation` finds written twice; a half-width , ; : doubles its twin. */
export const STOP_MARKS = '，,；;：:。、';

/** A regular-expression class of the characters of `members`. */
export function characterClass(members: string): string {
  return `[${escapeRegExp(members)}]`;
}

/**
 * Kinds of characters a line holds, as bits, each the characters a rule searches a line for. A
 * line is classified in one pass (`charKindsOf`), and a rule whose kind the line lacks skips its
 * search: every line is asked some twenty such questions, and most Chinese lines hold none of
 * these characters.
 */
export const CharKind = {
  /** `[${INVISIBLE}]` */
  invisible: 1,
  /** `\s`: what `space-between-chinese` looks at. */
  space: 2,
  /** `[A-Za-z]`: what a placeholder is written in. */
  latin: 4,
  /** The marks `halfwidth-punctuation` judges, and the full-width parentheses it pairs them with. */
  halfWidthMark: 8,
  /** The marks `unbalanced-pair` pairs. */
  pairMark: 16,
  /** What `template-placeholder` finds slots in. */
  slotMark: 32,
  /** What every enumerator holds: 是 (`一是`), 第 (`第一，`), 其 (`其一，`, 其次), 首, 再, 最 (首先, 再次, 最后). */
  enumeratorWord: 64,
  /**
   * Two of the `STOP_MARKS` in a row, invisible characters between them: what
   * `doubled-punctuation` looks for. Found in the same pass, where its own search of every line
   * cost as much as the pass.
   */
  stopsInARow: 256,
  /** What opens HTML (`&nbsp;`, `<br>`): what `html-markup` finds, and other rules leave. */
  markup: 512,
} as const;

/** A character of `STOP_MARKS`: of no kind a rule asks for, only a part of `stopsInARow`. */
const STOP_MARK = 128;

const KIND_MEMBERS: readonly (readonly [number, string])[] = [
  // `INVISIBLE` is written as escapes for regular expressions; JSON reads them alike.
  [CharKind.invisible, JSON.parse(`"${INVISIBLE}"`) as string],
  // The characters of `\s`, as ECMAScript defines it.
  [
    CharKind.space,
    '\t\n\v\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF',
  ],
  [CharKind.latin, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'],
  [CharKind.halfWidthMark, `${HALF_WIDTH_MARKS}（）`],
  [CharKind.pairMark, PAIR_MARKS],
  [CharKind.slotMark, 'Xx×○□*＊'],
  [CharKind.enumeratorWord, '是第其首再最'],
  [STOP_MARK, STOP_MARKS],
  [CharKind.markup, '&<'],
];

/** The kinds of each code unit; surrogates, and so every astral character, are of none. */
const KINDS_OF_UNIT = new Uint16Array(0x10000);
for (const [kind, members] of KIND_MEMBERS)
  for (let index = 0; index < members.length; index++) KINDS_OF_UNIT[members.charCodeAt(index)]! |= kind;

/** `STOP_MARK`'s bit moved onto `stopsInARow`'s. */
const STOP_TO_IN_A_ROW = Math.log2(CharKind.stopsInARow / STOP_MARK);

/** The `CharKind`s `text` holds, or-ed together. */
export function charKindsOf(text: string): number {
  let kinds = 0;
  // The kinds of the last visible character. Two stop marks in a row are found by shifting
  // rather than by branching on each character, which took a quarter of this loop's time, and
  // the loop reads every character of the text.
  let before = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = KINDS_OF_UNIT[text.charCodeAt(at)]!;
    kinds |= unit | ((unit & before & STOP_MARK) << STOP_TO_IN_A_ROW);
    if (!(unit & CharKind.invisible)) before = unit;
  }
  return kinds;
}

/** The range of `ranges` that holds offset `at`, without a closure per character asked about. */
export function rangeHolding<Range extends { start: number; end: number }>(
  ranges: readonly Range[],
  at: number,
): Range | undefined {
  for (const range of ranges) if (range.start <= at && at < range.end) return range;
  return undefined;
}

/**
 * Whether any of `ranges` overlaps `start`–`end`. An empty span (an insertion) counts as the
 * character at `start`, which is what it would change.
 */
export function overlapsAny(
  ranges: readonly { start: number; end: number }[],
  start: number,
  end: number,
): boolean {
  const last = Math.max(end, start + 1);
  for (const range of ranges) if (start < range.end && range.start < last) return true;
  return false;
}

/** A stretch fix-all removes (an ad) or rewrites (a placeholder it restores, `text` then). */
export interface Rewritten {
  readonly start: number;
  readonly end: number;
  readonly text?: string;
}

/** No rewritten stretches: what most calls read through. */
const NOTHING_REWRITTEN: readonly Rewritten[] = [];

/**
 * Whether `start`–`end` reads as it stands: no invisible character and no rewritten stretch in
 * it. Nearly every window a rule looks at does, and is then one slice of the text, not a string
 * grown by a character at a time.
 */
function readsAsItStands(text: string, start: number, end: number, rewritten: readonly Rewritten[]): boolean {
  return !overlapsAny(rewritten, start, end) && !hasInvisible(text, start, end);
}

/**
 * Up to `length` code units of the text after `offset` as a reader sees it, without invisible
 * characters: a site that writes `X\u200B中央` still means 党中央. The `rewritten` stretches read
 * as fix-all leaves them.
 */
export function visibleAfter(
  text: string,
  offset: number,
  length: number,
  rewritten: readonly Rewritten[] = NOTHING_REWRITTEN,
): string {
  const end = Math.min(text.length, offset + length);
  if (readsAsItStands(text, offset, end, rewritten)) return text.slice(offset, end);
  let visible = '';
  for (let at = offset; at < text.length && visible.length < length; at++) {
    const range = rangeHolding(rewritten, at);
    if (range) {
      visible += range.text ?? '';
      at = range.end - 1;
    } else if (!isInvisibleAt(text, at)) visible += text[at];
  }
  return visible.length > length ? visible.slice(0, length) : visible;
}

/** Up to `length` code units of the text before `offset`, without invisible characters. */
export function visibleBefore(
  text: string,
  offset: number,
  length: number,
  rewritten: readonly Rewritten[] = NOTHING_REWRITTEN,
): string {
  const start = Math.max(0, offset - length);
  if (readsAsItStands(text, start, offset, rewritten)) return text.slice(start, offset);
  let visible = '';
  for (let at = offset - 1; at >= 0 && visible.length < length; at--) {
    const range = rangeHolding(rewritten, at);
    if (range) {
      visible = (range.text ?? '') + visible;
      at = range.start;
    } else if (!isInvisibleAt(text, at)) visible = text[at] + visible;
  }
  return visible.length > length ? visible.slice(-length) : visible;
}

/**
 * The text between `start` and `end` without invisible characters (and the `removed` ranges), and
 * where each of its code units is in `text`, for matching as a reader sees it and reporting where
 * it really is.
 */
export function withoutInvisible(
  text: string,
  start: number,
  end: number,
  removed: readonly { start: number; end: number }[] = [],
): VisibleText {
  const slice = text.slice(start, end);
  const cut = removed.length === 0 ? removed : rangesWithin(removed, start, end);
  // Nearly every line has no invisible character: then the slice is the visible text.
  if (cut.length === 0 && !hasInvisible(text, start, end))
    return new VisibleText(slice, start, end, undefined);
  const offsets: number[] = [];
  let visible = '';
  for (let at = start; at < end; at++) {
    const range = rangeHolding(cut, at);
    if (range) at = range.end - 1;
    else if (!isInvisibleAt(text, at)) {
      offsets.push(at);
      visible += text[at];
    }
  }
  return new VisibleText(visible, start, end, offsets);
}

/**
 * The ranges that reach into `start`–`end`. A loop of its own: a closure over `start` and `end`
 * would make every call of the caller allocate them, ranges or not.
 */
function rangesWithin<Range extends { start: number; end: number }>(
  ranges: readonly Range[],
  start: number,
  end: number,
): readonly Range[] {
  const within: Range[] = [];
  for (const range of ranges) if (range.start < end && start < range.end) within.push(range);
  return within;
}

/**
 * Text as a reader sees it, and where each of its code units is in the text it was read from. A
 * class, not a closure over them: one is made for every line that might be a heading.
 */
export class VisibleText {
  constructor(
    readonly visible: string,
    private readonly start: number,
    private readonly end: number,
    /** Each code unit's offset; none when the text is a slice, each at `start` plus its index. */
    private readonly offsets: readonly number[] | undefined,
  ) {}

  offsetOf(index: number): number {
    return this.offsets ? (this.offsets[index] ?? this.end) : this.start + index;
  }
}

/** `text` without the blanks and invisible characters at its end, as a line's content ends. */
export function trimBlankEnd(text: string): string {
  const end = blankRunEnd(text, text.length);
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Where the content of `text` before `end` ends: before the blanks and invisible characters at
 * `end` (not before `limit`).
 */
export function blankRunEnd(text: string, end: number, limit = 0): number {
  let at = end;
  while (at > limit && isBlankAt(text, at - 1)) at--;
  return at;
}

/** Where the content of `text` from `start` on begins: past the blanks and invisible characters there. */
export function blankRunAfter(text: string, start: number): number {
  let at = start;
  while (at < text.length && isBlankAt(text, at)) at++;
  return at;
}

/**
 * Whether `text` from `start` to `end` holds `limit` code units at most, spaces not counted. What
 * a line is must not depend on the spaces fix-all takes away (with an ad, or with the half-width
 * mark they were typed beside: `同志们, 朋友们`), so the limits that decide it count the rest. It
 * reads no further than the limit: it is asked of the rest of a line at every ad on it.
 */
export function fitsWithoutSpaces(text: string, limit: number, start = 0, end = text.length): boolean {
  if (end - start <= limit) return true;
  let length = 0;
  for (let at = start; at < end; at++)
    if (!isSpaceCode(text.charCodeAt(at)) && ++length > limit) return false;
  return true;
}

/** The spaces fix-all removes with an ad: ASCII and full-width spaces, tabs, no-break spaces. */
function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

/**
 * Where the spaces just before `offset` start (not before `limit`): removing a watermark takes
 * them along, or a space would be left where the ad was appended.
 */
export function blankRunStart(text: string, offset: number, limit = 0): number {
  let at = offset;
  while (at > limit && isSpaceCode(text.charCodeAt(at - 1))) at--;
  return at;
}

/** Where the spaces from `offset` on end: removing an ad that opens its line takes them along. */
export function spaceRunEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Whether the code unit at `index` is blank where a line's content starts and ends: spaces of
 * any kind, control characters, line separators and invisible characters (what `[\s\u3000]` and
 * `INVISIBLE` match), decided on the code so that no string is made of the character.
 */
export function isBlankAt(line: string, index: number): boolean {
  const code = line.charCodeAt(index);
  if (code <= 0x20) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    isInvisibleCode(code)
  );
}

/**
 * A list marker's number starts a clause: after a space, a mark that ends a clause, a closing
 * parenthesis or a quote. A closer counts as the space after it would: `halfwidth-punctuation`
 * takes that space with the mark (`(注) 1)` becomes `（注）1)`), and the marker must stay one. A
 * straight quote may become either quote, so both count.
 */
const listMarkerBefore = /(?:^|[\s，。；：、,;:！？!?）)“”"])[0-9A-Za-z]{1,2}$/;
/** Letters that open a line before a `)`: whether they make a list marker depends on the line before. */
const lettersOnly = /^[0-9A-Za-z]{0,2}$/;

/**
 * Up to four characters before the `)` at `index`, read as fix-all leaves the line: invisible
 * characters and the `removed` ranges (ads) gone. Fewer only where the line starts.
 */
function markerLead(line: string, index: number, removed: readonly { start: number; end: number }[]): string {
  let before = '';
  for (let at = index; at > 0 && before.length < 4; ) {
    const range = rangeHolding(removed, at - 1);
    if (range) at = range.start;
    else if (isInvisibleAt(line, --at)) continue;
    else before = line[at] + before;
  }
  return before;
}

/**
 * Whether the `)` at `index` of `line` closes a list marker such as `1)` or `a)`: it has no
 * partner and no full-width form, so it is neither unbalanced nor half-width punctuation.
 */
export function closesListMarker(
  line: string,
  index: number,
  removed: readonly { start: number; end: number }[] = [],
): boolean {
  return line[index] === ')' && endsListMarker(line, index, removed);
}

/** Whether what stands before `index` is a list marker's number or letter at a clause start: `1`, `a`. */
export function endsListMarker(
  line: string,
  index: number,
  removed: readonly { start: number; end: number }[] = [],
): boolean {
  return listMarkerBefore.test(markerLead(line, index, removed));
}

/**
 * Where the last `)` or `）` of `line` is, outside the `removed` ranges (ads); -1 if there is none.
 * A `)` of a list marker closes an open parenthesis only when no such closer follows it:
 * `(Service Pack 3)` and `（见附件 1)`, but not the `1)` of `（注：1)……2)……）`, whose list lies
 * inside. Every `)` after it counts, a list marker's too: fix-all may make one full-width, and the
 * marker before must read the same then.
 */
export function lastParenthesisCloser(
  line: string,
  removed: readonly { start: number; end: number }[] = [],
): number {
  for (let at = line.length - 1; at >= 0; at--) {
    const char = line[at];
    if ((char === '）' || char === ')') && rangeHolding(removed, at) === undefined) return at;
  }
  return -1;
}

/**
 * `closesListMarker`, and whether the answer holds whatever line is joined before this one: a `)`
 * with at most two letters before it on its line (`1)`, `)`) reads with the end of that line.
 */
export function listMarkerAt(
  line: string,
  index: number,
  removed: readonly { start: number; end: number }[] = [],
): 'marker' | 'none' | 'at-line-start' {
  if (line[index] !== ')') return 'none';
  const lead = markerLead(line, index, removed);
  if (lead.length < 4 && lettersOnly.test(lead)) return 'at-line-start';
  return listMarkerBefore.test(lead) ? 'marker' : 'none';
}

export interface Line {
  readonly index: number;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset of the next line: `end` plus the length of the line break, if any. */
  readonly next: number;
}

/** Maps offsets to zero-based line and UTF-16 column, as LSP and editors count them. */
export class LineIndex {
  constructor(private readonly lines: readonly Line[]) {}

  position(offset: number): { line: number; character: number } {
    const line = lineAt(this.lines, offset);
    return { line, character: offset - this.lines[line]!.start };
  }
}

/**
 * The index of the line holding `offset`: the last whose start is at or before it, among the
 * first `count` lines.
 */
export function lineAt(lines: readonly Line[], offset: number, count = lines.length): number {
  return Math.max(0, partitionPoint(count, (index) => lines[index]!.start <= offset) - 1);
}

/**
 * The first of `count` sorted indices for which `before` is false, by binary search: `before`
 * must hold for a leading run of them and for none after it.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Lists up to this long grow by a copy of their length (`withAdded`), longer ones by a push. */
const SHORT_LIST = 4;

/**
 * `list` with `item` added, made on the first item. Most lists a line keeps (its findings,
 * enumerators, placeholders) hold one to four items: they grow by a copy, which is their length,
 * where a push gives room for sixteen more (2 MB of the 10 MB transcript's analysis).
 */
export function withItem<T>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  if (list.length < SHORT_LIST) return withAdded(list, item);
  list.push(item);
  return list;
}

/**
 * A new list of `list` and `item`, made its length, for a list a line keeps for the life of the
 * analysis: a push, or a spread into an array literal, leaves room for sixteen more items, and
 * `concat` took ten times as long.
 */
export function withAdded<T>(list: readonly T[], item: T): T[] {
  const longer = new Array<T>(list.length + 1);
  for (let index = 0; index < list.length; index++) longer[index] = list[index]!;
  longer[list.length] = item;
  return longer;
}

/** Above this many items, `Array.prototype.sort` is the faster sort. */
const FEW = 16;

/**
 * Sorts `items` in place, stably, as `Array.prototype.sort` does. A line holds a few findings or
 * marks, and `Array.prototype.sort` allocates close to a kilobyte of work space for each call,
 * even for two items: on every line of a long transcript, that is garbage for the collector.
 */
export function sortFew<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > FEW) return items.sort(compare);
  for (let index = 1; index < items.length; index++) {
    const item = items[index]!;
    let at = index;
    for (; at > 0 && compare(items[at - 1]!, item) > 0; at--) items[at] = items[at - 1]!;
    items[at] = item;
  }
  return items;
}

const onlyInvisible = new RegExp(`^[${INVISIBLE}]+$`);

/**
 * Whether line `index` disappears once its invisible characters are removed: it holds nothing else
 * and sits between a lone CR and an LF, which then read as one CRLF. Rules that look at blank
 * lines must look through it, or the text would read differently after fix-all.
 */
export function vanishes(
  model: Pick<Transcript, 'lines' | 'lineText' | 'lineBreak'>,
  index: number,
): boolean {
  const line = model.lines[index]!;
  if (index === 0 || line.end === line.start || model.lineBreak(index) !== '\n') return false;
  return model.lineBreak(index - 1) === '\r' && onlyInvisible.test(model.lineText(index));
}

const gaps = new RegExp(GAP_CLASS, 'g');

/** Removes blanks and invisible characters so that `更多资 料` compares equal to `更多资料`. */
export function compact(text: string): string {
  return text.replace(gaps, '');
}

export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * A regular-expression source matching `phrase` even with blanks or invisible characters
 * inserted between its characters. Each gap is followed by a fixed character outside the gap
 * class, so matching stays linear.
 */
export function gappedPhraseSource(phrase: string): string {
  return Array.from(compact(phrase), (char) => escapeRegExp(char)).join(`${GAP_CLASS}*`);
}

/**
 * The range that removes `line` whole, its line break included. The last line has no break of
 * its own, so it takes the one before it; otherwise an empty line would be left behind. So does a
 * line after a lone `\r`: its own break, or an empty line's after it, could start with `\n`,
 * and `\r` and `\n` meeting would be one break, an empty line lost. A BOM opening the file is
 * its encoding signature and stays.
 */
export function lineRemovalRange(
  { lines, lineText, lineBreak }: Pick<Transcript, 'lines' | 'lineText' | 'lineBreak'>,
  line: Line,
): { start: number; end: number } {
  const takesBreakBefore = line.index > 0 && (line.next === line.end || lineBreak(line.index - 1) === '\r');
  if (takesBreakBefore) return { start: lines[line.index - 1]!.end, end: line.end };
  const bom = line.index === 0 && lineText(0).charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start: line.start + bom, end: line.next };
}
