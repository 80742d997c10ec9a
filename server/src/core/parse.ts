// Turns a transcript into blocks: header residue, front matter (title, subtitle, speaker,
// date), then body lines (headings, paragraphs, salutation, closing, footer residue).
import type {
  BlockKind,
  EnumerationItem,
  EnumerationStyle,
  Heading,
  HeadingLevel,
  HeadingStyle,
  ResidueKind,
  Transcript,
} from './model';
import { CN_NUMERAL_CLASS, chineseToNumber, circledToNumber } from './numerals';
import { classifyResidueLine, proseEnd } from './residue';
import { INVISIBLE, type Line, LineIndex, splitLines, withoutInvisible } from './text';

const SHORT_LINE = 40;
const NAME_LIMIT = 60;

interface HeadingPattern {
  readonly pattern: RegExp;
  readonly level: HeadingLevel;
  readonly style: HeadingStyle;
  readonly ordinal: (numeral: string) => number | undefined;
}

const arabic = (numeral: string) => Number.parseInt(numeral, 10);

/** Group 1 of each pattern is the numeral; a leading blank is allowed and skipped. */
const HEADING_PATTERNS: readonly HeadingPattern[] = [
  { pattern: new RegExp(`^(${CN_NUMERAL_CLASS}{1,3})、`), level: 1, style: 'dun', ordinal: chineseToNumber },
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
  {
    pattern: new RegExp(`^[（(](${CN_NUMERAL_CLASS}{1,3})[）)]`),
    level: 2,
    style: 'paren',
    ordinal: chineseToNumber,
  },
  { pattern: /^(\d{1,2})[.．、](?![\d.．])/, level: 3, style: 'arabic', ordinal: arabic },
  { pattern: /^[（(](\d{1,2})[）)]/, level: 4, style: 'paren-arabic', ordinal: arabic },
  { pattern: /^([\u2460-\u2473])/, level: 5, style: 'circled', ordinal: circledToNumber },
];

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

const SENTENCE_END = /[。！？!?]/;
const subtitle =
  /^(?:[—–－-]{2}|──)|^在.{2,60}(?:上|时|之际)的(?:讲话|发言|报告|致辞|总结|主持词|动员)|上的(?:讲话|发言|报告|致辞)(?:提纲)?$/;
const dateLine =
  /^(?:[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[^）)]{0,30}[）)]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/;
const speaker =
  /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,2}[ \u3000]+\p{Script=Han}{1,2}|.{0,16}(?:书记|市长|省长|县长|区长|主任|部长|局长|厅长|主席|院长|校长|总经理|董事长|委员)[ \u3000]*\p{Script=Han}{2,4})$/u;
/** `同志们：`, `青年朋友们：`, `老师们、同学们：`: people addressed in the plural, alone on a line. */
const salutation =
  /^(?:\p{Script=Han}{0,6}\p{Script=Han}{2}们(?:[，,、]\p{Script=Han}{2,8}们)*|各位[^，。：:]{1,12}|尊敬的[^。]{1,40})[：:]$/u;
const closing = /^(?:谢谢大家|谢谢各位|谢谢)[！!。]?$/;

function isTitleLike(content: string): boolean {
  return (
    content.length <= NAME_LIMIT &&
    !SENTENCE_END.test(content.slice(-1)) &&
    !/[，,；;：:]$/.test(content) &&
    matchHeading(content) === undefined &&
    !dateLine.test(content) &&
    !salutation.test(content)
  );
}

interface HeadingMatch {
  readonly pattern: HeadingPattern;
  readonly numeral: string;
  readonly markerLength: number;
}

function matchHeading(content: string): HeadingMatch | undefined {
  for (const pattern of HEADING_PATTERNS) {
    const match = pattern.pattern.exec(content);
    if (match) return { pattern, numeral: match[1]!, markerLength: match[0].length };
  }
  return undefined;
}

function shorten(name: string): string {
  const singleSpaced = name.replace(/[\s\u3000]+/g, ' ').trim();
  return singleSpaced.length > NAME_LIMIT ? `${singleSpaced.slice(0, NAME_LIMIT - 1)}…` : singleSpaced;
}

/**
 * The numbered marker a line opens with (`二、`, `（三）`), whether or not the line is short enough
 * to be a heading: a long numbered item is a paragraph that still counts in its numbering.
 */
export function numberingOf(text: string, line: Line): Heading | undefined {
  return parseHeading(text, line, contentStartOf(text, line));
}

