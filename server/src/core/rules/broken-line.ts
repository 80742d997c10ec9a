// A line break inside a sentence, typical of text copied from a PDF: the line stops without
// punctuation and the next line carries the sentence on. Page residue between the two halves
// (a footer the site put at the page break) is removed by the same join.
import type { LineFacts } from '../lineFacts';
import type { Block, Transcript } from '../model';
import { defineRule } from '../rule';
import { trimBlankEnd, vanishes } from '../text';

/** Marks that may end a paragraph; a line ending in any other character is unfinished. */
const PARAGRAPH_END = /[。！？!?…”’」』）)》】；;：:.]/;
/** A line ending in a comma or an enumeration comma certainly goes on. */
const CLAUSE_END = /[，,、]/;
/** A line starting with a mark that cannot open a sentence continues the one before. */
const CONTINUATION_START = /^[，。、；：！？,.;:!?）)」』”》]/;
/** Below this length a line without punctuation may be an unnumbered heading. */
const MIN_BROKEN_LENGTH = 16;

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
  messages: {
    broken: {
      en: 'This line breaks in the middle of a sentence: join it with the next line.',
      'zh-cn': '此行在句子中间断开，应与下一行合并。',
    },
    join: { en: 'Join with the next line', 'zh-cn': '与下一行合并' },
  },
  checkLine({ text, facts }) {
    return readLineEnds(text, facts);
  },
  checkDocument({ model, lineData }, report) {
    let previous: Block | undefined;
    let residueBetween = false;
    for (const block of model.blocks) {
      if (block.kind === 'residue') {
        residueBetween = true;
        continue;
      }
      const before = previous;
      const acrossResidue = residueBetween;
      previous = block;
      residueBetween = false;
      const broken = before && breakBetween(model, before, block, acrossResidue, lineData);
      if (!broken) continue;
      const start = before.line.start + broken.first.proseEnd;
      const end = block.line.start + broken.second.contentStart;
      report({
        start,
        end,
        message: 'broken',
        fixes: [{ title: 'join', edits: [{ start, end, newText: '' }], safe: broken.certain }],
      });
    }
  },
});

/** Whether `text` holds at least `count` characters, counting a surrogate pair once. */
function hasCharacters(text: string, count: number): boolean {
  if (text.length >= 2 * count) return true;
  return Array.from(text).length >= count;
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

/** What a line's ends tell about a sentence running on, from its own text. */
function readLineEnds(text: string, facts: LineFacts): LineEnds {
  const prose = trimBlankEnd(text.slice(0, facts.proseEnd));
  // Where the line's words start once fix-all has run: it removes invisible characters and an ad
  // opening the line, so `\u200B，…` and `更多资料+微信:x！…` continue the line before too.
  const contentStart = facts.proseStart;
  // The end marks are tested on the last character alone: a pattern anchored at the end would be
  // tried at every character of the line.
  const last = prose.slice(-1);
  return {
    proseEnd: prose.length,
    endsParagraph: PARAGRAPH_END.test(last),
    endsClause: CLAUSE_END.test(last),
    long: hasCharacters(prose, MIN_BROKEN_LENGTH),
    contentStart,
    continues: CONTINUATION_START.test(text.slice(contentStart)),
  };
}

/** The break between two blocks with only blank lines or residue between: whether it is one, and certain. */
function breakBetween(
  model: Transcript,
  before: Block,
  block: Block,
  acrossResidue: boolean,
  ends: (index: number) => LineEnds | undefined,
): { first: LineEnds; second: LineEnds; certain: boolean } | undefined {
  if (!endsInProse(before) || block.kind !== 'paragraph') return undefined;
  // A blank line between the two is a deliberate paragraph break, unless page residue made it
  // (or it is no line once fix-all has removed its invisible characters).
  if (!acrossResidue && blankLineBetween(model, before.line.index, block.line.index)) return undefined;
  const first = ends(before.line.index);
  const second = ends(block.line.index);
  if (!first || !second || first.endsParagraph) return undefined;
  // Certain breaks are joined by fix-all; a long line that merely lacks punctuation could be an
  // unnumbered heading, so joining it is left to the person.
  const certain = first.endsClause || second.continues;
  if (!certain && !first.long) return undefined;
  return { first, second, certain };
}

/**
 * The line that fix-all joins line `index` to, removing the break between them; undefined when it
 * does not. Other rules ask it: what the joined line says is what a second fix-all reads, so a
 * finding that only the joined line shows must be found before.
 */
export function joinedTo(
  model: Transcript,
  index: number,
  ends: (index: number) => LineEnds | undefined,
): number | undefined {
  const { blocks } = model;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid]!.line.index <= index) low = mid;
    else high = mid - 1;
  }
  const block = blocks[low];
  if (!block || block.line.index !== index || block.kind === 'residue') return undefined;
  let at = low - 1;
  while (at >= 0 && blocks[at]!.kind === 'residue') at--;
  const before = blocks[at];
  if (!before) return undefined;
  return breakBetween(model, before, block, at < low - 1, ends)?.certain ? before.line.index : undefined;
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
}
