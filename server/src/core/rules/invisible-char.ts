// Zero-width characters and soft hyphens: invisible in the editor, they break search, sorting
// and phrase matching, which is why websites insert them.
import type { TextRange } from '../config';
import { removedAds } from '../residue';
import { defineRule, type Edit } from '../rule';
import { CharKind, charAt, charBefore, INVISIBLE, isBlankAt, isChinese, isInvisibleAt } from '../text';

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
 * they are kept when neither neighbour is Chinese, ASCII or a blank, even if a site slipped a
 * zero-width space in beside them. Beside a blank a joiner joins nothing, and fix-all may remove
 * the blank with what follows it (a cut mark after `\u2028`), after which the joiner is alone.
 */
function joinersWork(previous: string | undefined, next: string | undefined): boolean {
  const foreign = (char: string | undefined) =>
    char !== undefined && !isChinese(char) && char.charCodeAt(0) > 0x7f && !isBlankAt(char, 0);
  return foreign(previous) && foreign(next);
}

/**
 * Where the text beside `offset` starts (`step` 1) or ends (-1) once fix-all has run: past the
 * removed ranges that touch it and the invisible characters between them. A range holding
 * `offset` is the invisible run's own ad, which removes the run too, or which an ignored phrase
 * keeps, and then the run's neighbours are as they stand.
 */
function beyondRemoved(text: string, removed: readonly TextRange[], offset: number, step: -1 | 1): number {
  let at = offset;
  for (;;) {
    if (step < 0 ? at > 0 && isInvisibleAt(text, at - 1) : at < text.length && isInvisibleAt(text, at)) {
      at += step;
      continue;
    }
    const range = removed.find((r) => (step < 0 ? r.end === at : r.start === at));
    if (!range) return at;
    at = step < 0 ? range.start : range.end;
  }
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
  checkLine({ text, first, facts }, report) {
    if (!(facts.holds & CharKind.invisible)) return undefined;
    // A joiner's neighbours are read as fix-all leaves the line: an ad beside it (with the blanks
    // before the ad) is removed, as are other invisible characters, and what lies beyond decides.
    const ads = removedAds(text, facts.ads);
    invisible.lastIndex = 0;
    for (let match = invisible.exec(text); match !== null; match = invisible.exec(text)) {
      let start = match.index;
      // A byte order mark opening the file is an encoding signature, not residue.
      if (first && start === 0 && text.charCodeAt(0) === 0xfeff) start = 1;
      const end = match.index + match[0].length;
      if (start === end) continue;
      const keepJoiners = joinersWork(
        charBefore(text, beyondRemoved(text, ads, start, -1)),
        charAt(text, beyondRemoved(text, ads, end, 1)),
      );
      const edits: Edit[] = [];
      for (let at = start; at < end; at++) {
        if (keepJoiners && joiner.test(text[at]!)) continue;
        const last = edits.at(-1);
        if (last?.end === at) edits[edits.length - 1] = { ...last, end: at + 1 };
        else edits.push({ start: at, end: at + 1, newText: '' });
      }
      if (edits.length === 0) continue;
      report({
        start: edits[0]!.start,
        end: edits.at(-1)!.end,
        message: 'found',
        args: { names: namesOf(text, edits) },
        fixes: [{ title: 'remove', edits, safe: true }],
      });
    }
    return undefined;
  },
});

/**
 * The characters `edits` remove, each named once: `U+200B ZERO WIDTH SPACE`. A function of its
 * own, as a closure over the line's text in `checkLine` made every line's call allocate it.
 */
function namesOf(text: string, edits: readonly Edit[]): string {
  const removed = edits.map((edit) => text.slice(edit.start, edit.end)).join('');
  return [...new Set(removed)]
    .map((char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${NAMES[char]}`)
    .join(', ');
}
