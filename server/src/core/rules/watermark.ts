import type { ResolvedConfig, TextRange } from '../config';
import { type LineFacts, shorten, visibleContent } from '../lineFacts';
import { removedAds } from '../residue';
import { defineRule, type Reporter } from '../rule';
import { compact, lineRemovalRange, overlapsAny, sortFew, withItem } from '../text';

export const watermark = defineRule<
  'chrome' | 'series' | 'upload-date' | 'footer' | 'ad' | 'custom' | 'remove' | 'removeLine',
  'whole-line'
>({
  id: 'watermark',
  description: {
    en: 'Ads and site residue left by document-sharing, government and news websites and WeChat articles: page chrome, series labels, upload dates, page footers, credits and notices, and appended ads.',
    'zh-cn':
      '文档分享网站、政府和新闻网站、微信公众号文章留下的广告和残留内容：网页按钮文字、系列编号、上传日期、页脚、编审署名和声明、段尾广告。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  removesAds: true,
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
  checkLine({ text, facts, config }, report) {
    if (facts.kind === 'residue' || facts.kind === 'blank') return undefined;
    const phrases = config.watermarkPhrases.length > 0 ? phrasesIn(text, facts, config) : NO_PHRASES;
    if (phrases === 'whole-line') return phrases;
    // Most lines hold neither: nothing is built for them.
    if (facts.ads.length + phrases.length === 0) return undefined;
    const watermarks: readonly Watermark[] = sortFew(
      [
        ...facts.ads.map(({ start, end }) => ({ start, end, message: 'ad' as const })),
        ...phrases.map(({ start, end }) => ({ start, end, message: 'custom' as const })),
      ],
      (a, b) => a.start - b.start,
    );
    reportWatermarks(text, watermarks, report);
    return undefined;
  },
  checkDocument({ model, revised, lineData, linesWithData, lineText, lineFacts }, report) {
    // Whole lines go for what they are alone: an edit in other lines leaves every finding as it was.
    const removedWhole = (facts: LineFacts, data: 'whole-line' | undefined) =>
      facts.kind === 'residue' || data === 'whole-line';
    if (
      revised?.sameStructure &&
      revised.lines.every(
        ({ index, before }) =>
          !removedWhole(before, revised.lineData(index)) && !removedWhole(lineFacts(index), lineData(index)),
      )
    )
      return revised.keep();
    const { lines } = model;
    const reportLine = (
      index: number,
      message: 'chrome' | 'series' | 'upload-date' | 'footer' | 'ad' | 'custom',
    ) => {
      const { start, end } = lineRemovalRange(model, lines[index]!);
      // As the reader sees the line, its blanks single: `发布时间：2025-03-06 10:20 来源：…`
      // compacted would run the date into the time.
      const shown = shorten(visibleContent(lineText(index)));
      report({
        start,
        end,
        message,
        args: { text: shown },
        fixes: [{ title: 'removeLine', args: { text: shown }, replacement: '', safe: true }],
      });
    };
    const residue = new Set<number>();
    for (const block of model.residue) {
      residue.add(block.line.index);
      reportLine(block.line.index, block.residue ?? 'ad');
    }
    for (const index of linesWithData)
      if (lineData(index) === 'whole-line' && !residue.has(index)) reportLine(index, 'custom');
  },
});

const NO_PHRASES: readonly TextRange[] = [];

/** An ad or one of the user's phrases in a line, and what its finding says it is. */
type Watermark = TextRange & { readonly message: 'ad' | 'custom' };

/**
 * The user's watermark phrases in a line that are not inside its ads; 'whole-line' when one fills
 * the line, which takes the line with it, and only the document can do that.
 */
function phrasesIn(
  text: string,
  facts: LineFacts,
  config: ResolvedConfig,
): readonly TextRange[] | 'whole-line' {
  let phrases: TextRange[] | undefined;
  for (const matcher of config.watermarkPhrases) {
    for (const span of matcher.matches(text)) {
      if (text.slice(0, span.start).trim() === '' && text.slice(span.end).trim() === '') return 'whole-line';
      if (
        !overlapsAny(facts.ads, span.start, span.end) &&
        !overlapsAny(phrases ?? NO_PHRASES, span.start, span.end)
      )
        phrases = withItem(phrases, span);
    }
  }
  return phrases ?? NO_PHRASES;
}

/**
 * Reports a line's watermarks, each removed as fix-all removes the line's ads, the user's phrases
 * among them. Like the search for phrases, a function of its own: in `checkLine`, what the lines with
 * ads make (a closure's captured variables, a list that escapes) was made for every line, 120
 * bytes each, once V8 had optimised it for both.
 */
function reportWatermarks(
  text: string,
  watermarks: readonly Watermark[],
  report: Reporter<'ad' | 'custom' | 'remove'>,
): void {
  const removed = removedAds(text, watermarks);
  watermarks.forEach((span, index) => {
    const { start, end } = removed[index]!;
    const shown = compact(text.slice(span.start, span.end));
    report({
      start,
      end,
      message: span.message,
      args: { text: shown },
      fixes: [{ title: 'remove', args: { text: shown }, replacement: '', safe: true }],
    });
  });
}
