// A transcript the website cut off: it ends with a marker such as `----`, or its last paragraph
// stops without closing punctuation. Only the marker can be fixed; the missing text cannot.
import { defineRule, type Reporter } from '../rule';
import { INVISIBLE, isBlankAt, lineRemovalRange, trimBlankEnd } from '../text';

/** The characters a site repeats where it cut the text, and how many make a marker. */
const MARKER_RUNS: ReadonlyMap<string, number> = new Map([
  ['-', 3],
  ['—', 3],
  ['－', 3],
  ['_', 3],
  ['…', 3],
  ['.', 6],
]);

const invisibleUnit = new RegExp(`[${INVISIBLE}]`);

/**
 * The marker ending `content`: runs of one marker character (`----`, `……………`), several in a row
 * too (`----____`, all of which fix-all removes), with the blanks around them. Found by walking
 * back from the end, so a line of ten thousand dashes costs ten thousand steps, not their square.
 */
function markerAtEnd(content: string): { start: number; shown: string } | undefined {
  let end = content.length;
  while (end > 0 && isBlankAt(content, end - 1)) end--;
  let start: number | undefined;
  for (;;) {
    const char = content[end - 1];
    const least = char === undefined ? undefined : MARKER_RUNS.get(char);
    if (least === undefined) break;
    // Invisible characters inside a run go with fix-all: `——\u200B——` is a marker.
    let at = end;
    let count = 0;
    while (at > 0 && (content[at - 1] === char || invisibleUnit.test(content[at - 1]!))) {
      if (content[at - 1] === char) count++;
      at--;
    }
    while (at < end && content[at] !== char) at++;
    if (count < least) break;
    start = at;
    end = at;
    while (end > 0 && isBlankAt(content, end - 1)) end--;
  }
  if (start === undefined) return undefined;
  return { start: end, shown: content.slice(start).trim() };
}
const closingPunctuation = /[。！？!?…”’」』）)》】.；;]$/;

export const truncated = defineRule({
  id: 'truncated',
  description: {
    en: 'A transcript cut off by the website: a `----` marker at the end, or a last paragraph without closing punctuation.',
    'zh-cn': '被网站截断的讲话稿：末尾有“----”标记，或最后一段缺少结束标点。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    marker: {
      en: 'The text ends with “{marker}”: the website cut it off here. Remove the marker and restore the rest from the source.',
      'zh-cn': '正文以“{marker}”结尾，说明网站在此处截断了全文。请删除该标记，并对照原文补全后面的内容。',
    },
    unfinished: {
      en: 'The last paragraph stops mid-sentence: the text may have been cut off. Restore the rest from the source.',
      'zh-cn': '最后一段话没有说完，全文可能被截断，请对照原文补全。',
    },
    remove: { en: 'Remove the marker “{marker}”', 'zh-cn': '删除截断标记“{marker}”' },
  },
  checkDocument({ model, lineText, lineFacts }, report) {
    const { lines } = model;
    // A marker alone on the last line is removed with the line, and the line before it is then
    // the last: it is looked at too, or a second fix-all would find its marker.
    for (let index = model.blocks.length - 1; index >= 0; index--) {
      const last = model.blocks[index]!;
      if (last.kind === 'residue') continue;
      if (last.kind !== 'paragraph' && last.kind !== 'heading') return;
      const { start } = last.line;
      const content = lineText(last.line.index).slice(0, lineFacts(last.line.index).proseEnd);
      const found = markerAtEnd(content);
      if (!found) {
        reportUnfinished(report, start, content);
        return;
      }
      const whole = content.slice(0, found.start).trim() === '';
      const range = whole
        ? lineRemovalRange(lineText(0), lines, last.line)
        : { start: start + found.start, end: start + content.length };
      report({
        ...range,
        message: 'marker',
        args: { marker: found.shown },
        fixes: [
          { title: 'remove', args: { marker: found.shown }, edits: [{ ...range, newText: '' }], safe: true },
        ],
      });
      if (!whole) return;
    }
  },
});

function reportUnfinished(
  report: Reporter<'marker' | 'unfinished' | 'remove'>,
  start: number,
  content: string,
): void {
  const trimmed = trimBlankEnd(content);
  if (trimmed.length === 0 || closingPunctuation.test(trimmed)) return;
  const end = start + trimmed.length;
  const lastChar = Array.from(trimmed).at(-1)!;
  report({ start: end - lastChar.length, end, message: 'unfinished' });
}
