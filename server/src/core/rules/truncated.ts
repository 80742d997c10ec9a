// A transcript the website cut off: it ends with a marker such as `----`, or its last paragraph
// stops without closing punctuation. Only the marker can be fixed; the missing text cannot.
import { defineRule } from '../rule';
import { GAP_CLASS, lineRemovalRange, trimBlankEnd } from '../text';

const marker = new RegExp(`${GAP_CLASS}*(?:-{3,}|—{3,}|－{3,}|_{3,}|…{3,}|\\.{6,})${GAP_CLASS}*$`);
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
      'zh-cn': '正文以“{marker}”结尾，说明网站在此处截断了全文。请删除该标记，并从原始来源补全后文。',
    },
    unfinished: {
      en: 'The last paragraph stops mid-sentence: the text may have been cut off. Restore the rest from the source.',
      'zh-cn': '最后一段在句中中断，全文可能被截断，请从原始来源补全。',
    },
    remove: { en: 'Remove the marker “{marker}”', 'zh-cn': '删除截断标记“{marker}”' },
  },
  checkDocument({ model, lineText, lineFacts }, report) {
    const { lines } = model;
    const last = model.blocks.findLast((block) => block.kind !== 'residue');
    if (!last || (last.kind !== 'paragraph' && last.kind !== 'heading')) return;
    const { start } = last.line;
    const content = lineText(last.line.index).slice(0, lineFacts(last.line.index).proseEnd);
    const found = marker.exec(content);
    if (found) {
      const shown = found[0].trim();
      const whole = found.index === 0 || content.slice(0, found.index).trim() === '';
      const range = whole
        ? lineRemovalRange(lineText(0), lines, last.line)
        : { start: start + found.index, end: start + found.index + found[0].length };
      report({
        ...range,
        message: 'marker',
        args: { marker: shown },
        fixes: [{ title: 'remove', args: { marker: shown }, edits: [{ ...range, newText: '' }], safe: true }],
      });
      return;
    }
    const trimmed = trimBlankEnd(content);
    if (trimmed.length === 0 || closingPunctuation.test(trimmed)) return;
    const end = start + trimmed.length;
    const lastChar = Array.from(trimmed).at(-1)!;
    report({ start: end - lastChar.length, end, message: 'unfinished' });
  },
});
