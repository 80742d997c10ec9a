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

export function format(text: Localized, locale: Locale, args: MessageArgs = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? String(args[name]) : whole,
  );
}
