// What one line is, judged from its own text: the part of parsing that edits elsewhere cannot
// change, so the engine keeps it per line and recomputes it only for lines that changed.
import type { EnumerationStyle, HeadingLevel, HeadingStyle, ResidueKind } from './model';
import { CN_NUMERAL_CLASS, chineseToNumber, circledToNumber } from './numerals';
import { AD_SOURCE, classifyResidueLine } from './residue';

export const NAME_LIMIT = 60;
const SHORT_LINE = 40;

export type LineKind = 'blank' | 'residue' | 'salutation' | 'closing' | 'heading' | 'paragraph';

/** A heading, in offsets relative to the start of its line. */
export interface LineHeading {
  readonly level: HeadingLevel;
  readonly style: HeadingStyle;
  readonly numeralStart: number;
  readonly numeralEnd: number;
  readonly ordinal: number;
  readonly textEnd: number;
  readonly name: string;
}

/** A word that may open an enumeration item; the document decides whether it is one. */
export interface Enumerator {
  readonly style: EnumerationStyle;
  readonly ordinal: number;
  readonly start: number;
  readonly markerEnd: number;
}

export interface LineFacts {
  /** Offsets, relative to the line, of its text without surrounding blanks (and without a BOM). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** What the line is in the body of a speech; above the title the document decides. */
  readonly kind: LineKind;
  readonly residue?: ResidueKind;
  readonly heading?: LineHeading;
  readonly enumerators: readonly Enumerator[];
}

interface HeadingPattern {
  readonly pattern: RegExp;
  readonly level: HeadingLevel;
  readonly style: HeadingStyle;
  readonly ordinal: (numeral: string) => number | undefined;
}

const arabic = (numeral: string) => Number.parseInt(numeral, 10);

/** Group 1 of each pattern is the numeral. */
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
/** First characters of every heading marker: a cheap test before the patterns. */
const HEADING_START = /^[〇零一二两三四五六七八九十第（(0-9\u2460-\u2473]/;

/** `同志们：`, `青年朋友们：`, `老师们、同学们：`: people addressed in the plural, alone on a line. */
export const salutation =
  /^(?:\p{Script=Han}{0,6}\p{Script=Han}{2}们(?:[，,、]\p{Script=Han}{2,8}们)*|各位[^，。：:]{1,12}|尊敬的[^。]{1,40})[：:]$/u;
const closing = /^(?:谢谢大家|谢谢各位|谢谢)[！!。]?$/;
export const adLine = new RegExp(`^\\s*(?:${AD_SOURCE})\\s*$`);
/** Residue lines are short; longer lines are speech and skip the residue dictionaries. */
const MAX_RESIDUE_LINE = 80;

/** Characters after which an enumerator can start: a clause boundary, not the middle of a word. */
const BOUNDARY = '(^|[，。；：、！？,;:!?\\s“（(])';
const N = CN_NUMERAL_CLASS;
const enumerator = new RegExp(
  `${BOUNDARY}(?:(${N}{1,2})是|第(${N}{1,2})[，,、：:]|其(${N})[，,、：:]|(首先|其次|再次|最后(?=[，,：:]))[，,：:]?)`,
  'g',
);
export const LAST_IN_SEQUENCE = Number.MAX_SAFE_INTEGER;
const SEQUENCE_ORDINALS: Readonly<Record<string, number>> = {
  首先: 1,
  其次: 2,
  再次: 3,
  最后: LAST_IN_SEQUENCE,
};

export function shorten(name: string): string {
  const singleSpaced = name.replace(/[\s\u3000]+/g, ' ').trim();
  return singleSpaced.length > NAME_LIMIT ? `${singleSpaced.slice(0, NAME_LIMIT - 1)}…` : singleSpaced;
}

export function matchHeading(content: string): { pattern: HeadingPattern; numeral: string } | undefined {
  if (!HEADING_START.test(content)) return undefined;
  for (const pattern of HEADING_PATTERNS) {
    const match = pattern.pattern.exec(content);
    if (match) return { pattern, numeral: match[1]! };
  }
  return undefined;
}

function headingOf(line: string, contentStart: number, contentEnd: number): LineHeading | undefined {
  const content = line.slice(contentStart, contentEnd);
  const match = matchHeading(content);
  if (!match) return undefined;
  const ordinal = match.pattern.ordinal(match.numeral);
  if (ordinal === undefined || Number.isNaN(ordinal)) return undefined;
  const numeralStart = contentStart + content.indexOf(match.numeral);
  // A heading that opens a paragraph ends at its first full stop; the paragraph goes on after it.
  const stop = content.search(/[。！？]/);
  const runIn = stop >= 0 && stop < content.length - 1;
  if (!runIn && content.length > SHORT_LINE * 2) return undefined;
  const textEnd = runIn ? contentStart + stop + 1 : contentEnd;
  return {
    level: match.pattern.level,
    style: match.pattern.style,
    numeralStart,
    numeralEnd: numeralStart + match.numeral.length,
    ordinal,
    textEnd,
    name: shorten(line.slice(contentStart, textEnd).replace(/[。！？]$/, '')),
  };
}

function enumeratorsOf(line: string, from: number): Enumerator[] {
  const found: Enumerator[] = [];
  enumerator.lastIndex = from;
  for (let match = enumerator.exec(line); match !== null; match = enumerator.exec(line)) {
    const [whole, boundary, shi, di, qi, sequence] = match;
    const style: EnumerationStyle = shi ? 'shi' : di ? 'di' : qi ? 'qi' : 'sequence';
    const ordinal = sequence ? SEQUENCE_ORDINALS[sequence] : chineseToNumber((shi ?? di ?? qi)!);
    if (ordinal === undefined) continue;
    const start = match.index + boundary!.length;
    found.push({ style, ordinal, start, markerEnd: match.index + whole.length });
  }
  return found;
}

const blank = /[\s\u3000\uFEFF]/;

export function lineFacts(line: string): LineFacts {
  let contentStart = 0;
  while (contentStart < line.length && blank.test(line[contentStart]!)) contentStart++;
  let contentEnd = line.length;
  while (contentEnd > contentStart && blank.test(line[contentEnd - 1]!)) contentEnd--;
  const none: readonly Enumerator[] = [];
  if (contentStart === contentEnd) return { contentStart, contentEnd, kind: 'blank', enumerators: none };
  const content = line.slice(contentStart, contentEnd);
  if (content.length <= MAX_RESIDUE_LINE) {
    const residue = classifyResidueLine(content, false) ?? (adLine.test(content) ? 'ad' : undefined);
    if (residue) return { contentStart, contentEnd, kind: 'residue', residue, enumerators: none };
    if (salutation.test(content)) return { contentStart, contentEnd, kind: 'salutation', enumerators: none };
    if (closing.test(content)) return { contentStart, contentEnd, kind: 'closing', enumerators: none };
  }
  const heading = headingOf(line, contentStart, contentEnd);
  const enumerators = enumeratorsOf(line, heading ? heading.textEnd : contentStart);
  return heading
    ? { contentStart, contentEnd, kind: 'heading', heading, enumerators }
    : { contentStart, contentEnd, kind: 'paragraph', enumerators };
}
