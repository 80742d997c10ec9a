// Chinese numerals as used in heading markers (一 … 九十九). Larger ordinals do not occur in speeches.

const DIGITS = '〇一二三四五六七八九';

export const CN_NUMERAL_CLASS = '[〇零一二两三四五六七八九十]';

export function chineseToNumber(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  const digit = (char: string | undefined): number | undefined => {
    if (char === '零') return 0;
    if (char === '两') return 2;
    const value = char === undefined ? -1 : DIGITS.indexOf(char);
    return value >= 0 ? value : undefined;
  };
  const ten = numeral.indexOf('十');
  if (ten < 0) return numeral.length === 1 ? digit(numeral) : undefined;
  if (numeral.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : ten === 1 ? digit(numeral[0]) : undefined;
  const rest = numeral.slice(ten + 1);
  const units = rest.length === 0 ? 0 : rest.length === 1 ? digit(rest) : undefined;
  if (tens === undefined || units === undefined || tens === 0) return undefined;
  return tens * 10 + units;
}

export function numberToChinese(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  if (value < 10) return DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units === 0 ? '' : DIGITS[units]}`;
}

const CIRCLED_FIRST = 0x2460; // ①

export function circledToNumber(char: string): number | undefined {
  const code = char.codePointAt(0)! - CIRCLED_FIRST + 1;
  return code >= 1 && code <= 20 ? code : undefined;
}

export function numberToCircled(value: number): string {
  return String.fromCodePoint(CIRCLED_FIRST + value - 1);
}
