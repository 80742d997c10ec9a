// What one line is, judged from its own text: the part of parsing that edits elsewhere cannot
// change, so the engine keeps it per line and recomputes it only for lines whose text changed.
import type { TextRange } from './config';
import { type Markup, markupIn } from './markup';
import type { EnumerationStyle, Heading, HeadingLevel, HeadingStyle, ResidueKind } from './model';
import { CN_NUMERAL_CLASS, chineseToNumber, circledToNumber } from './numerals';
import { appendedAds, classifyResidueLine, opensSiteNotice, removedAds } from './residue';
import {
  blankRunAfter,
  blankRunEnd,
  CharKind,
  charKindsOf,
  endsSentence,
  firstSentenceEnd,
  fitsWithoutSpaces,
  isBlankAt,
  isInvisibleAt,
  rangeHolding,
  withItem,
  withoutInvisible,
} from './text';

export const NAME_LIMIT = 60;
const SHORT_LINE = 40;

export type LineKind = 'blank' | 'residue' | 'salutation' | 'closing' | 'heading' | 'paragraph';

/** A word that may open an enumeration item; the document decides whether it is one. */
export interface Enumerator {
  readonly style: EnumerationStyle;
  readonly ordinal: number;
  readonly start: number;
  readonly markerEnd: number;
  /** The item is named by its first clause: `一是网络正面宣传展现新气象`. */
  readonly name: string;
  readonly nameEnd: number;
}

/** Everything in offsets relative to the start of the line. */
export interface LineFacts {
  /** The line's text without surrounding blanks, invisible characters or a BOM. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** What the line is in the body of a speech; above the title the document decides. */
  readonly kind: LineKind;
  readonly residue?: ResidueKind;
  /** The numbered marker the line opens with, also when the line is too long to be a heading. */
  readonly numbering?: Heading;
  readonly enumerators: readonly Enumerator[];
  /** Ads appended to the line. */
  readonly ads: readonly TextRange[];
  /** Where the speaker's words start: an ad opening the line, which fix-all removes, is skipped. */
  readonly proseStart: number;
  /** Where the speaker's words stop: an ad appended to the line is not part of them. */
  readonly proseEnd: number;
  /** The `CharKind`s the line holds. */
  readonly holds: number;
  /** HTML left in the line, which `html-markup` reports and the other rules leave as it is. */
  readonly markup: readonly Markup[];
}

interface HeadingPattern {
  readonly pattern: RegExp;
  readonly level: HeadingLevel;
  readonly style: HeadingStyle;
  readonly ordinal: (numeral: string) => number | undefined;
}

const arabic = (numeral: string) => Number.parseInt(numeral, 10);

/**
 * Marks after a marker that needs none, however many; a dot of a run or before a figure is none.
 * All of them, or fix-all would leave one of `（一）、、` to find again.
 */
const EXTRA_MARKS = '(?:\\s*(?:、|[.．](?![.．\\d])))*';

/** Group 1 of each pattern is the numeral. */
const HEADING_PATTERNS: readonly HeadingPattern[] = [
  // `一.` and `一．` are `一、` typed with another mark, as a dot is after a figure; a dot opening a
  // run (`一......`, a cut mark) or a number (`一.5`) makes no mark.
  {
    pattern: new RegExp(`^(${CN_NUMERAL_CLASS}{1,3})(?:、|[.．](?![.．\\d]))`),
    level: 1,
    style: 'dun',
    ordinal: chineseToNumber,
  },
  {
    pattern: new RegExp(`^第(${CN_NUMERAL_CLASS}{1,3})部分`),
    level: 1,
    style: 'part',
    ordinal: chineseToNumber,
  },
  {
    pattern: new RegExp(`^第(${CN_NUMERAL_CLASS}{1,3})章`),
    level: 1,
    style: 'chapter',
    ordinal: chineseToNumber,
  },
  // A mark after the parentheses (`（一）、`, `（二）.`) is one too many, which `heading-mark`
  // removes: it belongs to the marker, and no name ends at it.
  {
    pattern: new RegExp(`^[（(](${CN_NUMERAL_CLASS}{1,3})[）)]${EXTRA_MARKS}`),
    level: 2,
    style: 'paren',
    ordinal: chineseToNumber,
  },
  // Not a decimal (`3.14`) nor a section number (`1.2`); dots after the mark (`2、......`, a
  // truncation marker fix-all removes) do not make it one. A dot that is itself the first of such
  // a marker (`1.......`) is no mark: fix-all leaves `1`.
  {
    pattern: /^(\d{1,2})(?:\.(?!\.{5})|[．、])(?![\d]|[.．]\d)/,
    level: 3,
    style: 'arabic',
    ordinal: arabic,
  },
  {
    pattern: new RegExp(`^[（(](\\d{1,2})[）)]${EXTRA_MARKS}`),
    level: 4,
    style: 'paren-arabic',
    ordinal: arabic,
  },
  { pattern: /^([\u2460-\u2473])/, level: 5, style: 'circled', ordinal: circledToNumber },
];
/**
 * The patterns as one, tried in their order as alternatives are: one search where the patterns
 * one by one took up to seven. Pattern `k`'s numeral is group `k + 1`.
 */
