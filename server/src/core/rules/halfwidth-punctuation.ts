// Half-width punctuation in Chinese text (GB/T 15834-2011 asks for full-width marks there).
// A mark counts as Chinese when a Chinese character is its nearest neighbour on either side;
// it stays half-width between digits (8:30, 1:1, 1,000) and in Latin text (Hello, world). A
// Latin word glued to Chinese is an abbreviation in Chinese text (`5.2%,CPI上涨`), unless the
// mark joins it to another Latin word (`A:B`). A dot needs more, as it numbers headings and
// writes decimals: Chinese before it and nothing Latin or numeric after (`问题.对` is `问题。对`).
// Straight quotes pair within a paragraph, and a pair quoting Chinese becomes `“”`.
//
// Neighbours are judged as a second fix-all would see them, so that it finds nothing new: a mark
// beside a mark that becomes full-width has a Chinese neighbour (`请,,8` converts both commas),
// an appended ad is looked past (fix-all removes it), a censorship placeholder glued to Chinese
// is the Chinese word it stands for (`,X中央` reads `,党中央`), and a residue line between two
// lines is looked past (fix-all removes it). Converting is monotone, so the judgement is the
// fixpoint of "convert what has a Chinese neighbour", reached by propagation in linear time.
import type { ResolvedConfig, TextRange } from '../config';
import { type HeadingMark, headingMarkOf, type LineFacts } from '../lineFacts';
import { speechLineBeside } from '../model';
import { removedAds } from '../residue';
import { defineRule, type FixProposal, type Report, type Reporter } from '../rule';
import {
  blankRunStart,
  CharKind,
  charAt,
  characterClass,
  charBefore,
  closesListMarker,
  HALF_WIDTH_MARKS,
  isAsciiDigit,
  isAsciiDigitAt,
  isAsciiLetter,
  isAsciiLetterAt,
  isBlankAt,
  isChinese,
  isHan,
  isWordUnitAt,
  lastParenthesisCloser,
  listMarkerAt,
  PAIR_MARKS,
  partitionPoint,
  rangeHolding,
  sortFew,
  spaceRunEnd,
  vanishes,
  visibleAfter,
  visibleBefore,
  withItem,
} from '../text';
import { joinedTo, lineEnds } from './broken-line';
import { holdsPlaceholderToken, isPlaceholderToken } from './placeholder';

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
  '.': '。',
};

type MarkMessage = 'mark' | 'quote' | 'replace' | 'replaceQuote';

const marks = new RegExp(characterClass(HALF_WIDTH_MARKS), 'g');
/** What a full stop may close: `”.` ends the sentence the quote ends. */
const closesQuotation = /^[”’）》】」』]$/;
/**
 * What may follow a full stop within a line: the next sentence, a quote or bracket, or the cut
 * mark a site ended the text with (`----`), which `truncated` removes.
 */
const afterFullStop = /^[“‘（《【「『”’）》】」』\-—－_…]$/;
const han = /\p{Script=Han}/u;
const latin = /[A-Za-z]/;

/** A character beside a mark, and for a Latin word glued to Chinese, the Han character beyond it. */
interface Neighbour {
  readonly char: string | undefined;
  readonly gluedTo?: string;
  /**
   * Read past the line's edge. Which line lies there depends on what fix-all removes and joins
   * (residue, blank lines), so its letters do not make the mark Latin text: otherwise a residue
   * line gone would turn the mark Chinese on a second fix-all.
   */
  readonly across?: true;
}

/**
 * What lies beside a mark: a mark (of the same line, or of `line`), whose form depends on its own
 * judgement; a fixed character; or the line's edge, which only the document can see past.
 */
type Side = { readonly mark: number; readonly line?: number } | Neighbour | { readonly edge: true };
/** The line's edge, beside every mark that has one: one object for all of them. */
const AT_EDGE: Side = { edge: true };
/** A heading's dot (`一.`), read as the `、` `heading-mark` makes it. */
const HEADING_DUN: Side = { char: '、' };

/** What a pair of parentheses holds: Han characters, Latin letters. */
interface Inside {
  readonly han: boolean;
  readonly latin: boolean;
}

function insideOf(text: string): Inside {
  return { han: han.test(text), latin: latin.test(text) };
}

/** A pair of parentheses: what is inside, and what lies outside either end. */
interface Pair {
  readonly inside: Inside;
  readonly before: Side;
  readonly after: Side;
}

/**
 * A half-width mark of a line and what its judgement reads. Every mark has every property, so that
 * marks share one shape and a copy that changes one of them overrides it: V8 copies an object
 * spread that goes on to add a property fifty times slower.
 */
interface Mark {
  readonly char: string;
  readonly offset: number;
  readonly before: Side;
  readonly after: Side;
  /** For a parenthesis with a partner: the pair. */
  readonly pair: Pair | undefined;
  /** `)` of a list marker (`1)`) or `:` of `://`: stays, unless a partner makes it a parenthesis. */
  readonly excluded: boolean;
  /** A parenthesis without a partner on its line, which may be on the line fix-all joins to it. */
  readonly unpaired: boolean;
  /** Half of a pair whose `)` closes a list marker: the lines fix-all joins below decide it. */
  readonly tentative: boolean;
  /**
   * For a straight quote `"`: its full-width form once the document has paired it with another
   * in the paragraph fix-all leaves, if what they quote is Chinese. Until then it waits.
   */
  readonly quoted: '“' | '”' | undefined;
}

/** The form a mark takes when it is made full-width. */
function fullWidthOf(mark: Mark): string {
  return mark.quoted ?? FULL_WIDTH[mark.char]!;
}