function parseHeading(text: string, line: Line, contentStart: number): Heading | undefined {
  // Matched as a reader sees it: a zero-width character inside `（一）` must not hide the heading,
  // or the headings after it would be renumbered wrongly.
  const { visible: content, offsets } = withoutInvisible(text, contentStart, line.end);
  const match = matchHeading(content);
  if (!match) return undefined;
  const ordinal = match.pattern.ordinal(match.numeral);
  if (ordinal === undefined || Number.isNaN(ordinal)) return undefined;
  const numeralIndex = content.indexOf(match.numeral);
  // A heading that opens a paragraph ends at its first full stop; the paragraph goes on after it.
  const stop = content.search(/[。！？]/);
  const runIn = stop >= 0 && stop < content.length - 1;
  return {
    level: match.pattern.level,
    style: match.pattern.style,
    numeralStart: offsets[numeralIndex]!,
    numeralEnd: offsets[numeralIndex + match.numeral.length - 1]! + 1,
    ordinal,
    textEnd: runIn ? offsets[stop]! + 1 : line.end,
    name: shorten(content.slice(0, runIn ? stop : content.length).replace(/[。！？]$/, '')),
  };
}

interface BlockDraft {
  kind: BlockKind;
  line: Line;
  residue?: ResidueKind;
  heading?: Heading;
  enumeration: EnumerationItem[];
}

const leadingBlank = new RegExp(`[\\s\\u3000${INVISIBLE}]`);

/**
 * Offset of the first visible character of a line. A leading BOM or zero-width character counts
 * as blank, so a heading a site put one in front of is still a heading.
 */
export function contentStartOf(text: string, line: Line): number {
  let at = line.start;
  while (at < line.end && leadingBlank.test(text[at]!)) at++;
  return at;
}

export function parse(text: string): Transcript {
  const lines = splitLines(text);
  const drafts: BlockDraft[] = [];
  /** What a line says, as a reader sees it, for telling what kind of line it is. */
  const contentOf = (line: Line) => withoutInvisible(text, line.start, line.end).visible.trim();
  const nonBlank = lines.filter((line) => contentOf(line).length > 0);
  // A residue line may have an ad appended as well (`第 2 页 共 5 页更多资料+微信:`); a line that
  // is nothing but an ad is residue itself.
  const residueOf = (line: Line, aboveTitle: boolean): ResidueKind | undefined => {
    const prose = withoutInvisible(text, line.start, proseEnd(text, line)).visible.trim();
    return (
      classifyResidueLine(contentOf(line), aboveTitle) ??
      (prose.length === 0 ? 'ad' : classifyResidueLine(prose, aboveTitle))
    );
  };

  let cursor = 0;
  // Header residue: everything a site put above the title.
  while (cursor < nonBlank.length) {
    const line = nonBlank[cursor]!;
    const residue = residueOf(line, true);
    if (!residue) break;
    drafts.push({ kind: 'residue', line, residue, enumeration: [] });
    cursor++;
  }

  const title: BlockDraft[] = [];
  const first = nonBlank[cursor];
  if (first && isTitleLike(contentOf(first)) && !speaker.test(contentOf(first))) {
    title.push({ kind: 'title', line: first, enumeration: [] });
    cursor++;
    const second = nonBlank[cursor];
    if (second) {
      const content = contentOf(second);
      if (
        isTitleLike(content) &&
        !subtitle.test(content) &&
        !speaker.test(content) &&
        content.length >= 6 &&
        residueOf(second, false) === undefined
      ) {
        title.push({ kind: 'title', line: second, enumeration: [] });
        cursor++;
      }
    }
    drafts.push(...title);
    // Front matter: subtitle, speaker and date lines in any order, until the body starts.
    while (cursor < nonBlank.length) {
      const line = nonBlank[cursor]!;
      const content = contentOf(line);
      const kind: BlockKind | undefined = subtitle.test(content)
        ? 'subtitle'
        : dateLine.test(content)
          ? 'date'
          : speaker.test(content)
            ? 'speaker'
            : undefined;
      if (!kind) break;
      drafts.push({ kind, line, enumeration: [] });
      cursor++;
    }
  }

  for (; cursor < nonBlank.length; cursor++) {
    const line = nonBlank[cursor]!;
    const content = contentOf(line);
    const residue = residueOf(line, false);
    if (residue) {
      drafts.push({ kind: 'residue', line, residue, enumeration: [] });
      continue;
    }
    if (salutation.test(content)) {
      drafts.push({ kind: 'salutation', line, enumeration: [] });
      continue;
    }
    if (closing.test(content)) {
      drafts.push({ kind: 'closing', line, enumeration: [] });
      continue;
    }
    const heading = numberingOf(text, line);
    if (heading && (heading.textEnd < line.end || content.length <= SHORT_LINE * 2)) {
      drafts.push({ kind: 'heading', line, heading, enumeration: [] });
      continue;
    }
    drafts.push({ kind: 'paragraph', line, enumeration: [] });
  }

  attachEnumerations(text, drafts);
  return { text, lines, lineIndex: new LineIndex(lines), blocks: drafts, title };
}

