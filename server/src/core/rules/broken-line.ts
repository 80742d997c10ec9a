// A line break inside a sentence, typical of text copied from a PDF: the line stops without
// punctuation and the next line carries the sentence on. Page residue between the two halves
// (a footer the site put at the page break) is removed by the same join.
import type { TextRange } from '../config';
import { type LineFacts, matchHeading } from '../lineFacts';
import { type Block, blockPlace, type Transcript } from '../model';
import { appendedAds, mentionsAd, removedAds } from '../residue';
import { defineRule, type FixProposal } from '../rule';
import { blankRunEnd, hasInvisible, isBlankAt, isInvisibleAt, rangeHolding, vanishes } from '../text';

/** Marks that may end a paragraph; a line ending in any other character is unfinished. */
// The marks are tested where they stand (sticky, at `lastIndex`): slicing a line to test one
// character would make a string of it for every line.
// A straight quote at a line's end closes a quotation: `halfwidth-punctuation` may make it `”`.
const PARAGRAPH_END = /[。！？!?…”’」』）)》】；;：:."]/y;
/** A line ending in a comma or an enumeration comma certainly goes on. */
const CLAUSE_END = /[，,、]/y;
/** A line starting with a mark that cannot open a sentence continues the one before. */
const CONTINUATION_START = /[，。、；：！？,.;:!?）)」』”》]/y;
/** Below this length a line without punctuation may be an unnumbered heading. */
const MIN_BROKEN_LENGTH = 16;
/**
 * Joining removes what the finding covers, the break and the indent after it: fix-all applies it
 * only where the break is certain. One list each for every broken line.
 */
const JOIN: readonly FixProposal<'join'>[] = [{ title: 'join', replacement: '', safe: true }];
const JOIN_FOR_A_PERSON: readonly FixProposal<'join'>[] = [{ title: 'join', replacement: '', safe: false }];

/** A run-in heading (`（一）提高站位。全市上下……`) is a paragraph after its first full stop. */
function endsInProse(block: Block): boolean {
  if (block.kind === 'paragraph') return true;
  return block.heading !== undefined && block.heading.textEnd < block.line.end;
}

export const brokenLine = defineRule<'broken' | 'join', LineEnds>({
  id: 'broken-line',
  description: {
    en: 'A line break inside a sentence, as left by text copied from a PDF.',
    'zh-cn': '句子中间的换行，常见于从 PDF 复制的文字。',
  },
  defaultSeverity: 'information',
  fixable: true,
  joinsLines: true,
  messages: {
    broken: {
      en: 'This line breaks in the middle of a sentence: join it with the next line.',
      'zh-cn': '此行在句子中间断开，应与下一行合并。',
    },
    join: { en: 'Join with the next line', 'zh-cn': '与下一行合并' },
  },
  checkLine({ text, facts }) {
    // Kept only for lines after which a sentence may run on: the document pass walks those, not
    // every line, and reads the others' ends when a break reaches them. A line ending a paragraph
    // is none, nor is a heading that does not run into prose (`（一）提高站位。全市……` does).
    if (facts.kind === 'heading' && facts.numbering!.textEnd >= text.length) return undefined;
    // Most lines end a paragraph: their last mark settles them before anything else is read.
    if (endsParagraph(text, proseEndOf(text, facts), facts)) return undefined;
    return readLineEnds(text, facts);
  },
  checkDocument({ model, adsRemoved, lineData, linesWithData, lineText, lineFacts }, report) {
    const ends = (index: number) => lineData(index) ?? lineEnds(lineText(index), lineFacts(index));
    for (const [index, broken] of breaksOf(model, ends, adsRemoved, linesWithData)) {
      const start = model.lines[broken.before]!.start + broken.first.proseEnd;
      const end = model.lines[index]!.start + broken.second.contentStart;
      report({
        start,
        end,
        message: 'broken',
        fixes: broken.certain ? JOIN : JOIN_FOR_A_PERSON,
      });
    }
  },
});

/**
 * Whether `text` holds at least `count` characters before `end`, counting a surrogate pair once
 * and no blank: fix-all removes invisible characters and the spaces typed beside a half-width
 * mark, and the line must read as long on the next run.
 */