/** A parenthesis left open at a line's end, or closing one opened before the line. */
interface Loose {
  readonly offset: number;
  /** Its index among the marks, when it is half-width. */
  readonly mark: number | undefined;
}

/** What checkLine leaves for the document: marks an edge or a joined line may still decide. */
interface LineMarks {
  readonly marks: readonly Mark[];
  readonly converted: boolean[];
  /** The marks that are the line's first and last visible characters, if any. */
  readonly first: number | undefined;
  readonly last: number | undefined;
  readonly openers: readonly Loose[];
  readonly closers: readonly Loose[];
  /**
   * Pairs closed by a list marker with nothing closing after it on the line (`（见附件 1)`): the
   * parenthesis closes there unless a line fix-all joins below brings a closer, which then closes
   * it and leaves the marker to its list, as on one line (`（注：1)……2)……）`).
   */
  readonly tentative: readonly { readonly opener: Loose; readonly marker: Loose }[];
}

/** Above this many ads on a line, the one holding an offset is bisected for, not scanned for. */
const FEW_ADS = 8;

/** The ad holding the code unit at `index`; ads are sorted and apart. */
function adHolding(ads: readonly TextRange[], index: number): TextRange | undefined {
  // Nearly every line with ads has one or two, asked about at every mark: a scan makes nothing,
  // where the bisection's closure was a tenth of what such a line allocated.
  if (ads.length <= FEW_ADS) return rangeHolding(ads, index);
  const ad = ads[partitionPoint(ads.length, (place) => ads[place]!.end <= index)];
  return ad && ad.start <= index ? ad : undefined;
}

/** The line as a reader of the fixed text sees it around its marks. */
class Surroundings {
  constructor(
    readonly line: string,
    private readonly ads: readonly TextRange[],
    private readonly config: ResolvedConfig,
    /**
     * The offsets of the line's marks, ascending; others (in ads, list markers) are plain
     * characters. A mark's index among them is its index among the marks.
     */
    private readonly markOffsets: readonly number[],
    /** The heading's mark `heading-mark` writes as `、`, or the marks too many it removes. */
    private readonly headingMark: HeadingMark | undefined,
  ) {}

  /** The marks too many after a heading's parentheses, which fix-all removes as it does ads. */
  private extraMarksHolding(index: number): HeadingMark | undefined {
    const mark = this.headingMark;
    return mark?.kind === 'extra' && mark.start <= index && index < mark.end ? mark : undefined;
  }

  /** Whether `index` holds a heading's dot, which fix-all makes `、`. */
  private isHeadingDot(index: number): boolean {
    return this.headingMark?.kind === 'dot' && this.headingMark.start === index;
  }

  /** The index of the mark at `offset`, if one is there. */
  markAt(offset: number): number | undefined {
    // Searched by hand: a closure for `partitionPoint` on every look beside every mark was a
    // tenth of what a line with a comma allocated.
    const offsets = this.markOffsets;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return offsets[low] === offset ? low : undefined;
  }

  /** What lies before `offset`, blanks and ads skipped. */
  before(offset: number): Side {
    const { line } = this;
    let at = offset;
    for (;;) {
      const ad = at > 0 ? (adHolding(this.ads, at - 1) ?? this.extraMarksHolding(at - 1)) : undefined;
      if (ad) at = ad.start;
      else if (at > 0 && isBlankAt(line, at - 1)) at--;
      else break;
    }
    if (at === 0) return AT_EDGE;
    if (this.isHeadingDot(at - 1)) return HEADING_DUN;
    const mark = this.markAt(at - 1);
    if (mark !== undefined) return { mark };
    const char = charBefore(line, at);
    if (!isAsciiLetter(char)) return { char };
    let start = at - 1;
    while (start > 0 && isWordUnitAt(line, start - 1)) start--;
    const far = visibleBefore(line, start, 2, this.removed());
    return this.word(start, at, char, charBefore(far, far.length));
  }

  /** What lies from `offset` on, likewise. */
  after(offset: number): Side {
    const { line } = this;
    let at = offset;
    for (;;) {
      const ad = at < line.length ? (adHolding(this.ads, at) ?? this.extraMarksHolding(at)) : undefined;
      if (ad) at = ad.end;
      else if (at < line.length && isBlankAt(line, at)) at++;
      else break;
    }
    if (at === line.length) return AT_EDGE;
    if (this.isHeadingDot(at)) return HEADING_DUN;
    const mark = this.markAt(at);
    if (mark !== undefined) return { mark };
    const char = charAt(line, at);
    if (!isAsciiLetter(char)) return { char };
    let end = at + 1;
    while (end < line.length && isWordUnitAt(line, end)) end++;
    return this.word(at, end, char, charAt(visibleAfter(line, end, 2, this.removed()), 0));
  }

  /** The pair of the parentheses at `offset` and `partner`: a parenthesis looks at no other line. */
  pair(offset: number, partner: number): Pair {
    const [open, close] = partner > offset ? [offset, partner] : [partner, offset];
    // What each pair holds is counted once for the line: a slice per pair would cost the square
    // of the line's length for deeply nested parentheses.
    this.counts ??= letterCounts(this.line);
    const { han, latin } = this.counts;
    const inside = { han: han[close]! > han[open + 1]!, latin: latin[close]! > latin[open + 1]! };
    return { inside, before: this.before(open), after: this.after(close + 1) };
  }

  private counts: { han: Uint32Array; latin: Uint32Array } | undefined;

  /**
   * The Latin word from `start` to `end`, whose letter `near` touches the mark and `far` lies
   * beyond it. Glued to a Han character, a placeholder is the Chinese it stands for, so that
   * character for the test; any other word is glued to it.
   */
  private word(start: number, end: number, near: string | undefined, far: string | undefined): Neighbour {
    if (!isHan(far)) return { char: near };
    return isPlaceholderToken(this.line.slice(start, end), this.config)
      ? { char: far }
      : { char: near, gluedTo: far };
  }

