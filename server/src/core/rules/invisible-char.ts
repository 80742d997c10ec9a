// Zero-width characters and soft hyphens: invisible in the editor, they break search, sorting
// and phrase matching, which is why websites insert them.
import { defineRule, type Edit } from '../rule';
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

const joiner = /[\u200C\u200D]/;

/**
 * Joiners do real work between emoji (👨‍👩‍👧) and in scripts such as Arabic or Devanagari:
 * they are kept when neither neighbour is Chinese or ASCII, even if a site slipped a zero-width
 * space in beside them.
 */
function joinersWork(previous: string | undefined, next: string | undefined): boolean {
  const foreign = (char: string | undefined) =>
    char !== undefined && !isChinese(char) && char.charCodeAt(0) > 0x7f;
  return foreign(previous) && foreign(next);
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
  checkLine({ text, first }, report) {
    invisible.lastIndex = 0;
    for (let match = invisible.exec(text); match !== null; match = invisible.exec(text)) {
      let start = match.index;
      // A byte order mark opening the file is an encoding signature, not residue.
      if (first && start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
      const end = match.index + match[0].length;
      if (start === end) continue;
      const keepJoiners = joinersWork(charBefore(text, start), charAt(text, end));
      const edits: Edit[] = [];
      for (let at = start; at < end; at++) {
        if (keepJoiners && joiner.test(text[at]!)) continue;
        const last = edits.at(-1);
        if (last?.end === at) edits[edits.length - 1] = { ...last, end: at + 1 };
        else edits.push({ start: at, end: at + 1, newText: '' });
      }
      if (edits.length === 0) continue;
      const removed = edits.map((edit) => text.slice(edit.start, edit.end)).join('');
      const names = [...new Set(removed)]
        .map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${NAMES[char]}`)
        .join(', ');
      report({
        start: edits[0]!.start,
        end: edits.at(-1)!.end,
        message: 'found',
        args: { names },
        fixes: [{ title: 'remove', edits, safe: true }],
      });
    }
    return undefined;
  },
});