function hasCharacters(text: string, end: number, count: number): boolean {
  let characters = 0;
  for (let at = 0; at < end && characters < count; at++) {
    if (isBlankAt(text, at)) continue;
    if (text.codePointAt(at)! > 0xffff) at++;
    characters++;
  }
  return characters >= count;
}

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  if (at < 0) return false;
  pattern.lastIndex = at;
  return pattern.test(text);
}

/**
 * What each line's ends tell, kept with the line's facts for the document pass of other rules:
 * the facts stay the same object while the line's text is unchanged, so after an edit only the
 * edited lines are read again.
 */
const endsOfLine = new WeakMap<LineFacts, LineEnds>();

export function lineEnds(text: string, facts: LineFacts): LineEnds {
  let ends = endsOfLine.get(facts);
  if (!ends) {
    ends = readLineEnds(text, facts);
    endsOfLine.set(facts, ends);
  }
  return ends;
}

/** Where a line's words end, blanks after them left out. */
function proseEndOf(text: string, facts: LineFacts): number {
  return blankRunEnd(text, facts.proseEnd);
}

/**
 * Whether the line's words, ending at `proseEnd`, end a paragraph. An HTML tag closing the line
 * (`</p>`, `<br>`) ends one, as it does on the page: such a line is never joined, so it reads the
 * same after fix-all, and so does a line joined to it.
 */
function endsParagraph(text: string, proseEnd: number, { markup }: LineFacts): boolean {
  const closing = markup.at(-1);
  if (closing?.kind === 'tag' && closing.end === proseEnd) return true;
  // The end marks are tested on the last character alone: a pattern anchored at the end would be
  // tried at every character of the line.
  return matchesAt(PARAGRAPH_END, text, proseEnd - 1);
}

/** What a line's ends tell about a sentence running on, from its own text. */
function readLineEnds(text: string, facts: LineFacts): LineEnds {
  const proseEnd = proseEndOf(text, facts);
  // Where the line's words start once fix-all has run: it removes invisible characters and an ad
  // opening the line, so `\u200B，…` and `更多资料+微信:x！…` continue the line before too.
  const contentStart = facts.proseStart;
  return {
    proseEnd,
    endsParagraph: endsParagraph(text, proseEnd, facts),
    endsClause: matchesAt(CLAUSE_END, text, proseEnd - 1),
    long: hasCharacters(text, proseEnd, MIN_BROKEN_LENGTH),
    contentStart,
    continues: matchesAt(CONTINUATION_START, text, contentStart),
    opening: openingOf(text, contentStart, proseEnd, facts.ads),
    // A line opening with `:` or `+` may finish an ad the line before began (`扫码关注⏎：abc`).
    mentionsAd: mentionsAd(text) || matchesAt(AD_CONTINUATION, text, contentStart),
    ads: facts.ads,
  };
}

/** Marks that tie an ad's channel to its account: `更多资料+微信:abc`. */
const AD_CONTINUATION = /[+＋:：]/y;

/** The line's text between `from` and `to` without its ads, which fix-all removes. */
function wordsOf(text: string, from: number, to: number, ads: readonly TextRange[]): string {
  let words = '';
  let at = from;
  for (const removed of removedAds(text, ads)) {
    if (removed.end <= at) continue;
    if (removed.start >= to) break;
    words += text.slice(at, Math.max(at, removed.start));
    at = removed.end;
  }
  return words + text.slice(at, Math.max(at, to));
}

/** Longer than any heading marker with what decides it (`第十二部分`, `12.` before `.5`). */
const OPENING = 8;

/** The first `OPENING` code units of a line's words as fix-all leaves them: invisible characters and ads gone. */
function openingOf(text: string, from: number, to: number, ads: readonly TextRange[]): string {
  const end = Math.min(to, from + OPENING);
  if (ads.length === 0 && !hasInvisible(text, from, end)) return text.slice(from, end);
  const removed = removedAds(text, ads);
  let opening = '';
  for (let at = from; at < to && opening.length < OPENING; at++) {
    const ad = rangeHolding(removed, at);
    if (ad) at = ad.end - 1;
    else if (!isInvisibleAt(text, at)) opening += text[at];
  }
  return opening;
}

