// A line break inside a sentence, typical of text copied from a PDF: the line stops without
// punctuation and the next line carries the sentence on. Page residue between the two halves
// (a footer the site put at the page break) is removed by the same join.
import type { Block } from '../model';
import { defineRule } from '../rule';
import { trimBlankEnd } from '../text';

/** Marks that may end a paragraph; a line ending in any other character is unfinished. */
const PARAGRAPH_END = /[。！？!?…”’」』）)》】；;：:.]$/;
/** A line ending in a comma or an enumeration comma certainly goes on. */
const CLAUSE_END = /[，,、]$/;
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
      'zh-cn': '这一行在句子中间断开了，应与下一行合并。',
    },
    join: { en: 'Join with the next line', 'zh-cn': '与下一行合并' },
  },
  checkLine({ text, facts }) {
    const prose = trimBlankEnd(text.slice(0, facts.proseEnd));
    const rest = text.trimStart();
    return {
      proseEnd: prose.length,
      endsParagraph: PARAGRAPH_END.test(prose),
      endsClause: CLAUSE_END.test(prose),
      proseLength: Array.from(prose).length,
      contentStart: text.length - rest.length,
      continues: CONTINUATION_START.test(rest),
    };
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
      if (before === undefined || !endsInProse(before) || block.kind !== 'paragraph') continue;
      // A blank line between the two is a deliberate paragraph break, unless page residue made it.
      if (!acrossResidue && block.line.index - before.line.index > 1) continue;
      const first = lineData(before.line.index);
      const second = lineData(block.line.index);
      if (!first || !second || first.endsParagraph) continue;
      // Certain breaks are joined by fix-all; a long line that merely lacks punctuation could be an
      // unnumbered heading, so joining it is left to the person.
      const certain = first.endsClause || second.continues;
      if (!certain && first.proseLength < MIN_BROKEN_LENGTH) continue;
      const start = before.line.start + first.proseEnd;
      const end = block.line.start + second.contentStart;
      report({
        start,
        end,
        message: 'broken',
        fixes: [{ title: 'join', edits: [{ start, end, newText: '' }], safe: certain }],
      });
    }
  },
});

/** What the document needs to know of each line's ends to tell whether a sentence runs on. */
interface LineEnds {
  /** End of the speaker's words, without trailing blanks and appended ads. */
  readonly proseEnd: number;
  readonly endsParagraph: boolean;
  readonly endsClause: boolean;
  /** Length in characters, not code units. */
  readonly proseLength: number;
  readonly contentStart: number;
  /** Whether the line opens with a mark that cannot start a sentence. */
  readonly continues: boolean;
}
