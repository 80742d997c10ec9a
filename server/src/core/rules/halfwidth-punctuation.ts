// Half-width punctuation in Chinese text (GB/T 15834-2011 asks for full-width marks there).
// A mark counts as Chinese when a Chinese character is its nearest neighbour on either side;
// it stays half-width between digits (8:30, 1:1, 1,000) and in Latin text (Hello, world).
import { appendedAds } from '../residue';
import { defineRule } from '../rule';
import { closesListMarker, isAsciiDigit, isChinese, neighbourAfter, neighbourBefore } from '../text';

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

const marks = /[,:;?!()]/g;
const han = /\p{Script=Han}/u;
const latin = /[A-Za-z]/;

/** Pairs `(` with `)` on one line, so both halves of a parenthesis are judged together. */
function pairParentheses(content: string): Map<number, number> {
  const partner = new Map<number, number>();
  const open: number[] = [];
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (char === '(' || char === '（') open.push(index);
    else if ((char === ')' || char === '）') && open.length > 0) {
      const opening = open.pop()!;
      partner.set(opening, index);
      partner.set(index, opening);
    }
  }
  return partner;
}

export const halfwidthPunctuation = defineRule({
  id: 'halfwidth-punctuation',
  description: {
    en: 'Half-width punctuation (, ( ) : ; ? !) in Chinese text, where full-width marks belong. Numbers, times, ratios and Latin text keep theirs.',
    'zh-cn':
      '中文语境中的半角标点（, ( ) : ; ? !），应使用全角标点；数字、时间、比例和西文中的半角标点保持不变。',
  },
  defaultSeverity: 'warning',
  fixable: true,
  messages: {
    mark: {
      en: 'Half-width “{mark}” in Chinese text: use the full-width “{full}”.',
      'zh-cn': '中文语境中使用了半角“{mark}”，应改为全角“{full}”。',
    },
    replace: { en: 'Replace “{mark}” with “{full}”', 'zh-cn': '将“{mark}”改为“{full}”' },
  },
  check({ model }, report) {
    const { text } = model;
    for (const block of model.blocks) {
      if (block.kind === 'residue') continue;
      const { start: lineStart, end: lineEnd } = block.line;
      const content = text.slice(lineStart, lineEnd);
      if (!/[,:;?!()]/.test(content)) continue;
      // Marks inside an ad go with the ad; telling the user to make them full-width is noise.
      const ads = appendedAds(text, lineStart, lineEnd);
      const previousLine = model.lines[block.line.index - 1];
      const nextLine = model.lines[block.line.index + 1];
      const partners = content.includes('(') || content.includes(')') ? pairParentheses(content) : undefined;
      marks.lastIndex = 0;
      for (let match = marks.exec(content); match !== null; match = marks.exec(content)) {
        const mark = match[0];
        const offset = lineStart + match.index;
        if (ads.some((ad) => ad.start <= offset && offset < ad.end)) continue;
        let chinese: boolean;
        const partnerIndex = partners?.get(match.index);
        if (partnerIndex !== undefined) {
          const [open, close] =
            partnerIndex > match.index ? [match.index, partnerIndex] : [partnerIndex, match.index];
          const inside = content.slice(open + 1, close);
          const before = isChinese(neighbourBefore(text, lineStart + open, lineStart));
          const after = isChinese(neighbourAfter(text, lineStart + close + 1, lineEnd));
          // Latin inside (`国内生产总值(GDP)增长`) is Chinese text only when Chinese surrounds it;
          // `Windows XP (SP3)系统` is a Latin phrase that merely goes on in Chinese.
          chinese = han.test(inside) || (latin.test(inside) ? before && after : before || after);
        } else if (closesListMarker(content, match.index)) {
          chinese = false;
        } else {
          // A mark at a line's edge belongs to the sentence the neighbouring line carries on
          // (`增长5.2%,` before a broken line), so the neighbour is looked for there.
          const before =
            neighbourBefore(text, offset, lineStart) ??
            (previousLine ? neighbourBefore(text, previousLine.end, previousLine.start) : undefined);
          const after =
            neighbourAfter(text, offset + 1, lineEnd) ??
            (nextLine ? neighbourAfter(text, nextLine.start, nextLine.end) : undefined);
          chinese = (isChinese(before) || isChinese(after)) && !(isAsciiDigit(before) && isAsciiDigit(after));
          if (mark === ':' && content.startsWith('//', match.index + 1)) chinese = false;
        }
        if (!chinese) continue;
        const full = FULL_WIDTH[mark]!;
        report({
          start: offset,
          end: offset + 1,
          message: 'mark',
          args: { mark, full },
          fixes: [
            {
              title: 'replace',
              args: { mark, full },
              edits: [{ start: offset, end: offset + 1, newText: full }],
              safe: true,
            },
          ],
        });
      }
    }
  },
});