/**
 * Whether joining two lines, each opening with these words, changes a numbered heading: the one
 * the first opens with (`99⏎、标题` joined is heading 99, which a second fix-all would renumber),
 * or the second's, whose number the join takes off the start of a line (`最后，⏎1.……⏎2．……`
 * joined leaves 2 the first, renumbered by a second fix-all).
 */
function changesHeading(first: string, second: string): boolean {
  if (matchHeading(second)) return true;
  if (first.length >= OPENING) return false;
  const alone = matchHeading(first);
  const joined = matchHeading(first + second);
  return alone?.pattern !== joined?.pattern || alone?.numeral !== joined?.numeral;
}

/** The break between two blocks with only blank lines or residue between: whether it is one, and certain. */
function breakBetween(
  model: Transcript,
  before: Block,
  block: Block,
  acrossResidue: boolean,
  ends: (index: number) => LineEnds | undefined,
): { first: LineEnds; second: LineEnds; certain: boolean } | undefined {
  // Most lines end a paragraph: that is asked first, as every pair of lines is asked.
  const first = ends(before.line.index);
  if (!first || first.endsParagraph) return undefined;
  if (!endsInProse(before) || block.kind !== 'paragraph') return undefined;
  // A blank line between the two is a deliberate paragraph break, unless page residue made it
  // (or it is no line once fix-all has removed its invisible characters).
  if (!acrossResidue && blankLineBetween(model, before.line.index, block.line.index)) return undefined;
  const second = ends(block.line.index);
  if (!second) return undefined;
  // Certain breaks are joined by fix-all; a long line that merely lacks punctuation could be an
  // unnumbered heading, so joining it is left to the person.
  const certain = first.endsClause || second.continues;
  if (!certain && !first.long) return undefined;
  return { first, second, certain };
}

/** A break inside a sentence, by the line after it. */
interface Break {
  /** The line before it. */
  readonly before: number;
  readonly first: LineEnds;
  readonly second: LineEnds;
  /** Whether fix-all joins the two lines. */
  certain: boolean;
  /** Certain by its marks, but not joined: the joined line would show an ad or another heading number. */
  held: boolean;
}

/** Lines fix-all joins into one, whether any of them mentions an ad, and how the line opens. */
interface Run {
  readonly lines: number[];
  mentionsAd: boolean;
  opening: string;
}

/** The breaks of each analysis, found once for this rule and the others that ask where fix-all joins. */
const breaksByModel = new WeakMap<Transcript, Map<number, Break>>();

/**
 * The breaks inside sentences, by the line after each. Fix-all joins the certain ones, but holds
 * back those whose joined line would open with another heading number, and those whose joined
 * line would show an ad that the lines do not show apart (`扫码关注⏎：abc`, or an opener whose tail
 * reads as an ad's on the joined line): only a second fix-all would find it, and removing it would
 * change what the lines around it read. A second fix-all reads each run of joined lines as one
 * line, so runs are judged whole: a break held back is joined after all when the run after it
 * grows and the two no longer show an ad or a new heading number together (`2⏎、⏎1)` is joined
 * whole: `2、1)` opens with no heading).
 */
