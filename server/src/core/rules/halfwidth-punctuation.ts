// Half-width punctuation in Chinese text (GB/T 15834-2011 asks for full-width marks there).
// A mark counts as Chinese when a Chinese character is its nearest neighbour on either side;
// it stays half-width between digits (8:30, 1:1, 1,000) and in Latin text (Hello, world).
import { defineRule, type Reporter } from '../rule';
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
const anyMark = /[,:;?!()]/;

/** A mark with nothing beside it on one side within its line. */
interface EdgeMark {
  readonly mark: string;
  readonly offset: number;
  readonly before: string | undefined;
  readonly after: string | undefined;
}
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

export const halfwidthPunctuation = defineRule<'mark' | 'replace', EdgeMark[]>({
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
  checkLine({ text: content, facts }, report) {
    if (facts.kind === 'residue' || !anyMark.test(content)) return undefined;
    let atEdges: EdgeMark[] | undefined;
    const partners = content.includes('(') || content.includes(')') ? pairParentheses(content) : undefined;
    marks.lastIndex = 0;
    for (let match = marks.exec(content); match !== null; match = marks.exec(content)) {
      const mark = match[0];
      const offset = match.index;
      // Marks inside an ad go with the ad; telling the user to make them full-width is noise.
      if (facts.ads.some((ad) => ad.start <= offset && offset < ad.end)) continue;
      const partnerIndex = partners?.get(offset);
      if (partnerIndex !== undefined) {
        const [open, close] = partnerIndex > offset ? [offset, partnerIndex] : [partnerIndex, offset];
        const inside = content.slice(open + 1, close);
        const before = isChinese(neighbourBefore(content, open, 0));
        const after = isChinese(neighbourAfter(content, close + 1, content.length));
        // Latin inside (`国内生产总值(GDP)增长`) is Chinese text only when Chinese surrounds it;
        // `Windows XP (SP3)系统` is a Latin phrase that merely goes on in Chinese.
        if (han.test(inside) || (latin.test(inside) ? before && after : before || after))
          reportMark(report, mark, offset);
        continue;
      }
      if (closesListMarker(content, offset)) continue;
      if (mark === ':' && content.startsWith('//', offset + 1)) continue;
      const before = neighbourBefore(content, offset, 0);
      const after = neighbourAfter(content, offset + 1, content.length);
      // A mark at a line's edge belongs to the sentence the neighbouring line carries on
      // (`增长5.2%,` before a broken line): only the document can look there.
      if (before === undefined || after === undefined) {
        atEdges ??= [];
        atEdges.push({ mark, offset, before, after });
      } else if (isChineseMark(before, after)) reportMark(report, mark, offset);
    }
    return atEdges;
  },
  checkDocument({ model, lineData, lineText }, report) {
    for (const line of model.lines) {
      const edges = lineData(line.index);
      if (!edges) continue;
      for (const { mark, offset, before, after } of edges) {
        const previous = line.index > 0 ? lineText(line.index - 1) : '';
        const next = line.index + 1 < model.lines.length ? lineText(line.index + 1) : '';
        const outsideBefore = before ?? neighbourBefore(previous, previous.length, 0);
        const outsideAfter = after ?? neighbourAfter(next, 0, next.length);
        if (isChineseMark(outsideBefore, outsideAfter)) reportMark(report, mark, line.start + offset);
      }
    }
  },
});

/** A mark between digits (8:30, 1,000) or in Latin text stays; next to Chinese it is Chinese. */
function isChineseMark(before: string | undefined, after: string | undefined): boolean {
  return (isChinese(before) || isChinese(after)) && !(isAsciiDigit(before) && isAsciiDigit(after));
}

function reportMark(report: Reporter<'mark' | 'replace'>, mark: string, offset: number): void {
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
