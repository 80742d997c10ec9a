// The mark after a heading's numeral, as GB/T 15834 writes it: a Chinese numeral takes `、`
// (`一.` and `一．` are typed with the mark of a figure), and parentheses take none (`（一）、`,
// `（2）.`). Decided by the heading alone, and the heading stays the same heading once fixed.
import { headingMarkOf } from '../lineFacts';
import { defineRule } from '../rule';

export const headingMark = defineRule({
  id: 'heading-mark',
  description: {
    en: 'A heading’s mark other than GB/T 15834 writes it: 一. or 一． where 、 belongs, a mark after （一） or （1）.',
    'zh-cn': '不合 GB/T 15834 的标题序号标点：汉字序号后用了 . 或 ．（应为 、），（一）（1）之后又加标点。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    dot: {
      en: 'A Chinese numeral heading takes “、”, not “{mark}”: write “{numeral}、”.',
      'zh-cn': '汉字序号后应用“、”，不用“{mark}”，应写作“{numeral}、”。',
    },
    extra: {
      en: 'No mark follows “{marker}”: remove “{mark}”.',
      'zh-cn': '“{marker}”之后不再加标点，应删除“{mark}”。',
    },
    writeDun: { en: 'Write “、”', 'zh-cn': '改为“、”' },
    remove: { en: 'Remove “{mark}”', 'zh-cn': '删除“{mark}”' },
  },
  checkLine({ text, facts }, report) {
    const { numbering } = facts;
    const found = headingMarkOf(text, facts);
    if (!numbering || !found) return undefined;
    const { start, end, kind, marks: mark } = found;
    const numeral = text.slice(numbering.numeralStart, numbering.numeralEnd);
    if (kind === 'dot') {
      const args = { mark, numeral };
      report({
        start,
        end,
        message: 'dot',
        args,
        fixes: [{ title: 'writeDun', replacement: '、', safe: true }],
      });
    } else {
      // The invisible characters and ads between the marks go with them.
      const args = { mark, marker: `（${numeral}）` };
      report({
        start,
        end,
        message: 'extra',
        args,
        fixes: [{ title: 'remove', args, replacement: '', safe: true }],
      });
    }
    return undefined;
  },
});