const ANY_HEADING = new RegExp(
  `^(?:${HEADING_PATTERNS.map(({ pattern }) => pattern.source.slice(1)).join('|')})`,
);
/** First characters of every heading marker: one cheap test before the patterns. */
const HEADING_START_AT = /[〇零一二两三四五六七八九十第（(0-9\u2460-\u2473]/y;

/** Whether a heading's numbering may start at `at`, asked where it stands rather than of a copy. */
function startsHeadingAt(line: string, at: number): boolean {
  HEADING_START_AT.lastIndex = at;
  return HEADING_START_AT.test(line);
}

/**
 * How headings nest. `第一部分` and `一、` share level 1 as styles, but a report that uses both puts
 * `一、` sections inside its parts, so parts and chapters rank above every other style.
 */
const RANK: Readonly<Record<HeadingStyle, number>> = {
  part: 0,
  chapter: 0,
  dun: 1,
  paren: 2,
  arabic: 3,
  'paren-arabic': 4,
  circled: 5,
};

/** Lower ranks enclose higher ones. */
export function headingRank(heading: Heading): number {
  return RANK[heading.style];
}

/**
 * `同志们：`, `青年朋友们：`, `老师们、同学们：`: people addressed in the plural, alone on a line.
 * Spaces beside the marks do not count: `halfwidth-punctuation` removes them with the half-width
 * marks they follow (`同志们, 朋友们:`), and the line must be a salutation before and after.
 */
export const salutation =
  /^(?:\p{Script=Han}{0,6}\p{Script=Han}{2}们(?:\s*[，,、]\s*\p{Script=Han}{2,8}们)*|各位[^，。：:]{1,12}|尊敬的[^。]{1,40})\s*[：:]$/u;
const closing = /^(?:谢谢大家|谢谢各位|谢谢)[！!。]?$/;
/** Residue lines are short; longer lines are speech and skip the residue dictionaries. */
const MAX_RESIDUE_LINE = 120;
/** Without its appended ads, no residue line is longer than this; speech lines mostly are. */
const MAX_RESIDUE_PROSE = 60;
/** The longest salutation or closing line. */
const MAX_ADDRESS_LINE = 48;

/**
 * Characters after which an enumerator can start: a clause boundary, not the middle of a word. A
 * closing parenthesis or quote is one, as the space after it is, which `halfwidth-punctuation`
 * takes with the mark (`(略) 一是` becomes `（略）一是`).
 */
const BOUNDARY = /[，。；：、！？,;:!?\s“（("）)”]/y;

/** Whether the character at `at` is a clause boundary, asked where it stands rather than of a copy. */
function isBoundaryAt(line: string, at: number): boolean {
  BOUNDARY.lastIndex = at;
  return BOUNDARY.test(line);
}
const N = CN_NUMERAL_CLASS;
/**
 * 最后 also ends phrases (最后一公里), so it counts only before a comma or the verb of its item.
 * The boundary before an enumerator is checked by hand: as part of the pattern it would be tried
 * at every character of every paragraph.
 */
const enumerator = new RegExp(
  `(?:(${N}{1,2})是|第(${N}{1,2})[，,、：:]|其(${N})[，,、：:]|(首先|其次|再次|最后(?=[，,：:要是还]))[，,：:]?)`,
  'g',
);
/** Where an item's first clause, its name, ends. */
const clauseEnd = /[，。；：,;:！？]/g;
export const LAST_IN_SEQUENCE = Number.MAX_SAFE_INTEGER;
const SEQUENCE_ORDINALS: Readonly<Record<string, number>> = {
  首先: 1,
  其次: 2,
  再次: 3,
  最后: LAST_IN_SEQUENCE,
};

const spaceRun = /[\s\u3000]+/g;
const anySpace = /[\s\u3000]/;

export function shorten(name: string): string {
  // Most names have no space at all: they are used as they are, not copied by a replace.
  const singleSpaced = anySpace.test(name) ? name.replace(spaceRun, ' ').trim() : name;
  return singleSpaced.length > NAME_LIMIT ? `${singleSpaced.slice(0, NAME_LIMIT - 1)}…` : singleSpaced;
}

export function matchHeading(
  content: string,
): { pattern: HeadingPattern; numeral: string; markEnd: number } | undefined {
  const match = ANY_HEADING.exec(content);
  if (!match) return undefined;
  let group = 1;
  while (match[group] === undefined) group++;
  return { pattern: HEADING_PATTERNS[group - 1]!, numeral: match[group]!, markEnd: match[0].length };
}

function numberingOf(
  line: string,
  contentStart: number,
  proseEnd: number,
  ads: readonly TextRange[],
): Heading | undefined {
  // Matched as a reader sees it: a zero-width character inside `（一）` must not hide the heading,
  // or the headings after it would be renumbered wrongly. Ads are left out (with the blanks before
  // them), as fix-all removes them: `一、标题。更多资料+微信:` is the same heading before and after,
  // and `86更多资料+微信:abc、` is `86、`.
  const seen = withoutInvisible(line, contentStart, proseEnd, removedAds(line, ads));
  const content = seen.visible;
  const match = matchHeading(content);
  if (!match) return undefined;
  const ordinal = match.pattern.ordinal(match.numeral);
  if (ordinal === undefined || Number.isNaN(ordinal)) return undefined;
  const numeralIndex = content.indexOf(match.numeral);
  // A heading that opens a paragraph ends at its first full stop; the paragraph goes on after it.
  // Half-width `!`, `?` and a full stop's `.` end a sentence as well; fix-all may make them full-width.
  // The heading's own mark is none (`一.统一思想`).
  const stop = firstSentenceEnd(content, match.markEnd);
  const runIn = stop >= 0 && stop < content.length - 1;
  const named = content.slice(0, runIn ? stop : content.length);
  return {
    level: match.pattern.level,
    style: match.pattern.style,
    numeralStart: seen.offsetOf(numeralIndex),
    numeralEnd: seen.offsetOf(numeralIndex + match.numeral.length - 1) + 1,
    markEnd: seen.offsetOf(match.markEnd - 1) + 1,
    ordinal,
    textEnd: runIn ? seen.offsetOf(stop) + 1 : line.length,
    name: shorten(endsSentence(named) ? named.slice(0, -1) : named),
  };
}

const none: readonly never[] = [];

/**
 * Where the words of a line end: before the blanks after them, and before the HTML a page closes
 * a line with (`。</p>`, `，<br>`, `&nbsp;`), which stands for no character of the speech. A
 * paragraph ends, or runs on, at its last word as it will once the HTML is gone.
 */
export function wordsEndOf(line: string, { proseEnd, markup }: LineFacts): number {
  let end = blankRunEnd(line, proseEnd);
  for (let index = markup.length - 1; index >= 0; index--) {
    const html = markup[index]!;
    if (html.end > end) continue;
    if (html.end < end || (html.kind !== 'tag' && html.replacement !== ' ')) break;
    end = blankRunEnd(line, html.start);
  }
  return end;
}

/** A heading's marks that `heading-mark` writes otherwise: a dot for `、`, or marks too many. */
export interface HeadingMark extends TextRange {
  readonly kind: 'dot' | 'extra';
  /** The marks as the reader sees them. */
  readonly marks: string;
}

const EXTRA_MARK_CHARS = '、.．';

/**
 * The marks of `facts.numbering` that GB/T 15834 writes otherwise: a Chinese numeral takes `、`,
 * not a dot (`一.`, `一．`), and parentheses take no mark after them (`（一）、`, `（2）.`). The
 * marks after parentheses run back from the marker's end over invisible characters and ads, which
 * fix-all removes with them.
 */
export function headingMarkOf(line: string, { numbering, ads }: LineFacts): HeadingMark | undefined {
  if (numbering === undefined) return undefined;
  const end = numbering.markEnd;
  if (numbering.style === 'dun') {
    const mark = line[end - 1];
    return mark === '.' || mark === '．' ? { start: end - 1, end, kind: 'dot', marks: mark } : undefined;
  }
  if (numbering.style !== 'paren' && numbering.style !== 'paren-arabic') return undefined;
  // What fix-all removes of the ads, the blanks tying them to the marks too, as `numberingOf`
  // reads the line without.
  const removed = removedAds(line, ads);
  // Blanks between the marks go with them; those before the first stay, for the speaker or for
  // the fix of a half-width parenthesis, which takes the blanks after it (`(一) 、`).
  let start = end;
  let marks = '';
  for (let at = end; at > 0; ) {
    const ad = rangeHolding(removed, at - 1);
    const char = line[at - 1]!;
    if (ad) at = ad.start;
    else if (EXTRA_MARK_CHARS.includes(char)) {
      marks = char + marks;
      at--;
    } else if (isInvisibleAt(line, at - 1)) at--;
    else if (isBlankAt(line, at - 1)) {
      at--;
      continue;
    } else break;
    start = at;
  }
  return marks ? { start, end, kind: 'extra', marks } : undefined;
}

function enumeratorsOf(line: string, from: number): readonly Enumerator[] {
  // Made on the first item: most lines have none.
  let found: Enumerator[] | undefined;
  enumerator.lastIndex = from;
  for (let match = enumerator.exec(line); match !== null; match = enumerator.exec(line)) {
    if (match.index > from && !isBoundaryAt(line, match.index - 1)) continue;
    const [whole, shi, di, qi, sequence] = match;
    const style: EnumerationStyle = shi ? 'shi' : di ? 'di' : qi ? 'qi' : 'sequence';
    const ordinal = sequence ? SEQUENCE_ORDINALS[sequence] : chineseToNumber((shi ?? di ?? qi)!);
    if (ordinal === undefined) continue;
    const markerEnd = match.index + whole.length;
    clauseEnd.lastIndex = markerEnd;
    const nameEnd = clauseEnd.test(line) ? clauseEnd.lastIndex - 1 : line.length;
    found = withItem(found, {
      style,
      ordinal,
      start: match.index,
      markerEnd,
      name: shorten(line.slice(match.index, nameEnd)),
      nameEnd,
    });
  }
  if (!found) return none;
  // A name stops where the next item starts (`首先，其次……`): the outline selects it inside the
  // item, whose range ends there.
  for (let index = 0; index + 1 < found.length; index++) {
    const item = found[index]!;
    const next = found[index + 1]!;
    if (item.nameEnd > next.start)
      found[index] = { ...item, name: shorten(line.slice(item.start, next.start)), nameEnd: next.start };
  }
  return found;
}

/**
 * The line as a reader sees it, without invisible characters and surrounding blanks, and without
 * the given ads, which fix-all removes.
 */
export function visibleContent(
  line: string,
  start = 0,
  end = line.length,
  ads: readonly TextRange[] = [],
): string {
  return withoutInvisible(line, start, end, removedAds(line, ads)).visible.trim();
}

/**
 * Whether a line is site residue. A residue line may have ads around it as well
 * (`第 2 页 共 5 页更多资料+微信:`); a line that is nothing but ads is residue itself. What lies
 * between the ads is judged as fix-all leaves it, or a second fix-all would remove more.
 */
export function residueOf(
  line: string,
  { proseStart, proseEnd }: Pick<LineFacts, 'proseStart' | 'proseEnd'>,
  aboveTitle: boolean,
): ResidueKind | undefined {
  const content = visibleContent(line);
  const withoutAds = proseEnd === line.length && proseStart <= blankRunAfter(line, 0);
  const prose = withoutAds ? content : visibleContent(line, proseStart, Math.max(proseStart, proseEnd));
  if (!fitsWithoutSpaces(content, MAX_RESIDUE_LINE) && !opensSiteNotice(prose)) return undefined;
  return (
    classifyResidueLine(content, aboveTitle) ??
    (prose.length === 0 ? 'ad' : prose === content ? undefined : classifyResidueLine(prose, aboveTitle))
  );
}

/**
 * Whether the words of `line` from `start` to `end` are `limit` long at most: spaces not counted
 * (see `fitsWithoutSpaces`), looked for only in a line that `holds` some.
 */
function wordsFit(line: string, start: number, end: number, holds: number, limit: number): boolean {
  return holds & CharKind.space ? fitsWithoutSpaces(line, limit, start, end) : end - start <= limit;
}

/**
 * Whether the speaker's words of `line` open a site's notice as `residueOf` reads them: without
 * the invisible characters fix-all removes, which are looked for only in a line that `holds` some.
 */
function proseOpensSiteNotice(line: string, proseStart: number, proseEnd: number, holds: number): boolean {
  return holds & CharKind.invisible
    ? opensSiteNotice(visibleContent(line, proseStart, Math.max(proseStart, proseEnd)))
    : opensSiteNotice(line, proseStart);
}

/**
 * What `line` is. An ad holding one of the `ignored` phrases is kept, so it is no ad: every rule
 * reads it as text of the line, as it will still be there after fix-all; so is every ad when
 * none is `removed`.
 */
export function lineFacts(line: string, ignored: readonly TextRange[] = [], removed = true): LineFacts {
  const contentStart = blankRunAfter(line, 0);
  const contentEnd = blankRunEnd(line, line.length, contentStart);
  const holds = charKindsOf(line);
  // One object with every property from the start, filled in as the line is read: every result
  // has the same shape, which keeps the engine's loops over facts fast, and no closure is made to
  // build it (a closure and its context for every line of a transcript).
  const facts: { -readonly [Property in keyof LineFacts]: LineFacts[Property] } = {
    contentStart,
    contentEnd,
    kind: 'blank',
    residue: undefined,
    numbering: undefined,
    enumerators: none,
    ads: none,
    proseStart: contentStart,
    proseEnd: line.length,
    holds,
    markup: none,
  };
  if (contentStart === contentEnd) return facts;
  if (holds & CharKind.markup) facts.markup = markupIn(line);
  const ads = removed ? appendedAds(line, ignored, (holds & CharKind.invisible) !== 0) : none;
  // Ads in a row at the end, with only blanks or invisible characters between, all end the line
  // once fix-all has removed them.
  let proseEnd = line.length;
  for (let index = ads.length - 1; index >= 0; index--) {
    const ad = ads[index]!;
    if (blankRunEnd(line, proseEnd, ad.end) !== ad.end) break;
    proseEnd = ad.start;
  }
  let proseStart = contentStart;
  for (const ad of ads) {
    if (ad.start > proseStart) break;
    proseStart = blankRunAfter(line, ad.end);
  }
  facts.ads = ads;
  facts.proseStart = proseStart;
  facts.proseEnd = proseEnd;
  // Cheap length bounds first: most lines are speech far longer than any residue or salutation,
  // but for a site's notice, which may run to a hundred characters and more.
  const residue =
    wordsFit(line, proseStart, proseEnd, holds, MAX_RESIDUE_PROSE) ||
    proseOpensSiteNotice(line, proseStart, proseEnd, holds)
      ? residueOf(line, { proseStart, proseEnd }, false)
      : undefined;
  if (residue) {
    facts.kind = 'residue';
    facts.residue = residue;
    return facts;
  }
  // What the line is follows from the speaker's words alone: fix-all removes an appended ad, and
  // the line must be the same kind of line before and after, or a second fix-all would find more.
  const wordsEnd = blankRunEnd(line, Math.min(contentEnd, proseEnd), proseStart);
  if (wordsFit(line, proseStart, wordsEnd, holds, MAX_ADDRESS_LINE)) {
    const content = visibleContent(line, proseStart, wordsEnd, ads);
    const address = salutation.test(content) ? 'salutation' : closing.test(content) ? 'closing' : undefined;
    if (address) {
      facts.kind = address;
      return facts;
    }
  }
  const numbering =
    proseStart < wordsEnd && startsHeadingAt(line, proseStart)
      ? numberingOf(line, proseStart, wordsEnd, ads)
      : undefined;
  const isHeading =
    numbering !== undefined &&
    (numbering.textEnd < line.length || wordsFit(line, proseStart, wordsEnd, holds, SHORT_LINE * 2));
  facts.kind = isHeading ? 'heading' : 'paragraph';
  facts.numbering = numbering;
  if (holds & CharKind.enumeratorWord)
    facts.enumerators = enumeratorsOf(line, isHeading ? numbering.textEnd : 0);
  return facts;
}