  /**
   * The ads with the blanks before them, which fix-all removes: a placeholder is glued to the Han
   * character beyond (`Q 更多资料+微信:x今天` reads 群今天), as the placeholder rule reads it.
   */
  private removed(): readonly TextRange[] {
    this.removedRanges ??= removedAds(this.line, this.ads);
    return this.removedRanges;
  }

  private removedRanges: readonly TextRange[] | undefined;
}

/**
 * Pairs `(` with `)` on one line, so both halves of a parenthesis are judged together; what is
 * left open at the end and what closes nothing may pair with the lines around. One inside an ad
 * goes with the ad and pairs with nothing: `（更多资料+微信:abc）` leaves `（` open. A list marker
 * closes nothing while a closer follows on the line (`（注：1)……2)……）`); with none after it, it
 * closes a parenthesis for now (`（见附件 1)`), which the lines joined below may still change.
 */
function pairParentheses(
  content: string,
  ads: readonly TextRange[],
): {
  partner: Map<number, number>;
  open: number[];
  closing: number[];
  /** The markers among the closers of `partner` that close a parenthesis for now. */
  tentative: number[];
} {
  const partner = new Map<number, number>();
  const open: number[] = [];
  const closing: number[] = [];
  const tentative: number[] = [];
  /** Found on first need: most lines have no list marker. */
  let lastCloser: number | undefined;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (ads.length > 0 && adHolding(ads, index)) continue;
    if (char === '(' || char === '（') open.push(index);
    else if (char === ')' || char === '）') {
      if (char === ')' && listMarkerAt(content, index, ads) === 'marker') {
        lastCloser ??= lastParenthesisCloser(content, ads);
        if (lastCloser > index) continue;
        if (open.length > 0) tentative.push(index);
      }
      const opening = open.pop();
      if (opening === undefined) closing.push(index);
      else {
        partner.set(opening, index);
        partner.set(index, opening);
      }
    }
  }
  return { partner, open, closing, tentative };
}

/** How many Han characters and Latin letters start before each offset of `text`. */
function letterCounts(text: string): { han: Uint32Array; latin: Uint32Array } {
  const hanCount = new Uint32Array(text.length + 1);
  const latinCount = new Uint32Array(text.length + 1);
  for (let at = 0; at < text.length; at++) {
    hanCount[at + 1] = hanCount[at]! + (isHan(charAt(text, at)) ? 1 : 0);
    latinCount[at + 1] = latinCount[at]! + (isAsciiLetterAt(text, at) ? 1 : 0);
  }
  return { han: hanCount, latin: latinCount };
}

/** What `checkLine` finds of a line's marks before judging them. */
type LineMarksFound = Pick<LineMarks, 'openers' | 'closers' | 'tentative'> & {
  readonly list: readonly Mark[];
};

/** The marks of a line that are judged, with what lies beside each, and its loose parentheses. */
function marksOf(content: string, facts: LineFacts, config: ResolvedConfig): LineMarksFound {
  const { ads } = facts;
  // Offsets only, the character read where it stands, found by `test` (no match array): this
  // runs for every line with a mark, and an object, a match or a map for each mark made most of
  // what a line with a comma allocated.
  let found: number[] | undefined;
  const headingMark = headingMarkOf(content, facts);
  marks.lastIndex = 0;
  while (marks.test(content)) {
    const offset = marks.lastIndex - 1;
    // Marks inside an ad go with the ad; telling the user to make them full-width is noise. Those
    // of HTML (the `;` of `&ldquo;`, the `:` of a tag's style) are the page's, not the speaker's.
    if (adHolding(ads, offset) || rangeHolding(facts.markup, offset)) continue;
    // A dot of a run (`......`, a cut mark `....`) is no full stop, whatever lies around it, nor
    // is one right after a digit (a heading's `1.`, `3.14`) or a heading's mark (`一.`, `（二）.`),
    // which `heading-mark` writes as it belongs: only a Chinese sentence ends in one. An ad's digit
    // goes with the ad (`关注：1.`), and what is before it decides.
    if (
      content[offset] === '.' &&
      (afterDigit(content, ads, offset) ||
        isDotOfRun(content, offset) ||
        (headingMark !== undefined && headingMark.start <= offset && offset < headingMark.end))
    )
      continue;
    found = withItem(found, offset);
  }
  const offsets = found ?? NO_OFFSETS;
  const parens = /[(（)）]/.test(content) ? pairParentheses(content, ads) : undefined;
  if (offsets.length === 0 && !parens) return NO_MARKS;
  const around = new Surroundings(content, ads, config, offsets, headingMark);
  // Both halves of each pair a list marker closes for now; most lines have none.
  const tentative =
    parens && parens.tentative.length > 0
      ? new Set(parens.tentative.flatMap((marker) => [marker, parens.partner.get(marker)!]))
      : undefined;
  // Made its length: the document pass keeps the marks of a line with a mark at an edge.
  const list = new Array<Mark>(offsets.length);
  for (let index = 0; index < offsets.length; index++) {
    const offset = offsets[index]!;
    const char = content[offset]!;
    const partner = parens?.partner.get(offset);
    const paren = char === '(' || char === ')';
    list[index] = {
      char,
      offset,
      before: around.before(offset),
      after: around.after(offset + 1),
      excluded:
        partner === undefined &&
        (closesListMarker(content, offset, ads) || (char === ':' && content.startsWith('//', offset + 1))),
      unpaired: paren && partner === undefined,
      tentative: tentative?.has(offset) ?? false,
      pair: partner === undefined ? undefined : around.pair(offset, partner),
      quoted: undefined,
    };
  }
  if (!parens) return { list, openers: NO_LOOSE, closers: NO_LOOSE, tentative: NO_TENTATIVE };
  const loose = (offset: number): Loose => ({ offset, mark: around.markAt(offset) });
  return {
    list,
    openers: parens.open.map(loose),
    closers: parens.closing.map(loose),
    tentative: parens.tentative.map((marker) => ({
      opener: loose(parens.partner.get(marker)!),
      marker: loose(marker),
    })),
  };
}

