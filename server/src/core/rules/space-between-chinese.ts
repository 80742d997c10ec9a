// Spaces inside Chinese text (`全 面 提 升`, `一、 统一思想`): PDF copies and web pages justify
// Chinese with spaces, and joined lines leave them. Chinese puts no space between its characters
// or before and after its punctuation. Spaces beside Latin letters and digits (`5G 网络`) are
// another convention and stay, as does the front matter: a title set in two parts
// (`守正创新　推动发展`) and a speaker line (`县长  周立新`) are spaced on purpose.
//
// Its fixes are safe but fix-all leaves them out, as it does for `doubled-punctuation`: the other
// rules read a line with its spaces (`同志们 ：` is no salutation), so removing them together with
// their fixes could change what they find on a second run. The rule's own "fix all" removes every
// one.
import type { TextRange } from '../config';
import { type BlockKind, blockOf } from '../model';
import { defineRule } from '../rule';
import { charAt, charBefore, isBlankAt, isChinese, isInvisibleAt, rangeHolding } from '../text';

/** Blocks whose spacing is the author's layout, not residue. */
const LAID_OUT: ReadonlySet<BlockKind> = new Set(['title', 'subtitle', 'speaker', 'date', 'residue']);
/** Spaces of every kind: a line without one has nothing to find. */
const anySpace = /\s/;

type Messages = 'space' | 'remove';

export const spaceBetweenChinese = defineRule<Messages, readonly TextRange[]>({
  id: 'space-between-chinese',
  description: {
    en: 'A space inside Chinese text (全 面, 一、 标题). Spaces beside Latin letters and digits, and in the title, speaker and date lines, stay.',
    'zh-cn':
      '中文文本内部的空格（全 面、一、 标题）。西文字母和数字旁的空格，以及标题、讲话人、日期行中的空格保持不变。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  inFixAll: false,
  messages: {
    space: {
      en: 'A space inside Chinese text: remove it.',
      'zh-cn': '中文文本中间有空格，应删除。',
    },
    remove: { en: 'Remove the space', 'zh-cn': '删除空格' },
  },
  checkLine({ text, facts }) {
    if (facts.kind === 'residue' || !anySpace.test(text)) return undefined;
    const found: TextRange[] = [];
    let at = facts.contentStart;
    while (at < facts.contentEnd) {
      if (!isBlankAt(text, at)) {
        at++;
        continue;
      }
      const start = at;
      let visible = false;
      while (at < facts.contentEnd && isBlankAt(text, at)) {
        if (!isInvisibleAt(text, at)) visible = true;
        at++;
      }
      // Blanks before an ad go with it, and the ad's own gaps are its disguise.
      if (
        visible &&
        isChinese(charBefore(text, start)) &&
        isChinese(charAt(text, at)) &&
        !rangeHolding(facts.ads, at) &&
        !rangeHolding(facts.ads, start - 1)
      )
        found.push({ start, end: at });
    }
    return found.length > 0 ? found : undefined;
  },
  checkDocument({ model, revised, lineData, linesWithData }, report) {
    // Which lines are front matter changes only with the structure: while it stands, an edit to
    // lines that had and have no space leaves every finding as it was.
    const spaceless = (index: number) =>
      revised?.lineData(index) === undefined && lineData(index) === undefined;
    if (revised?.sameStructure && revised.lines.every(({ index }) => spaceless(index))) return revised.keep();
    const { blocks, lines } = model;
    for (const index of linesWithData) {
      const block = blockOf(blocks, index);
      if (!block || LAID_OUT.has(block.kind)) continue;
      const lineStart = lines[index]!.start;
      for (const range of lineData(index)!) {
        const start = lineStart + range.start;
        const end = lineStart + range.end;
        report({
          start,
          end,
          message: 'space',
          fixes: [{ title: 'remove', edits: [{ start, end, newText: '' }], safe: true }],
        });
      }
    }
  },
});
