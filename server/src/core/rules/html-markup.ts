// HTML taken along with a transcript from a page's source, a feed or a CMS export: character
// references and tags the reader never saw. Each reference is written as the character it
// stands for and each tag removed. Not in fix-all: the other rules read the characters around a
// reference as they stand (`,&ldquo;` is a comma before Latin text, `,“` one in Chinese), so
// writing them out together with those rules' fixes could change what a second run finds.
import { defineRule } from '../rule';
import { CharKind } from '../text';

/** Tags longer than this are shown cut, as a page's inline styles can run to hundreds of characters. */
const SHOWN_LIMIT = 40;

function shown(markup: string): string {
  return markup.length > SHOWN_LIMIT ? `${markup.slice(0, SHOWN_LIMIT - 1)}…` : markup;
}

export const htmlMarkup = defineRule({
  id: 'html-markup',
  description: {
    en: 'HTML left by a web page: character references (&nbsp; &ldquo; &#8220;) and tags (<br> <p> <span>).',
    'zh-cn': '网页遗留的 HTML：字符实体（&nbsp; &ldquo; &#8220;）和标签（<br> <p> <span>）。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  inFixAll: false,
  messages: {
    reference: {
      en: 'HTML character reference “{markup}” left by a web page: write “{meant}”.',
      'zh-cn': '网页遗留的 HTML 字符实体“{markup}”，应写作“{meant}”。',
    },
    space: {
      en: 'HTML character reference “{markup}” left by a web page: write a space.',
      'zh-cn': '网页遗留的 HTML 字符实体“{markup}”，应写作空格。',
    },
    tag: {
      en: 'HTML tag “{markup}” left by a web page: remove it.',
      'zh-cn': '网页遗留的 HTML 标签“{markup}”，应删除。',
    },
    write: { en: 'Write “{meant}”', 'zh-cn': '改为“{meant}”' },
    writeSpace: { en: 'Write a space', 'zh-cn': '改为空格' },
    remove: { en: 'Remove the tag', 'zh-cn': '删除标签' },
  },
  checkLine({ text, facts }, report) {
    if (!(facts.holds & CharKind.markup)) return undefined;
    for (const { start, end, replacement, kind } of facts.markup) {
      const args = { markup: shown(text.slice(start, end)), meant: replacement };
      const [message, title] =
        kind === 'tag'
          ? (['tag', 'remove'] as const)
          : replacement === ' '
            ? (['space', 'writeSpace'] as const)
            : (['reference', 'write'] as const);
      report({ start, end, message, args, fixes: [{ title, args, replacement, safe: true }] });
    }
    return undefined;
  },
});