/** Most lines have no parenthesis: they share these. */
const NO_LOOSE: readonly Loose[] = [];
const NO_TENTATIVE: LineMarks['tentative'] = [];
/** A line with no mark to judge (its marks in ads, runs of dots, numbers) shares this list. */
const NO_OFFSETS: readonly number[] = [];
/** What such a line holds when it has no parenthesis either: nothing. */
const NO_MARKS: LineMarksFound = { list: [], openers: NO_LOOSE, closers: NO_LOOSE, tentative: NO_TENTATIVE };

/** On its own line, a mark has no marks of other lines beside it. */
const NOTHING_ELSEWHERE = () => '';

type Edges = { readonly before: Neighbour | undefined; readonly after: Neighbour | undefined };

/**
 * Judges the marks of one line as they now read. A class, not closures: this runs for every line
 * with a mark, and closures are made anew for each line.
 */
class MarkJudge {
  constructor(
    private readonly state: LineMarks,
    /** What lies past the line's start and end; undefined on the line alone. */
    private readonly edges: Edges | undefined,
    private readonly elsewhere: (line: number, mark: number) => string,
  ) {}

  private neighbourOf(side: Side): Neighbour | undefined {
    if ('mark' in side) {
      if (side.line !== undefined) return { char: this.elsewhere(side.line, side.mark) };
      const other = this.state.marks[side.mark]!;
      return { char: this.state.converted[side.mark] ? fullWidthOf(other) : other.char };
    }
    if ('char' in side) return side;
    return undefined;
  }

  private edgeOf(side: Side, which: 'before' | 'after'): Neighbour | undefined {
    return 'edge' in side ? this.edges?.[which] : this.neighbourOf(side);
  }

  chinese(mark: Mark): boolean {
    if (mark.tentative) return false;
    if (mark.char === '"') return mark.quoted !== undefined;
    if (mark.char === '.')
      return isChineseFullStop(this.edgeOf(mark.before, 'before'), this.edgeOf(mark.after, 'after'));
    if (mark.pair) {
      // Latin inside (`国内生产总值(GDP)增长`) is Chinese text only when Chinese surrounds it;
      // `Windows XP (SP3)系统` is a Latin phrase that merely goes on in Chinese. At a line's edge a
      // parenthesis looks past it as a mark does: fix-all may join the lines.
      const { inside, before, after } = mark.pair;
      const chineseBefore = isChinese(this.edgeOf(before, 'before')?.char);
      const chineseAfter = isChinese(this.edgeOf(after, 'after')?.char);
      return inside.han || (inside.latin ? chineseBefore && chineseAfter : chineseBefore || chineseAfter);
    }
    // A parenthesis without a partner waits for the document, which knows the lines joined to it.
    if (mark.excluded || (mark.unpaired && this.edges === undefined)) return false;
    // A mark at a line's edge belongs to the sentence the neighbouring line carries on
    // (`增长5.2%,` before a broken line): only the document can look there.
    return isChineseMark(this.edgeOf(mark.before, 'before'), this.edgeOf(mark.after, 'after'));
  }
}

const opensLine = (mark: Mark) => 'edge' in mark.before;
const endsLine = (mark: Mark) => 'edge' in mark.after;
const ascending = (a: number, b: number) => a - b;

/**
 * Whether the document still has to judge a mark: a parenthesis that pairs with another line or
 * reads past the line's edge, or a quote, which pairs within the paragraph fix-all leaves.
 */
function waitsForDocument(mark: Mark): boolean {
  const edgePair = mark.pair !== undefined && ('edge' in mark.pair.before || 'edge' in mark.pair.after);
  return mark.unpaired || edgePair || mark.char === '"';
}

/** For each mark of a line, the marks whose judgement reads it. */
type Dependents = (number[] | undefined)[];
const NO_DEPENDENTS: readonly number[] = [];

/** Notes that mark `index` reads the mark of its own line at `side`, if it does. */
function noteDependent(
  dependents: Dependents | undefined,
  side: Side,
  index: number,
  count: number,
): Dependents | undefined {
  if (!('mark' in side) || side.line !== undefined) return dependents;
  const noted = dependents ?? new Array<number[] | undefined>(count);
  const waiting = noted[side.mark];
  if (waiting) waiting.push(index);
  else noted[side.mark] = [index];
  return noted;
}

/**
 * Converts every mark that a Chinese neighbour makes Chinese, and then those that the converted
 * ones make Chinese, until nothing changes. `edges` says what lies past the line's start and end.
 */