interface EnumerationPattern {
  readonly style: EnumerationStyle;
  readonly pattern: RegExp;
  readonly ordinal: (match: RegExpExecArray) => number | undefined;
}

/** Characters after which an enumerator can start: a clause boundary, not the middle of a word. */
const BOUNDARY = '(^|[，。；：、！？,;:!?\\s“（(])';
const SEQUENCE_ORDINALS: Readonly<Record<string, number>> = {
  首先: 1,
  其次: 2,
  再次: 3,
  最后: Number.MAX_SAFE_INTEGER,
};

const ENUMERATION_PATTERNS: readonly EnumerationPattern[] = [
  {
    style: 'shi',
    pattern: new RegExp(`${BOUNDARY}(${CN_NUMERAL_CLASS}{1,2})是`, 'g'),
    ordinal: (match) => chineseToNumber(match[2]!),
  },
  {
    style: 'di',
    pattern: new RegExp(`${BOUNDARY}第(${CN_NUMERAL_CLASS}{1,2})[，,、：:]`, 'g'),
    ordinal: (match) => chineseToNumber(match[2]!),
  },
  {
    style: 'qi',
    pattern: new RegExp(`${BOUNDARY}其(${CN_NUMERAL_CLASS})[，,、：:]`, 'g'),
    ordinal: (match) => chineseToNumber(match[2]!),
  },
  {
    style: 'sequence',
    // 最后 also ends phrases (最后一公里), so it counts only before a comma or the verb of its item.
    pattern: new RegExp(`${BOUNDARY}(首先|其次|再次|最后(?=[，,：:要是还]))[，,：:]?`, 'g'),
    ordinal: (match) => SEQUENCE_ORDINALS[match[2]!],
  },
];

/** An item is named by its first clause: `一是网络正面宣传展现新气象`. */
function itemName(
  text: string,
  start: number,
  markerEnd: number,
  limit: number,
): { name: string; nameEnd: number } {
  const clause = text.slice(markerEnd, limit).search(/[，。；：,;:！？]/);
  const nameEnd = clause < 0 ? limit : markerEnd + clause;
  return { name: shorten(text.slice(start, nameEnd)), nameEnd };
}

/**
 * Finds enumerators in paragraphs and keeps only real runs: a run starts at the first ordinal,
 * goes up by one, and has at least two items. A lone `二是` is ordinary text.
 */
function attachEnumerations(text: string, blocks: BlockDraft[]): void {
  interface Candidate {
    block: BlockDraft;
    style: EnumerationStyle;
    ordinal: number;
    start: number;
    markerEnd: number;
  }
  let section: Candidate[] = [];
  const flush = () => {
    for (const style of ['shi', 'di', 'qi', 'sequence'] as const) {
      let run: Candidate[] = [];
      const close = () => {
        if (run.length >= 2) {
          for (const candidate of run) {
            const limit = candidate.block.line.end;
            candidate.block.enumeration.push({
              style,
              ordinal: candidate.ordinal,
              start: candidate.start,
              markerEnd: candidate.markerEnd,
              end: limit,
              ...itemName(text, candidate.start, candidate.markerEnd, limit),
            });
          }
        }
        run = [];
      };
      for (const candidate of section.filter((c) => c.style === style)) {
        const previous = run.at(-1);
        const follows =
          previous !== undefined &&
          (candidate.ordinal === previous.ordinal + 1 ||
            (candidate.ordinal === Number.MAX_SAFE_INTEGER && previous.ordinal < candidate.ordinal));
        if (follows) run.push(candidate);
        else {
          close();
          if (candidate.ordinal === 1) run.push(candidate);
        }
      }
      close();
    }
    section = [];
  };

  for (const block of blocks) {
    if (block.kind === 'heading') flush();
    if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
    const from = block.heading ? block.heading.textEnd : block.line.start;
    const content = text.slice(from, block.line.end);
    for (const { style, pattern, ordinal } of ENUMERATION_PATTERNS) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(content); match !== null; match = pattern.exec(content)) {
        const value = ordinal(match);
        if (value === undefined) continue;
        const start = from + match.index + match[1]!.length;
        section.push({
          block,
          style,
          ordinal: value,
          start,
          markerEnd: from + match.index + match[0].length,
        });
      }
    }
  }
  flush();
  for (const block of blocks) {
    block.enumeration.sort((a, b) => a.start - b.start);
    block.enumeration.forEach((item, index) => {
      const next = block.enumeration[index + 1];
      if (next) item.end = next.start;
    });
  }
}
