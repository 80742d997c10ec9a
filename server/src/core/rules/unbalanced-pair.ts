// Unmatched quotation marks and brackets within a paragraph, usually a sign that the copy lost
// or garbled a character. The correction needs a person, so there is no fix.
import { defineRule } from '../rule';
import { closesListMarker, isAsciiLetter, lastParenthesisCloser } from '../text';

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
const pairChars = /[“”‘’《》（）()【】「」『』]/g;

export const unbalancedPair = defineRule({
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
    if (facts.kind === 'residue') return undefined;
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
    pairChars.lastIndex = 0;
    for (let match = pairChars.exec(content); match !== null; match = pairChars.exec(content)) {
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
      if (closesListMarker(content, offset)) {
        lastCloser ??= lastParenthesisCloser(content);
        if (depth < 0 || lastCloser > offset) continue;
      }
      if (depth < 0) {
        unopened(char, offset);
        continue;
      }
      open.splice(depth).slice(1).forEach(unclosed);
    }
    open.forEach(unclosed);
    return undefined;
  },
});