function propagate(
  state: LineMarks,
  edges: Edges | undefined,
  elsewhere: (line: number, mark: number) => string = NOTHING_ELSEWHERE,
): number[] {
  const { marks: list, converted } = state;
  const judge = new MarkJudge(state, edges, elsewhere);
  /** The marks whose judgement looks at mark `index`; most lines' marks look at none. */
  let dependents: Dependents | undefined;
  // Every mark is judged once at least; the order does not matter, as converting is monotone.
  const queue = new Array<number>(list.length);
  for (let index = 0; index < list.length; index++) {
    queue[index] = index;
    const { before, after, pair } = list[index]!;
    dependents = noteDependent(dependents, before, index, list.length);
    dependents = noteDependent(dependents, after, index, list.length);
    if (pair) {
      dependents = noteDependent(dependents, pair.before, index, list.length);
      dependents = noteDependent(dependents, pair.after, index, list.length);
    }
  }
  let newly: number[] | undefined;
  while (queue.length > 0) {
    const index = queue.pop()!;
    if (converted[index] || !judge.chinese(list[index]!)) continue;
    converted[index] = true;
    newly = withItem(newly, index);
    for (const next of dependents?.[index] ?? NO_DEPENDENTS) if (!converted[next]) queue.push(next);
  }
  return newly ?? [];
}

