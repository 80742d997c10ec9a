// Spaces inside Chinese text (`全 面 提 升`, `一、 统一思想`): PDF copies and web pages justify
// Chinese with spaces, and joined lines leave them. Chinese puts no space between its characters
// or before and after its punctuation. Spaces beside Latin letters and digits (`5G 网络`) are
// another convention and stay, as does the front matter: a title set in two parts
// (`守正创新　推动发展`) and a speaker line (`县长  周立新`) are spaced on purpose. So is the space
// after a section number that no mark ends (`第一章　总则`, `第三条　…`): official documents set it
// there, where `一、` and `（一）` are ended by their own marks.
//
// Its fixes are safe but fix-all leaves them out, as it does for `doubled-punctuation`: the other
// rules read a line with its spaces (an enumerator starts after one: `落实 一是` is an item,
// `落实一是` none), so removing them together with their fixes could change what they find on a
// second run. The rule's own "fix all" removes every one. The spaces typed beside a half-width mark
// are another matter: `halfwidth-punctuation` takes them with the mark, and what reads them as a
// boundary reads the mark as one.
import type { TextRange } from '../config';
import { type BlockKind, blockOf } from '../model';
import { CN_NUMERAL_CLASS } from '../numerals';
import { defineRule, type FixProposal } from '../rule';
import { CharKind, charAt, charBefore, isBlankAt, isChinese, isInvisibleAt, rangeHolding } from '../text';

/** Blocks whose spacing is the author's layout, not residue. */
const LAID_OUT: ReadonlySet<BlockKind> = new Set(['title', 'subtitle', 'speaker', 'date', 'residue']);
/**
 * Gaps one character apart that make a spaced-out run (`全 面 提 升`); two (`，　把\t工`) are
 * as likely two stray spaces.
 */
const SPACED_OUT_GAPS = 3;
/** A space's fix removes it: one list for every space. */
const REMOVE_SPACE: readonly FixProposal<Messages>[] = [{ title: 'remove', replacement: '', safe: true }];
/** A section number that a space, not a mark, parts from its title: `第一部分`, `第二章`, `第十条`. */
const sectionNumberAtEnd = new RegExp(`第(?:${CN_NUMERAL_CLASS}{1,4}|\\d{1,3})(?:部分|章|节|条|编)$`);
/** Longer than any section number, so a slice this long holds the whole of one. */
const SECTION_NUMBER_REACH = 8;

/** Whether a section number ends at `offset`: the space there is its separator. */
function followsSectionNumber(text: string, offset: number): boolean {
  return sectionNumberAtEnd.test(text.slice(Math.max(0, offset - SECTION_NUMBER_REACH), offset));
}

type Messages = 'space' | 'remove' | 'spacedOut' | 'removeAll';

export const spaceBetweenChinese = defineRule<Messages, readonly TextRange[]>({
  id: 'space-between-chinese',
  description: {
    en: 'A space inside Chinese text (全 面, 一、 标题); a run spaced out character by character (全 面 提 升) is one problem. Spaces beside Latin letters and digits, after a section number (第一章　总则), and in the title, speaker and date lines, stay.',
    'zh-cn':
      '中文文本内部的空格（全 面、一、 标题）；逐字隔开的一串文字（全 面 提 升）算作一处问题。西文字母和数字旁的空格、章节序号后的空格（第一章　总则），以及标题、讲话人、日期行中的空格保持不变。',
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
    spacedOut: {
      en: 'Chinese text spaced out character by character: remove the {count} spaces.',
      'zh-cn': '中文被逐字用空格隔开，应删除这 {count} 处空格。',
    },
    removeAll: { en: 'Remove the {count} spaces', 'zh-cn': '删除这 {count} 处空格' },
  },
  checkLine({ text, facts }) {
    if (facts.kind === 'residue' || !(facts.holds & CharKind.space)) return undefined;
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
        !rangeHolding(facts.ads, start - 1) &&
        !followsSectionNumber(text, start)
      )
        found.push({ start, end: at });
    }
    return found.length > 0 ? found : undefined;
  },
  checkDocument({ model, revised, lineData, linesWithData, lineText }, report) {
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
      const text = lineText(index);
      for (const gaps of spacedRuns(text, lineData(index)!)) {
        const edits = gaps.map((gap) => ({
          start: lineStart + gap.start,
          end: lineStart + gap.end,
          newText: '',
        }));
        if (edits.length < SPACED_OUT_GAPS) {
          for (const { start, end } of edits) report({ start, end, message: 'space', fixes: REMOVE_SPACE });
          continue;
        }
        // The whole spaced-out run, from its first character to its last, is the problem.
        const first = gaps[0]!;
        const last = gaps.at(-1)!;
        const args = { count: gaps.length };
        report({
          start: lineStart + first.start - charBefore(text, first.start)!.length,
          end: lineStart + last.end + charAt(text, last.end)!.length,
          message: 'spacedOut',
          args,
          fixes: [{ title: 'removeAll', args, edits, safe: true }],
        });
      }
    }
  },
});

/**
 * The line's gaps, those one character apart taken together: text copied from a PDF spaces out
 * whole lines (`全 面 提 升`), and one problem a gap would bury the Problems view.
 */
function spacedRuns(text: string, gaps: readonly TextRange[]): TextRange[][] {
  const runs: TextRange[][] = [];
  for (const gap of gaps) {
    const run = runs.at(-1);
    const before = run?.at(-1);
    if (run && before && before.end + charAt(text, before.end)!.length === gap.start) run.push(gap);
    else runs.push([gap]);
  }
  return runs;
}
