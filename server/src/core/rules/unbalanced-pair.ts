// Unmatched quotation marks and brackets within a paragraph, usually a sign that the copy lost
// or garbled a character. The correction needs a person, so there is no fix. A quotation of
// several paragraphs opens each with `“` and closes only the last, so a `“` left open is reported
// only when the next paragraph does not open with one.
import { speechLineBeside } from '../model';
import { defineRule, type Reporter } from '../rule';
import {
  CharKind,
  characterClass,
  closesListMarker,
  endsListMarker,
  isAsciiLetter,
  lastParenthesisCloser,
  PAIR_MARKS,
} from '../text';

/** Each closer and its opener; a half-width parenthesis pairs with a full-width one. */
const OPENER_OF: Readonly<Record<string, string>> = {
  '”': '“',
  '’': '‘',
  '》': '《',
  '）': '（',
  ')': '（',
  '】': '【',
  '」': '「',
  '』': '『',
};
const CLOSER_OF: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': '）',
  '【': '】',
  '「': '」',
  '『': '』',
};
const pairChars = new RegExp(characterClass(PAIR_MARKS), 'g');

export const unbalancedPair = defineRule<'unclosed' | 'unopened', readonly number[]>({
  id: 'unbalanced-pair',
  description: {
    en: 'Unmatched “” ‘’ 《》 （） 【】 within a paragraph.',
    'zh-cn': '段落内未配对的“”‘’《》（）【】。',
  },
  defaultSeverity: 'warning',
  fixable: false,
  messages: {
    unclosed: {
      en: '“{char}” is not closed in this paragraph: add “{partner}” where it ends.',
      'zh-cn': '本段中的 {char} 没有闭合，请在相应内容结束处补上 {partner}。',
    },
    unopened: {
      en: '“{char}” closes nothing in this paragraph: add “{partner}” where it starts, or remove it.',
      'zh-cn': '本段中的 {char} 前面缺少与之配对的 {partner}，请在相应内容开头处补上，或删除这个多余的符号。',
    },
  },
  checkLine({ text: content, facts }, report) {
    // Most lines hold no pair: nothing is built for them.
    if (facts.kind === 'residue' || !(facts.holds & CharKind.pairMark)) return undefined;
    return pairsOfLine(content, report);
  },
  checkDocument({ model, lineData, linesWithData, lineText, lineFacts }, report) {
    /** Whether the next line with words opens with `“`, carrying a quotation on. */
    const carriedOn = (index: number) => {
      const next = speechLineBeside(model.blocks, index, 1);
      return next !== undefined && lineText(next)[lineFacts(next).proseStart] === '“';
    };
    for (const index of linesWithData) {
      if (carriedOn(index)) continue;
      const lineStart = model.lines[index]!.start;
      for (const offset of lineData(index)!) {
        const start = lineStart + offset;
        report({ start, end: start + 1, message: 'unclosed', args: { char: '“', partner: '”' } });
      }
    }
  },
});

/**
 * Reports the marks of a line that close nothing or are left open, and returns the opening quotes
 * still open at its end. A function of its own: its closures, in `checkLine`, made every line's
 * call allocate what they capture, pairs or not.
 */
function pairsOfLine(content: string, report: Reporter<'unclosed' | 'unopened'>): number[] | undefined {
  pairChars.lastIndex = 0;
  let match = pairChars.exec(content);
  const open: { char: string; offset: number }[] = [];
  const unopened = (char: string, offset: number) =>
    report({
      start: offset,
      end: offset + 1,
      message: 'unopened',
      args: { char, partner: OPENER_OF[char]! },
    });
  const unclosed = ({ char, offset }: { char: string; offset: number }) =>
    report({
      start: offset,
      end: offset + 1,
      message: 'unclosed',
      args: { char, partner: CLOSER_OF[char]! },
    });
  /** Found on first need: most lines have no list marker. */
  let lastCloser: number | undefined;
  for (; match !== null; match = pairChars.exec(content)) {
    const char = match[0];
    const offset = match.index;
    const closing = CLOSER_OF[char] ? undefined : OPENER_OF[char];
    if (!closing) {
      open.push({ char, offset });
      continue;
    }
    if (char === '’' && isAsciiLetter(content[offset - 1]) && isAsciiLetter(content[offset + 1])) continue;
    const depth = open.findLastIndex((entry) => (entry.char === '(' ? '（' : entry.char) === closing);
    // `(Service Pack 3)` and `（见附件 1)` close their parenthesis; `（注：1)……2)……）` holds a list.
    // A full-width `1）` marks an item too (`主要任务：1）加强领导；2）落实责任`).
    if (closesListMarker(content, offset) || (char === '）' && endsListMarker(content, offset))) {
      lastCloser ??= lastParenthesisCloser(content);
      if (depth < 0 || lastCloser > offset) continue;
    }
    if (depth < 0) {
      unopened(char, offset);
      continue;
    }
    open.splice(depth).slice(1).forEach(unclosed);
  }
  /** Opening quotes still open at the end: the next paragraph may carry the quotation on. */
  const carried: number[] = [];
  for (const entry of open) {
    if (entry.char === '“') carried.push(entry.offset);
    else unclosed(entry);
  }
  return carried.length > 0 ? carried : undefined;
}
