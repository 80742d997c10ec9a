// The entry point of the core: text in, findings out. The server, the CLI and the tests all call
// `analyze`, so they can never disagree about a transcript.
import type { ResolvedConfig, TextRange } from './config';
import { format, type Locale } from './l10n';
import type { Transcript } from './model';
import { parse } from './parse';
import type { Edit, Rule, Severity } from './rule';
import { RULES } from './rules';

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /** Decided by the text alone: preferred in the editor and applied by fix-all. */
  readonly safe: boolean;
  /** Fixes of one group (same placeholder, same expansion) can be applied together. */
  readonly group?: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fixes: readonly Fix[];
}

export interface Analysis {
  readonly model: Transcript;
  /** Sorted by position. */
  readonly findings: readonly Finding[];
}

export interface AnalysisOptions {
  readonly config: ResolvedConfig;
  readonly locale: Locale;
  readonly rules?: readonly Rule[];
}

function overlapsAny(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.some((range) => start < range.end && range.start < Math.max(end, start + 1));
}

export function analyze(text: string, options: AnalysisOptions): Analysis {
  const { config, locale } = options;
  const model = parse(text);
  const ignored = config.ignoredPhrases.flatMap((matcher) => [...matcher.matches(text)]);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = config.severities.get(rule.id) ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    rule.check({ model, config }, (report) => {
      if (ignored.length > 0 && overlapsAny(ignored, report.start, report.end)) return;
      findings.push({
        rule: rule.id,
        severity,
        start: report.start,
        end: report.end,
        message: format(rule.messages[report.message]!, locale, report.args),
        fixes: (report.fixes ?? []).map((fix) => ({
          title: format(rule.messages[fix.title]!, locale, fix.args),
          edits: fix.edits,
          safe: fix.safe,
          ...(fix.group === undefined ? {} : { group: fix.group }),
        })),
      });
    });
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { model, findings };
}