export const halfwidthPunctuation = defineRule<MarkMessage, LineMarks>({
  id: 'halfwidth-punctuation',
  description: {
    en: 'Half-width punctuation (, . ( ) : ; ? ! ") in Chinese text, where full-width marks belong: a dot ending a Chinese sentence is 。, straight quotes around Chinese are “”. Numbers, times, ratios, ellipses and Latin text keep theirs. Spaces typed beside a mark go with it.',
    'zh-cn':
      '中文语境中的半角标点（, . ( ) : ; ? ! "），应使用全角标点：结束中文句子的点应为“。”，引用中文的直引号应为“”；数字、时间、比例、省略号和西文中的半角标点保持不变。标点旁的空格随之删除。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    mark: {
      en: 'Half-width “{mark}” in Chinese text: use the full-width “{full}”.',
      'zh-cn': '中文语境中使用了半角“{mark}”，应改为全角“{full}”。',
    },
    quote: {
      en: 'Straight quote " in Chinese text: use the full-width {full} here.',
      'zh-cn': '中文语境中使用了直引号 "，此处应改为全角 {full}。',
    },
    replace: { en: 'Replace “{mark}” with “{full}”', 'zh-cn': '将“{mark}”改为“{full}”' },
    replaceQuote: { en: 'Replace " with {full}', 'zh-cn': '将 " 改为 {full}' },
  },
  checkLine({ text: content, facts, config }, report) {
    if (facts.kind === 'residue' || !(facts.holds & CharKind.halfWidthMark)) return undefined;
    const { list, openers, closers, tentative } = marksOf(content, facts, config);
    if (list.length + openers.length + closers.length === 0) return undefined;
    const first = list.findIndex(opensLine);
    const last = list.findLastIndex(endsLine);
    const state: LineMarks = {
      marks: list,
      converted: new Array<boolean>(list.length).fill(false),
      first: first < 0 ? undefined : first,
      last: last < 0 ? undefined : last,
      openers,
      closers,
      tentative,
    };
    const newly = propagate(state, undefined);
    sortFew(newly, ascending);
    for (const index of newly) reportMark(report, list[index]!, content, facts.ads, 0);
    // Only a line with a mark at an edge or a loose parenthesis has anything left for the document
    // to decide, or to say to the lines beside it.
    const open =
      state.first !== undefined ||
      state.last !== undefined ||
      openers.length + closers.length + tentative.length > 0;
    return open || list.some(waitsForDocument) ? state : undefined;
  },
  checkDocument(
    { model, config, linesJoined, lineData, linesWithData: withEdges, lineText, lineFacts },
    report,
  ) {
    if (withEdges.length === 0) return;
    const residue = new Set(model.residue.map((block) => block.line.index));
    // Residue above the title is only known here; the watermark rule removes it whole.
    const pending = withEdges.filter((index) => !residue.has(index));
    /**
     * The line next to `index` once fix-all has removed the residue lines between them, and the
     * lines that vanish with their invisible characters. Across residue, blank lines are passed
     * over too, as `broken-line` joins across them when it is on.
     */
    const beside = (index: number, step: -1 | 1): number | undefined => {
      let acrossResidue = false;
      let nearest: number | undefined;
      for (let at = index + step; at >= 0 && at < model.lines.length; at += step) {
        if (residue.has(at)) acrossResidue = linesJoined;
        else if (vanishes(model, at)) continue;
        else if (lineFacts(at).kind === 'blank') nearest ??= at;
        else return acrossResidue || nearest === undefined ? at : nearest;
      }
      return nearest;
    };
    /** The next line that is neither blank nor residue. */
    const nextLine = (index: number): number | undefined => speechLineBeside(model.blocks, index, 1);
    // Each line's state is copied once, so the judgement kept with the line stays as checkLine left it.
    const states = new Map<number, LineMarks & { marks: Mark[]; openers: readonly Loose[] }>();
    const stateOf = (index: number) => {
      let state = states.get(index);
      if (!state) {
        const data = lineData(index)!;
        state = { ...data, marks: [...data.marks], converted: [...data.converted] };
        states.set(index, state);
      }
      return state;
    };
    /** The parentheses line `index` leaves open, those a joined closer took from its markers too. */
    const openersOf = (index: number) => (states.get(index) ?? lineData(index))?.openers ?? [];
    /** The character at the end or start of line `index`, as the marks there now read: read past an edge. */
    const edgeChar = (index: number | undefined, side: 'end' | 'start'): Neighbour | undefined => {
      if (index === undefined) return undefined;
      const data = lineData(index);
      const markIndex = data && (side === 'end' ? data.last : data.first);
      if (data && markIndex !== undefined) {
        const state = stateOf(index);
        const mark = state.marks[markIndex]!;
        const char = state.converted[markIndex] ? fullWidthOf(mark) : mark.char;
        return { char, across: true };
      }
      const text = lineText(index);
      const facts = lineFacts(index);
      const around = new Surroundings(text, facts.ads, config, [], headingMarkOf(text, facts));
      const found = side === 'end' ? around.before(text.length) : around.after(0);
      return 'char' in found ? { ...found, across: true } : undefined;
    };
    /** A mark of another line, as that line's state now reads it. */
    const elsewhere = (line: number, markIndex: number) => {
      const state = stateOf(line);
      const mark = state.marks[markIndex]!;
      return state.converted[markIndex] ? fullWidthOf(mark) : mark.char;
    };
    // A parenthesis closing on a line that fix-all joins to the lines before pairs with one left
    // open there, as it does on the joined line: `（最后，⏎a)` becomes `（最后，a)`. Each run of
    // joined lines is followed from a line that leaves a parenthesis open.
    const ends = (index: number) => lineEnds(lineText(index), lineFacts(index));
    /** The words of line `index` as fix-all joins them (ads at either end go), and where they start. */
    const wordsOf = (index: number) => {
      const start = lineFacts(index).proseStart;
      return { start, words: lineText(index).slice(start, ends(index).proseEnd) };
    };
    const around = (index: number) =>
      new Surroundings(
        lineText(index),
        lineFacts(index).ads,
        config,
        lineData(index)!.marks.map((mark) => mark.offset),
        headingMarkOf(lineText(index), lineFacts(index)),
      );
    /**
     * A side of a pair across lines, for the half held by the other line: a mark of `line`, or
     * past `line`'s edge what lies beside it there (a half reads its own edge itself). A mark
     * there is read as it is judged, which may change in the rounds below.
     */
    const across = (side: Side, line: number, step: -1 | 1): Side => {
      if ('mark' in side) return { mark: side.mark, line };
      if (!('edge' in side)) return side;
      const next = beside(line, step);
      const data = next === undefined ? undefined : lineData(next);
      const mark = data && (step < 0 ? data.last : data.first);
      return next !== undefined && mark !== undefined
        ? { mark, line: next }
        : (edgeChar(next, step < 0 ? 'end' : 'start') ?? { char: undefined });
    };
    /**
     * Whether the `)` at `offset` of line `index` is a list marker once fix-all has joined the line
     * to the line whose words are `previousWords`: a `)` at the line's start reads with their end.
     */
    const isMarker = (index: number, offset: number, previousWords: string): boolean => {
      const text = lineText(index);
      const { ads, proseStart } = lineFacts(index);
      const kind = listMarkerAt(text, offset, ads);
      if (kind !== 'at-line-start') return kind === 'marker';
      const joined = previousWords + text.slice(proseStart, offset + 1);
      return closesListMarker(joined, joined.length - 1);
    };
    /** The line fix-all joins to the end of line `index`, if any. */
    const joinedBelow = (index: number): number | undefined => {
      const next = nextLine(index);
      return next !== undefined && joinedTo(model, next) === index ? next : undefined;
    };
    /**
     * What the line fix-all joins reads from `from` on line `first` to `to` on line `last`, one of
     * the lines it joins below `first`: what a pair across lines holds.
     */
    const joinedBetween = (first: number, from: number, last: number, to: number): string => {
      const { start, words } = wordsOf(first);
      let text = words.slice(Math.max(0, from - start));
      for (let line = joinedBelow(first); line !== undefined && line !== last; line = joinedBelow(line))
        text += wordsOf(line).words;
      return text + lineText(last).slice(lineFacts(last).proseStart, to);
    };
    /** Where the last parenthesis of line `index` closes, an ad's aside: -1 if none does. */
    const lastCloser = (index: number) => lastParenthesisCloser(lineText(index), lineFacts(index).ads);
    const follows = new Map<number, boolean>();
    /**
     * Whether the lines fix-all joins below line `index` close a parenthesis. Remembered for each
     * line of the run, so that a run of many joined lines is walked once.
     */
    const closerFollows = (index: number): boolean => {
      const walked: number[] = [];
      let found = false;
      for (let current = index; ; ) {
        const known = follows.get(current);
        if (known !== undefined) {
          found = known;
          break;
        }
        walked.push(current);
        const next = joinedBelow(current);
        if (next === undefined) break;
        if (lastCloser(next) >= 0) {
          found = true;
          break;
        }
        current = next;
      }
      for (const line of walked) follows.set(line, found);
      return found;
    };
    // A list marker closing a parenthesis at a line's end leaves it open, as on one line, when the
    // lines joined below bring a closer: `（注：1)加强领导；⏎2)落实责任）`.
    for (const index of pending) {
      const { tentative } = lineData(index)!;
      if (tentative.length === 0) continue;
      const state = stateOf(index);
      const untied = closerFollows(index);
      for (const { opener, marker } of tentative) {
        for (const half of [opener, marker]) {
          if (half.mark === undefined) continue;
          const mark = state.marks[half.mark]!;
          state.marks[half.mark] = untied
            ? { ...mark, tentative: false, pair: undefined, unpaired: true, excluded: half === marker }
            : { ...mark, tentative: false };
        }
      }
      if (untied)
        state.openers = [...state.openers, ...tentative.map(({ opener }) => opener)].sort(
          (a, b) => a.offset - b.offset,
        );
    }
    const followed = new Set<number>();
    for (const head of pending) {
      if (followed.has(head) || openersOf(head).length === 0) continue;
      const open = openersOf(head).map((opener) => ({ ...opener, line: head }));
      let current = head;
      for (
        let next = joinedBelow(current);
        next !== undefined && open.length > 0;
        next = joinedBelow(current)
      ) {
        followed.add(next);
        const data = lineData(next);
        for (const closer of data?.closers ?? []) {
          // A list marker closes nothing while a closer follows, on its line or a joined one.
          if (
            lineText(next)[closer.offset] === ')' &&
            isMarker(next, closer.offset, wordsOf(current).words) &&
            (lastCloser(next) > closer.offset || closerFollows(next))
          ) {
            if (closer.mark !== undefined) {
              const state = stateOf(next);
              state.marks[closer.mark] = { ...state.marks[closer.mark]!, excluded: true };
            }
            continue;
          }
          const opener = open.pop();
          if (!opener) break;
          const inside = insideOf(joinedBetween(opener.line, opener.offset + 1, next, closer.offset));
          const before = around(opener.line).before(opener.offset);
          const after = around(next).after(closer.offset + 1);
          // Each half reads the other line's side as a mark of that line.
          if (opener.mark !== undefined)
            setPair(stateOf(opener.line), opener.mark, { inside, before, after: across(after, next, 1) });
          if (closer.mark !== undefined)
            setPair(stateOf(next), closer.mark, { inside, before: across(before, opener.line, -1), after });
        }
        for (const opener of openersOf(next)) open.push({ ...opener, line: next });
        current = next;
      }
    }
    // Straight quotes pair within the paragraph fix-all leaves, the lines it joins read as one:
    // the first opens, the next closes. A pair quoting Chinese becomes “”; with an odd number of
    // quotes in the paragraph none can be told from another, and all stay for a person.
    const offsetOf = ({ line, mark }: QuoteAt) => lineData(line)!.marks[mark]!.offset;
    const quotedText = (open: QuoteAt, close: QuoteAt): string =>
      open.line === close.line
        ? lineText(open.line).slice(offsetOf(open) + 1, offsetOf(close))
        : joinedBetween(open.line, offsetOf(open) + 1, close.line, offsetOf(close));
    const quote = ({ line, mark }: QuoteAt, quoted: '“' | '”') => {
      const state = stateOf(line);
      state.marks[mark] = { ...state.marks[mark]!, quoted };
    };
    const walked = new Set<number>();
    for (const index of pending) {
      if (walked.has(index) || !lineData(index)!.marks.some((mark) => mark.char === '"')) continue;
      let head = index;
      for (let above = joinedTo(model, head); above !== undefined; above = joinedTo(model, head))
        head = above;
      const quotes: QuoteAt[] = [];
      for (let line: number | undefined = head; line !== undefined; line = joinedBelow(line)) {
        walked.add(line);
        lineData(line)?.marks.forEach((mark, at) => {
          if (mark.char === '"') quotes.push({ line, mark: at });
        });
      }
      if (quotes.length % 2 !== 0) continue;
      for (let at = 0; at < quotes.length; at += 2) {
        if (!quotesChinese(quotedText(quotes[at]!, quotes[at + 1]!), config)) continue;
        quote(quotes[at]!, '“');
        quote(quotes[at + 1]!, '”');
      }
    }
    const newly = new Map<number, number[]>();
    // Marks only ever become full-width, so this ends; mostly after one round.
    for (let changed = true; changed; ) {
      changed = false;
      for (const index of pending) {
        const edges = {
          before: edgeChar(beside(index, -1), 'end'),
          after: edgeChar(beside(index, 1), 'start'),
        };
        const converted = propagate(stateOf(index), edges, elsewhere);
        if (converted.length === 0) continue;
        changed = true;
        newly.set(index, [...(newly.get(index) ?? []), ...converted]);
      }
    }
    for (const [index, converted] of newly) {
      const start = model.lines[index]!.start;
      const text = lineText(index);
      const { ads } = lineFacts(index);
      for (const markIndex of converted.sort((a, b) => a - b))
        reportMark(report, stateOf(index).marks[markIndex]!, text, ads, start);
    }
  },
});

