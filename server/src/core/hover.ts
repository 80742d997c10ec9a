// What a hover over a finding tells: what the residue is and what its fix will write.
import type { Analysis } from './analyze';
import { format, type Locale } from './l10n';
import { RULES } from './rules';

const TEXTS = {
  writes: { en: 'The fix writes “{text}”.', 'zh-cn': '修复后写作“{text}”。' },
  removes: { en: 'The fix removes it.', 'zh-cn': '自动修复会删除这段文字。' },
  manual: { en: 'No automatic fix: this needs a person.', 'zh-cn': '无法自动修复，需要人工处理。' },
} as const;

/** Markdown for the findings under `offset`, or undefined when there are none. */
export function hoverMarkdown(analysis: Analysis, offset: number, locale: Locale): string | undefined {
  const hits = analysis.findings.filter((finding) => finding.start <= offset && offset < finding.end);
  if (hits.length === 0) return undefined;
  return hits
    .map((finding) => {
      const rule = RULES.find((candidate) => candidate.id === finding.rule);
      const fix = finding.fixes.find((candidate) => candidate.safe) ?? finding.fixes[0];
      const written = fix?.edits.map((edit) => edit.newText).join('');
      const outcome = !fix
        ? format(TEXTS.manual, locale)
        : written
          ? format(TEXTS.writes, locale, { text: written })
          : format(TEXTS.removes, locale);
      const description = rule ? format(rule.description, locale) : '';
      return `**${finding.message}**\n\n${outcome}\n\n*${finding.rule}*: ${description}`;
    })
    .join('\n\n---\n\n');
}
