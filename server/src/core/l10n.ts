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

export function format(text: Localized, locale: Locale, args: MessageArgs = {}): string {
  return text[locale].replace(
    PLACEHOLDER,
    (
      whole,
      open: string,
      name: string,
      one: string | undefined,
      other: string | undefined,
      close: string,
    ) => {
      if (!(name in args)) return whole;
      const value = args[name]!;
      if (one !== undefined && other !== undefined)
        return open + (PLURALS[locale].select(Number(value)) === 'one' ? one : other) + close;
      return open && close ? quoted(String(value)) : open + String(value) + close;
    },
  );
}