/** A straight quote: its line, and its index among the line's marks. */
interface QuoteAt {
  readonly line: number;
  readonly mark: number;
}

/**
 * Whether quotes around `text` are Chinese ones: it holds a Han character, or a placeholder,
 * which stands for Chinese (`"ZF"`, `"GCD"`). A Latin phrase quoted in a Chinese sentence keeps
 * its quotes (`他说"Hello, world"是第一个程序`).
 */
function quotesChinese(text: string, config: ResolvedConfig): boolean {
  return han.test(text) || holdsPlaceholderToken(text, config);
}

function setPair(state: { marks: Mark[] }, index: number, pair: Pair): void {
  state.marks[index] = { ...state.marks[index]!, pair, unpaired: false, excluded: false };
}

/**
 * A mark between digits (8:30, 1,000) or in Latin text stays; next to Chinese it is Chinese. A
 * Latin word glued to Chinese reads as the Chinese beyond it (`5.2%,CPI上涨`), unless the mark
 * joins it to another Latin word (`A:B`, `Hello,world很`).
 */
function isChineseMark(before: Neighbour | undefined, after: Neighbour | undefined): boolean {
  const [first, second] = [reading(before, after), reading(after, before)];
  return (isChinese(first) || isChinese(second)) && !(isAsciiDigit(first) && isAsciiDigit(second));
}

/** The character a side reads as, given the other: a Latin word glued to Chinese reads as the Chinese. */
function reading(side: Neighbour | undefined, other: Neighbour | undefined): string | undefined {
  return side?.gluedTo !== undefined && (other?.across || !isAsciiLetter(other?.char))
    ? side.gluedTo
    : side?.char;
}

/**
 * A dot is a full stop where a Chinese sentence ends before it (a Han character, or a quote or
 * bracket closing one) and nothing after it ties it to a number or Latin text (`问题.对`,
 * `“四风”.`); at the line's end it ends the sentence whatever the next line holds. One side
 * Chinese is not enough, as for a comma: `1.抓好` numbers a heading.
 */
