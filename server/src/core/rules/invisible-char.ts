// Zero-width characters and soft hyphens: invisible in the editor, they break search, sorting
// and phrase matching, which is why websites insert them.
import { defineRule } from '../rule';
import { charAt, charBefore, INVISIBLE, isChinese } from '../text';

const invisible = new RegExp(`[${INVISIBLE}]+`, 'g');
const NAMES: Readonly<Record<string, string>> = {
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u00AD': 'SOFT HYPHEN',
};

/**
 * Joiners do real work between emoji (👨‍👩‍👧) and in scripts such as Arabic or Devanagari:
 * they are kept when neither neighbour is Chinese or ASCII, even if a site slipped a zero-width
 * space in beside them.
 */
function workingJoiners(run: string, previous: string | undefined, next: string | undefined): string {
  const foreign = (char: string | undefined) =>
    char !== undefined && !isChinese(char) && char.charCodeAt(0) > 0x7f;
  return foreign(previous) && foreign(next) ? run.replace(/[^\u200C\u200D]/g, '') : '';
}

export const invisibleChar = defineRule({
  id: 'invisible-char',
  description: {
    en: 'Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF inside text) and soft hyphens (U+00AD).',
    'zh-cn': '零宽字符（U+200B、U+200C、U+200D、U+2060、正文中的 U+FEFF）和软连字符（U+00AD）。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    found: {
      en: 'Invisible character {names}: remove it.',
      'zh-cn': '不可见字符 {names}，应删除。',
    },
    remove: { en: 'Remove the invisible character', 'zh-cn': '删除不可见字符' },
  },
  check({ model }, report) {
    const { text } = model;
    invisible.lastIndex = 0;
    for (let match = invisible.exec(text); match !== null; match = invisible.exec(text)) {
      let start = match.index;
      // A byte order mark opening the file is an encoding signature, not residue.
      if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
      const end = match.index + match[0].length;
      if (start === end) continue;
      const run = text.slice(start, end);
      const kept = workingJoiners(run, charBefore(text, start), charAt(text, end));
      if (kept === run) continue;
      const names = [...new Set(run)]
        .filter((char) => !kept.includes(char))
        .map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${NAMES[char]}`)
        .join(', ');
      report({
        start,
        end,
        message: 'found',
        args: { names },
        fixes: [{ title: 'remove', edits: [{ start, end, newText: kept }], safe: true }],
      });
    }
  },
});
