// Every text a user reads comes in English and Simplified Chinese. Rules keep their own texts
// beside their logic; this module only picks the language and fills in the arguments.

export type Locale = 'en' | 'zh-cn';

export interface Localized {
  readonly en: string;
  readonly 'zh-cn': string;
}

/** VS Code, LSP clients and the shell name locales loosely (`zh-CN`, `zh_CN.UTF-8`, `zh-hans`). */
export function toLocale(tag: string | undefined): Locale {
  if (!tag) return 'en';
  const normalized = tag.toLowerCase().replace(/_/g, '-');
  if (/^zh(-(cn|sg|hans).*)?$/.test(normalized.split('.')[0]!)) return 'zh-cn';
  return 'en';
}

export type MessageArgs = Readonly<Record<string, string | number>>;

/**
 * `{name}` is an argument; `{name|one|other}` is the word that agrees with its number, which
 * English needs (`1 file`, `2 files`) and Chinese, with one form, never writes. An argument in
 * quotation marks (`“{text}”`) is quoted with marks it does not hold itself.
 */
const PLACEHOLDER = /(“?)\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}(”?)/g;
const PLURALS: Readonly<Record<Locale, Intl.PluralRules>> = {
  en: new Intl.PluralRules('en'),
  'zh-cn': new Intl.PluralRules('zh-CN'),
};
/**
 * Quoted text is shown as the document has it, so a series label `“笃行致远”系列` or an unclosed
 * `“` is quoted with single marks rather than doubled ones (`““”`), and, holding both, with corner
 * brackets.
 */
const QUOTATION_MARKS = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
] as const;

function quoted(value: string): string {
  const [open, close] =
    QUOTATION_MARKS.find(([open, close]) => !value.includes(open) && !value.includes(close)) ??
    QUOTATION_MARKS[0];
  return open + value + close;
}

/** A message text, cut at its arguments: each is read once, not at every finding. */
type Piece =
  | string
  | {
      readonly whole: string;
      readonly open: string;
      readonly name: string;
      readonly one: string | undefined;
      readonly other: string | undefined;
      readonly close: string;
    };

/** The texts of the rules' messages, a few dozen, each cut once. */
const piecesOfText = new Map<string, readonly Piece[]>();

function piecesOf(text: string): readonly Piece[] {
  let pieces = piecesOfText.get(text);
  if (!pieces) {
    const cut: Piece[] = [];
    let at = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (match.index > at) cut.push(text.slice(at, match.index));
      const [whole, open, name, one, other, close] = match;
      cut.push({ whole, open: open!, name: name!, one, other, close: close! });
      at = match.index + whole.length;
    }
    if (at < text.length) cut.push(text.slice(at));
    pieces = cut;
    piecesOfText.set(text, pieces);
  }
  return pieces;
}

export function format(text: Localized, locale: Locale, args: MessageArgs = {}): string {
  let formatted = '';
  for (const piece of piecesOf(text[locale])) {
    if (typeof piece === 'string') formatted += piece;
    else if (!(piece.name in args)) formatted += piece.whole;
    else {
      const { open, one, other, close } = piece;
      const value = args[piece.name]!;
      if (one !== undefined && other !== undefined)
        formatted += open + (PLURALS[locale].select(Number(value)) === 'one' ? one : other) + close;
      else formatted += open && close ? quoted(String(value)) : open + String(value) + close;
    }
  }
  return formatted;
}