function isChineseFullStop(before: Neighbour | undefined, after: Neighbour | undefined): boolean {
  const last = reading(before, after);
  if (!isHan(last) && !(last !== undefined && closesQuotation.test(last))) return false;
  if (after === undefined || after.across) return true;
  // A Latin word after it is read as it stands, glued to Chinese or not: `ZF.com网站`.
  return isHan(after.char) || (after.char !== undefined && afterFullStop.test(after.char));
}

/** Whether the code unit before `offset` is a digit that is no part of an ad. */
function afterDigit(content: string, ads: readonly TextRange[], offset: number): boolean {
  return isAsciiDigitAt(content, offset - 1) && !adHolding(ads, offset - 1);
}

/** Whether the dot at `offset` has a dot beside it, invisible characters between. */
function isDotOfRun(content: string, offset: number): boolean {
  return visibleBefore(content, offset, 1) === '.' || visibleAfter(content, offset + 1, 1) === '.';
}

/** Each half-width mark with a full-width form it takes; a straight quote takes either. */
const FORMS: readonly (readonly [string, string])[] = [...Object.entries(FULL_WIDTH), ['"', '“'], ['"', '”']];

/** What is said of a mark made full-width, and its fix, by the form it takes: each is one object. */
const MARK_REPORTS: ReadonlyMap<string, MarkReport> = new Map(
  FORMS.map(([mark, full]) => {
    const quote = mark === '"';
    // The message and the fix's title say the same: one set of arguments serves both.
    const args = { mark, full };
    const fix = { title: quote ? 'replaceQuote' : 'replace', args, replacement: full, safe: true } as const;
    return [full, { message: quote ? 'quote' : 'mark', args, fix, fixes: [fix] }];
  }),
);

interface MarkReport extends Pick<Report<MarkMessage>, 'message' | 'args' | 'fixes'> {
  readonly fix: FixProposal<MarkMessage>;
}

/**
 * Reports a mark made full-width, at `lineStart` + its offset in `content`, a line whose ads are
 * `ads`. A full-width mark carries its own spacing: the space typed after `,` (`同志们, 朋友们`)
 * or before `(` would stay inside Chinese text once the mark is `，` or `（`, and
 * `space-between-chinese` would find it on the next run. So the mark takes the spaces beside it.
 */
function reportMark(
  report: Reporter<MarkMessage>,
  mark: Mark,
  content: string,
  ads: readonly TextRange[],
  lineStart: number,
): void {
  const full = fullWidthOf(mark);
  const { message, args, fix, fixes } = MARK_REPORTS.get(full)!;
  const { start, end } = spanOf(content, ads, mark.offset, full);
  if (end - start === 1) {
    report({ start: lineStart + start, end: lineStart + end, message, args, fixes });
    return;
  }
  // Rare enough to say on its own: the spaces are named, as the fix takes them too.
  const spaced = mark.char === '"' ? args : { mark: content.slice(start, end), full };
  const fixesSpaced = [{ ...fix, args: spaced }];
  report({ start: lineStart + start, end: lineStart + end, message, args: spaced, fixes: fixesSpaced });
}

const punctuation = /\p{P}/u;
/**
 * Quotes and brackets, which a space parts from no mark (`他说: "`, `" ,`): the pairs' opening and
 * closing halves, and a straight quote, which may be either.
 */
const OPENERS = `${halvesOf(PAIR_MARKS, 0)}"`;
const CLOSERS = `${halvesOf(PAIR_MARKS, 1)}"`;
/** Marks that end a clause: one after a closer is no doubled mark (`”，`). */
const CLAUSE_MARKS = '，、；：！？,;:!?';

/**
 * The mark at `offset`, which becomes `full`, with the spaces beside it that go with it. Spaces
 * between the mark and a neighbour that is no word, quote or bracket stay: an indent, blanks at
 * the line's end, blanks beside an ad (fix-all removes them with it), and spaces next to another
 * mark, which would make a doubled mark (`， ,`) or a cut mark's own blanks (`, ----`) part of
 * this one; but a closer takes those before a clause mark (`" ,`). Spaces between two half-width
 * marks are the first one's to take, or nobody's. An opener keeps the spaces before a number or
 * Latin word after it: `( 1)` made `（1)` would end no list marker.
 */
function spanOf(content: string, ads: readonly TextRange[], offset: number, full: string): TextRange {
  let start = blankRunStart(content, offset);
  const previous = content[start - 1];
  if (
    previous === undefined ||
    isBlankAt(content, start - 1) ||
    (punctuation.test(previous) && !CLOSERS.includes(previous)) ||
    HALF_WIDTH_MARKS.includes(previous) ||
    adHolding(ads, start - 1)
  )
    start = offset;
  let end = spaceRunEnd(content, offset + 1);
  const next = content[end];
  if (
    next === undefined ||
    isBlankAt(content, end) ||
    (punctuation.test(next) && !takesSpacesBefore(next, full)) ||
    (OPENERS.includes(full) && (isAsciiLetter(next) || isAsciiDigit(next))) ||
    adHolding(ads, end)
  )
    end = offset + 1;
  return { start, end };
}

/** The opening (`half` 0) or closing (1) marks of `pairs`, written as opener and closer in turn. */
function halvesOf(pairs: string, half: 0 | 1): string {
  return [...pairs].filter((_, index) => index % 2 === half).join('');
}

/** Whether the spaces between a mark that becomes `full` and the mark `next` after it go. */
function takesSpacesBefore(next: string, full: string): boolean {
  return (
    OPENERS.includes(next) ||
    CLOSERS.includes(next) ||
    (CLOSERS.includes(full) && CLAUSE_MARKS.includes(next))
  );
}
