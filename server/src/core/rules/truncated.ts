// A transcript the website cut off: it ends with a marker such as `----`, or its last paragraph
// stops without closing punctuation. Only the marker can be fixed; the missing text cannot.
import { wordsEndOf } from '../lineFacts';
import { markerAtEnd, removedAds } from '../residue';
import { defineRule, type Reporter } from '../rule';
import { dateLine } from '../structure';
import { lineRemovalRange, trimBlankEnd, type VisibleText, withoutInvisible } from '../text';

const closingPunctuation = /[。！？!?…”’」』）)》】.；;"]$/;
/** Who signs a speech off above its date: an office (`某某市人民政府办公室`) or a name, no sentence. */
const signature = /^[\p{Script=Han}\s\u3000]{2,24}$/u;
/** What introduces a list of attachments, whose items are titles: `附件：1.工作方案⏎2.任务分工表`. */
const attachments = /附\s*件\s*[:：]/;

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
    // A marker alone on the last line is removed with the line, and the line before it is then
    // the last: it is looked at too, or a second fix-all would find its marker.
    /** What signs the speech off below its last words, read from the end: a date, then who signs. */
    let signOff: 'none' | 'date' | 'signed' = 'none';
    /** Whether the block at `place` is an item of a list of attachments, up its numbered lines. */
    const listsAttachments = (place: number): boolean => {
      for (let at = place; at >= 0; at--) {
        const { kind, line } = model.blocks[at]!;
        if (kind === 'residue') continue;
        if (attachments.test(lineText(line.index))) return true;
        if (lineFacts(line.index).numbering === undefined) return false;
      }
      return false;
    };
    for (let index = model.blocks.length - 1; index >= 0; index--) {
      const last = model.blocks[index]!;
      if (last.kind === 'residue') continue;
      if (last.kind !== 'paragraph' && last.kind !== 'heading') return;
      const { start } = last.line;
      const text = lineText(last.line.index);
      const facts = lineFacts(last.line.index);
      // The words as fix-all leaves them: without their ads (with the blanks before each), so that
      // `……更多资料+微信:x……` ends with the marker `…………` it will read.
      const removed = removedAds(text, facts.ads);
      const seen = withoutInvisible(text, 0, wordsEndOf(text, facts), removed);
      const content = seen.visible;
      // A website cuts the text at its end: below a sign-off, a marker is no cut.
      const found = signOff === 'none' ? markerAtEnd(content) : undefined;
      if (!found) {
        const words = content.trim();
        if (signOff === 'none' && dateLine.test(words)) signOff = 'date';
        else if (signOff === 'date' && signature.test(words)) signOff = 'signed';
        else {
          // The last words: unfinished, unless they name an attachment, a title with no full stop.
          if (!listsAttachments(index)) reportUnfinished(report, start, seen);
          return;
        }
        continue;
      }
      const whole = content.slice(0, found.start).trim() === '';
      const range = whole
        ? lineRemovalRange(model, last.line)
        : { start: start + seen.offsetOf(found.start), end: start + seen.offsetOf(content.length - 1) + 1 };
      report({
        ...range,
        message: 'marker',
        args: { marker: found.shown },
        fixes: [{ title: 'remove', args: { marker: found.shown }, replacement: '', safe: true }],
      });
      if (!whole) return;
    }
  },
});

function reportUnfinished(
  report: Reporter<'marker' | 'unfinished' | 'remove'>,
  start: number,
  seen: VisibleText,
): void {
  const trimmed = trimBlankEnd(seen.visible);
  if (trimmed.length === 0 || closingPunctuation.test(trimmed)) return;
  const lastChar = Array.from(trimmed).at(-1)!;
  const end = start + seen.offsetOf(trimmed.length - 1) + 1;
  report({ start: start + seen.offsetOf(trimmed.length - lastChar.length), end, message: 'unfinished' });
}
