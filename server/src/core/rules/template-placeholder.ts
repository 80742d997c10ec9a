// Unfilled template slots (`XX同志`, `XXX市`, `×××`, `○○`, `X月X日`): the author must fill them
// in, and nobody can guess the word, so they are reported without a fix.
import { defineRule } from '../rule';
import {
  CharKind,
  charAt,
  charBefore,
  isAsciiDigit,
  isAsciiLetter,
  isChinese,
  visibleAfter,
  visibleBefore,
} from '../text';

/**
 * A single X before a counter or after 第 is a number left blank (`X月X日`, `第X次`, `X名`), before
 * an administrative unit a place (`X县`); no censored 党 word has these after it.
 */
const COUNTERS = /^[月日年号时点分秒元万亿个名人次位家项条届期天周省市县区镇乡村]/u;

/**
 * Whether a single X is a blank: a number, a place or a name (`张X同志`). `全X同志` is the one
 * phrase where X before 同志 is censorship: 全党同志.
 */
export function isTemplateSlot(previous: string | undefined, following: string): boolean {
  if (COUNTERS.test(following) || previous === '第') return true;
  return following.startsWith('同志') && previous !== '全';
}

const slots = /[Xx]+|×{2,}|○{2,}|□{2,}|\*{2,}|＊{2,}/g;

export const templatePlaceholder = defineRule({
  id: 'template-placeholder',
  description: {
    en: 'Unfilled template slots such as XX同志, XXX市, ×××, ○○ or **: the author must fill them in.',
    'zh-cn': '未填写的模板空位，如“XX同志”“XXX市”“×××”“○○”“**”，需要作者补全。',
  },
  defaultSeverity: 'information',
  fixable: false,
  messages: {
    slot: {
      en: 'Unfilled template slot “{text}”: replace it with the name, place or number it stands for.',
      'zh-cn': '“{text}”是未填写的模板空位，请填入实际的人名、地名或数字。',
    },
  },
  checkLine({ text, facts }, report) {
    if (!(facts.holds & CharKind.slotMark)) return undefined;
    slots.lastIndex = 0;
    for (let match = slots.exec(text); match !== null; match = slots.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const following = visibleAfter(text, end, 2);
      const preceding = visibleBefore(text, start, 2);
      const previous = charBefore(preceding, preceding.length);
      const next = charAt(following, 0);
      const first = match[0][0];
      if (first === 'X' || first === 'x') {
        if (isAsciiLetter(previous) || isAsciiLetter(next) || isAsciiDigit(previous) || isAsciiDigit(next))
          continue;
        const chineseAround = isChinese(previous) || isChinese(next);
        if (!chineseAround) continue;
        if (match[0].length === 1 && !isTemplateSlot(previous, following)) continue;
      }
      report({ start, end, message: 'slot', args: { text: match[0] } });
    }
    return undefined;
  },
});