function breaksOf(
  model: Transcript,
  ends: (index: number) => LineEnds | undefined,
  adsRemoved: boolean,
  unfinished: readonly number[],
): Map<number, Break> {
  const breaks = new Map<number, Break>();
  // An ad that fix-all does not remove changes nothing a second fix-all reads. Looked for anyway,
  // it could be found in the lines as they are and not once fix-all has changed them (a
  // placeholder read as an ad's account id, `加微信X中央`, restored to 党), joining the second time.
  const showsNoAd = (first: Run, second: Run) => {
    if (!adsRemoved || (!first.mentionsAd && !second.mentionsAd)) return true;
    const joined = joinedText(model, [...first.lines, ...second.lines], ends);
    return appendedAds(joined).length === 0;
  };
  const join = (first: Run, second: Run) => {
    first.lines.push(...second.lines);
    first.mentionsAd ||= second.mentionsAd;
    first.opening = (first.opening + second.opening).slice(0, OPENING);
  };
  const runOf = (index: number): Run => {
    const lineEnds = ends(index);
    return { lines: [index], mentionsAd: lineEnds?.mentionsAd === true, opening: lineEnds?.opening ?? '' };
  };
  const runs: Run[] = [];
  /** The line after the last break: a break after it goes on with the same runs. */
  let joinedLine = -1;
  forEachPair(model, unfinished, (before, block, acrossResidue) => {
    // A line that no break joins to the one before starts a run nothing after it looks past, as
    // only a held break leads back to the run before: most lines, which cost nothing more here.
    if (joinedLine !== before.line.index && runs.length > 0) runs.length = 0;
    const found = breakBetween(model, before, block, acrossResidue, ends);
    if (!found) return;
    const index = block.line.index;
    joinedLine = index;
    // The line before starts the run it is in, unless a break joined it to the runs before.
    if (runs.length === 0) runs.push(runOf(before.line.index));
    const run = runOf(index);
    const broken = { before: before.line.index, ...found, held: false };
    breaks.set(index, broken);
    const last = runs.at(-1)!;
    if (!broken.certain || changesHeading(last.opening, run.opening) || !showsNoAd(last, run)) {
      if (broken.certain) {
        broken.certain = false;
        broken.held = true;
      }
      runs.push(run);
      return;
    }
    join(last, run);
    // The run grew: a break held back before it may now join.
    while (runs.length > 1) {
      const grown = runs.at(-1)!;
      const head = breaks.get(grown.lines[0]!);
      const earlier = runs.at(-2)!;
      if (!head?.held || changesHeading(earlier.opening, grown.opening) || !showsNoAd(earlier, grown)) break;
      head.certain = true;
      head.held = false;
      join(earlier, grown);
      runs.pop();
    }
  });
  breaksByModel.set(model, breaks);
  return breaks;
}

/**
 * Each block of speech on an `unfinished` line, where a sentence may run on (others end no
 * sentence early, so no break follows them), with the next one, and whether residue lies between.
 */
function forEachPair(
  model: Transcript,
  unfinished: readonly number[],
  visit: (before: Block, block: Block, acrossResidue: boolean) => void,
): void {
  const { blocks } = model;
  for (const line of unfinished) {
    const at = blockPlace(blocks, line);
    if (blocks[at]?.line.index !== line || blocks[at]!.kind === 'residue') continue;
    let next = at + 1;
    while (next < blocks.length && blocks[next]!.kind === 'residue') next++;
    if (next < blocks.length) visit(blocks[at]!, blocks[next]!, next > at + 1);
  }
}

/** The lines `run` joined into one as fix-all leaves them, to look for ads as a second fix-all does. */
function joinedText(
  model: Transcript,
  run: readonly number[],
  ends: (index: number) => LineEnds | undefined,
): string {
  return run
    .map((index, at) => {
      const { contentStart, proseEnd, ads } = ends(index)!;
      const text = model.lineText(index);
      // A join removes what lies between the words of two lines, and nothing else.
      return wordsOf(text, at === 0 ? 0 : contentStart, at === run.length - 1 ? text.length : proseEnd, ads);
    })
    .join('');
}

/**
 * The line that fix-all joins line `index` to, removing the break between them; undefined when it
 * does not. Other rules ask it: what the joined line says is what a second fix-all reads, so a
 * finding that only the joined line shows must be found before. It reads what this rule's pass
 * found, which runs first; with the rule off, fix-all joins nothing.
 */
export function joinedTo(model: Transcript, index: number): number | undefined {
  const broken = breaksByModel.get(model)?.get(index);
  return broken?.certain ? broken.before : undefined;
}

function blankLineBetween(model: Transcript, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) if (!vanishes(model, index)) return true;
  return false;
}

/** What the document needs to know of each line's ends to tell whether a sentence runs on. */
export interface LineEnds {
  /** End of the speaker's words, without trailing blanks and appended ads. */
  readonly proseEnd: number;
  readonly endsParagraph: boolean;
  readonly endsClause: boolean;
  /** Whether the line has at least `MIN_BROKEN_LENGTH` characters (not code units). */
  readonly long: boolean;
  readonly contentStart: number;
  /** Whether the line opens with a mark that cannot start a sentence. */
  readonly continues: boolean;
  /** The first few characters of its words, enough to tell a heading marker. */
  readonly opening: string;
  /** Whether the line may hold part of an ad, which the line it is joined to could complete. */
  readonly mentionsAd: boolean;
  /** The line's ads, which its words go without once joined. */
  readonly ads: readonly TextRange[];
}
