// Numbering of heading runs: `一、二、四、` skips, `二、二、` repeats, `三、二、` goes back. A run is
// the headings of one style under the same parent; a heading of a higher rank starts new runs.
// A run goes on from its first number. That number is judged too, against 1 or the last item of
// a list after a colon on the line above (`附件：1.工作方案⏎2.任务分工表`), but its renumbering is
// left to a person: items the text does not show as headings, lost with a page or left out of
// an excerpt, look the same.
import { headingRank, type LineFacts, matchHeading, visibleContent } from '../lineFacts';
import { type Heading, type HeadingStyle, speechLineBeside } from '../model';
import { numberToChinese, numberToCircled } from '../numerals';
import { defineRule } from '../rule';
import { placeHeading } from '../structure';

/**
 * The largest number each style writes as a heading: `99、` and `九十九、` are headings, `100、`
 * and ⑳'s successor are not, and renumbering to them would turn a heading into a paragraph.
 */
const LARGEST: Readonly<Record<HeadingStyle, number>> = {
  part: 99,
  chapter: 99,
  dun: 99,
  paren: 99,
  arabic: 99,
  'paren-arabic': 99,
  circled: 20,
};

function numeralFor(style: HeadingStyle, ordinal: number): string {
  if (style === 'arabic' || style === 'paren-arabic') return String(ordinal);
  if (style === 'circled') return numberToCircled(ordinal);
  return numberToChinese(ordinal);
}

/** The text after the last colon of a line (not a time's: `8:30`), where a list may stand. */
const afterLastColon = /(?<!\d)[：:][\s\u3000]*([^：:]*)$/;

/** A numbered item of a run: a heading, or an item of a list written after a colon. */
interface Item {
  readonly ordinal: number;
  /** Its numeral as written, read when a message names it. */
  readonly numeral: () => string;
}

/** Where the items of a list written on one line part: `1.统一思想；2.加强领导`. */
const itemBreak = /[。；;]/;

/** The list a line writes after its last colon, as fix-all leaves the line: its ads gone. */
function listAfterColon(text: string, facts: LineFacts): string | undefined {
  return afterLastColon.exec(visibleContent(text, 0, undefined, facts.ads))?.[1];
}

/**
 * The last item of `list`, when it is numbered in `style`: the list `1.工作方案` after `附件：`
 * holds item 1 of the run that goes on with `2.任务分工表`.
 */
function lastInlineItem(list: string | undefined, style: HeadingStyle): Item | undefined {
  let last: Item | undefined;
  for (const item of list?.split(itemBreak) ?? []) {
    const match = matchHeading(item.trimStart());
    if (match?.pattern.style !== style) continue;
    const ordinal = match.pattern.ordinal(match.numeral);
    if (ordinal !== undefined && !Number.isNaN(ordinal)) last = { ordinal, numeral: () => match.numeral };
  }
  return last;
}

export const headingNumbering = defineRule({
  id: 'heading-numbering',
  description: {
    en: 'Gaps, repeats and wrong order in a run of numbered headings (一、二、… or （一）（二）…).',
    'zh-cn': '同级标题序号（一、二、……或（一）（二）……）出现跳号、重号或顺序错误。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    gap: {
      en: 'Heading number “{found}” skips a number after “{previous}”: expected “{expected}”.',
      'zh-cn': '标题序号“{found}”在“{previous}”之后跳号，应为“{expected}”。',
    },
    shifted: {
      en: 'Heading number “{found}” carries on an earlier numbering error: expected “{expected}”.',
      'zh-cn': '标题序号“{found}”受前面编号错误的影响而错位，应为“{expected}”。',
    },
    repeat: {
      en: 'Heading number “{found}” repeats the one before it: expected “{expected}”.',
      'zh-cn': '标题序号“{found}”与上一个重复，应为“{expected}”。',
    },
    order: {
      en: 'Heading number “{found}” is out of order after “{previous}”: expected “{expected}”.',
      'zh-cn': '标题序号“{found}”排在“{previous}”之后，顺序有误，应为“{expected}”。',
    },
    first: {
      en: 'The first heading of this run is numbered “{found}”: expected “{expected}”.',
      'zh-cn': '这一组标题的第一个序号是“{found}”，应为“{expected}”。',
    },
    renumber: { en: 'Renumber as “{expected}”', 'zh-cn': '将序号改为“{expected}”' },
  },
  checkDocument({ model, revised, lineText, lineFacts }, report) {
    /** Whether `index` is the line above a numbered line: it may hold the first items of its run. */
    const aboveNumbered = (index: number): boolean => {
      const below = speechLineBeside(model.blocks, index, 1);
      return below !== undefined && lineFacts(below).numbering !== undefined;
    };
    // The numbering reads the numbered lines and the list after a colon on the line above each
    // alone: an edit elsewhere leaves every finding as it was.
    if (
      revised?.sameStructure &&
      revised.lines.every(
        ({ index, before, textBefore }) =>
          !before.numbering &&
          !lineFacts(index).numbering &&
          (!aboveNumbered(index) ||
            listAfterColon(textBefore, before) === listAfterColon(lineText(index), lineFacts(index))),
      )
    )
      return revised.keep();
    const numeral = (heading: Heading) => {
      const { line } = model.lineIndex.position(heading.numeralStart);
      const start = model.lines[line]!.start;
      return lineText(line).slice(heading.numeralStart - start, heading.numeralEnd - start);
    };
    /** The open runs, keyed by style; each remembers its rank to know what closes it. */
    const runs = new Map<HeadingStyle, { rank: number; first: number; count: number; last: Item }>();
    const judge = (heading: Heading, expected: number, previous: Item | undefined, safe: boolean) => {
      if (heading.ordinal === expected) return;
      const expectedNumeral = numeralFor(heading.style, expected);
      const message = !previous
        ? 'first'
        : heading.ordinal === previous.ordinal
          ? 'repeat'
          : heading.ordinal === previous.ordinal + 1
            ? 'shifted'
            : heading.ordinal > previous.ordinal
              ? 'gap'
              : 'order';
      report({
        start: heading.numeralStart,
        end: heading.numeralEnd,
        message,
        args: { found: numeral(heading), expected: expectedNumeral, previous: previous?.numeral() ?? '' },
        fixes:
          expected > LARGEST[heading.style]
            ? []
            : [
                {
                  title: 'renumber',
                  args: { expected: expectedNumeral },
                  edits: [{ start: heading.numeralStart, end: heading.numeralEnd, newText: expectedNumeral }],
                  safe,
                },
              ],
      });
    };
    for (const block of model.numbered) {
      // A numbered item too long to be a heading still holds its number; skipping it would
      // renumber every heading after it.
      const heading = block.heading ?? placeHeading(lineFacts(block.line.index).numbering!, block.line);
      const item: Item = { ordinal: heading.ordinal, numeral: () => numeral(heading) };
      const rank = headingRank(heading);
      for (const [style, run] of runs) {
        if (run.rank > rank) runs.delete(style);
      }
      const run = runs.get(heading.style);
      if (run) {
        const previous = run.last;
        const expected = run.first + run.count;
        run.count++;
        run.last = item;
        judge(heading, expected, previous, true);
        continue;
      }
      runs.set(heading.style, { rank, first: heading.ordinal, count: 1, last: item });
      const above = speechLineBeside(model.blocks, block.line.index, -1);
      const inline =
        above === undefined
          ? undefined
          : lastInlineItem(listAfterColon(lineText(above), lineFacts(above)), heading.style);
      judge(heading, inline ? inline.ordinal + 1 : 1, inline, false);
    }
  },
});
