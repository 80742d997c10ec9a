import type { TextRange } from '../config';
import { appendedAds } from '../residue';
import { defineRule } from '../rule';
import { compact, lineRemovalRange } from '../text';

const leadingBlanks = /[ \t\u00A0\u3000]+$/;

export const watermark = defineRule({
  id: 'watermark',
  description: {
    en: 'Ads and site residue left by document-sharing websites: page chrome, series labels, upload dates, page footers and appended ads.',
    'zh-cn': '文档分享网站留下的广告和残留：页面按钮、系列编号、上传日期、页脚和段尾广告。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    chrome: {
      en: 'Website chrome “{text}” was copied with the text: remove the line.',
      'zh-cn': '“{text}”是网页按钮文字，随正文一起复制进来了，应删除这一行。',
    },
    series: {
      en: 'Series label “{text}” belongs to the website, not the speech: remove the line.',
      'zh-cn': '“{text}”是网站的系列编号，不属于讲话稿，应删除这一行。',
    },
    'upload-date': {
      en: 'Upload date “{text}” above the title is not the date of the speech: remove the line.',
      'zh-cn': '标题上方的“{text}”是上传日期，不是讲话日期，应删除这一行。',
    },
    footer: {
      en: 'Page footer “{text}” from the website: remove the line.',
      'zh-cn': '“{text}”是网站页脚，应删除这一行。',
    },
    ad: {
      en: 'Advertisement “{text}” left by the website: remove it.',
      'zh-cn': '“{text}”是网站留下的广告，应删除。',
    },
    custom: {
      en: 'Watermark “{text}” (from your watermark phrases): remove it.',
      'zh-cn': '“{text}”是水印（来自自定义水印短语），应删除。',
    },
    remove: { en: 'Remove “{text}”', 'zh-cn': '删除“{text}”' },
    removeLine: { en: 'Remove the line “{text}”', 'zh-cn': '删除整行“{text}”' },
  },
  check({ model, config }, report) {
    const { text, lines } = model;
    const found: TextRange[] = [];
    const overlapsFound = (range: TextRange) =>
      found.some((other) => range.start < other.end && other.start < range.end);

    const reportLine = (
      lineIndex: number,
      message: 'chrome' | 'series' | 'upload-date' | 'footer' | 'ad' | 'custom',
    ) => {
      const line = lines[lineIndex]!;
      const range = lineRemovalRange(text, lines, line);
      const shown = compact(text.slice(line.start, line.end)).replace(/^\uFEFF/, '');
      found.push(range);
      report({
        ...range,
        message,
        args: { text: shown },
        fixes: [
          { title: 'removeLine', args: { text: shown }, edits: [{ ...range, newText: '' }], safe: true },
        ],
      });
    };

    /** Reports an in-line watermark, growing it to the whole line when nothing else is on it. */
    const reportSpan = (span: TextRange, message: 'ad' | 'custom') => {
      const line = lines[model.lineIndex.position(span.start).line]!;
      const before = text.slice(line.start, span.start);
      const after = text.slice(span.end, line.end);
      if (before.trim().replace(/^\uFEFF/, '') === '' && after.trim() === '') {
        reportLine(line.index, message);
        return;
      }
      const start = span.start - (leadingBlanks.exec(before)?.[0].length ?? 0);
      const range = { start, end: span.end };
      if (overlapsFound(range)) return;
      found.push(range);
      const shown = compact(text.slice(span.start, span.end));
      report({
        ...range,
        message,
        args: { text: shown },
        fixes: [{ title: 'remove', args: { text: shown }, edits: [{ ...range, newText: '' }], safe: true }],
      });
    };

    for (const block of model.blocks) {
      if (block.kind === 'residue') reportLine(block.line.index, block.residue ?? 'ad');
    }
    for (const block of model.blocks) {
      if (block.kind === 'residue') continue;
      for (const ad of appendedAds(text, block.line.start, block.line.end)) reportSpan(ad, 'ad');
    }
    for (const matcher of config.watermarkPhrases) {
      for (const span of matcher.matches(text)) {
        if (!overlapsFound(span)) reportSpan(span, 'custom');
      }
    }
  },
});
