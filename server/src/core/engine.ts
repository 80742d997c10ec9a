// The analysis engine. A document is kept as lines; what a line's own text decides (its facts
// and the findings of `checkLine`) is computed once per line and kept across edits, and only
// the document-wide steps (structure, `checkDocument`) run again, in proportion to the number
// of lines. An edit in one paragraph of a long transcript therefore costs little more than
// that paragraph.
import type { ResolvedConfig, TextRange } from './config';
import { format, type Locale } from './l10n';
import { type LineFacts, lineFacts } from './lineFacts';
import type { Transcript } from './model';
import type { Edit, Report, Rule, Severity } from './rule';
import { buildTranscript } from './structure';
import type { Line } from './text';

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
  /** The rules to run; all of them when absent. */
  readonly rules: readonly Rule[];
}

interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly slot: number;
}

interface LineResult {
  readonly facts: LineFacts;
  /** Findings of `checkLine`, relative to the line's start, sorted. */
  readonly findings: readonly ReportedFinding[];
  /** What each rule's `checkLine` returned, by the rule's slot. */
  readonly data: readonly unknown[];
  /** Occurrences of ignored phrases, relative to the line's start. */
  readonly ignored: readonly TextRange[];
  /**
   * Where the line was at the last analysis, and its findings placed there: reused while the
   * line has not moved, which after an edit is every line before it.
   */
  placement?: { readonly line: Line; findings?: readonly ReportedFinding[] };
}

const lineBreak = /\r\n|\r|\n/g;

function splitInto(text: string, texts: string[], breaks: string[]): void {
  let start = 0;
  lineBreak.lastIndex = 0;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    texts.push(text.slice(start, match.index));
    breaks.push(match[0]);
    start = match.index + match[0].length;
  }
  texts.push(text.slice(start));
  breaks.push('');
}

/** `array.splice` without spreading, which overflows the stack for very large insertions. */
function replaceRange<T>(array: T[], from: number, count: number, items: readonly T[]): T[] {
  if (items.length < 10_000) {
    array.splice(from, count, ...items);
    return array;
  }
  return array.slice(0, from).concat(items, array.slice(from + count));
}

function overlaps(ranges: readonly TextRange[], start: number, end: number): boolean {
  for (const range of ranges) if (start < range.end && range.start < Math.max(end, start + 1)) return true;
  return false;
}

/**
 * A finding as a rule reported it. Its message and fix titles are formatted when first read:
 * fix-all, counting and the outline never read them, and an edit re-reports many findings whose
 * text nobody looks at again.
 */
class ReportedFinding implements Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  private formatted: string | undefined;
  private built: readonly Fix[] | undefined;

  constructor(
    private readonly source: ActiveRule,
    private readonly report: Report<string>,
    private readonly locale: Locale,
    private readonly offset = 0,
    private readonly origin?: ReportedFinding,
  ) {
    this.rule = source.rule.id;
    this.severity = source.severity;
    this.start = report.start + offset;
    this.end = report.end + offset;
  }

  get message(): string {
    if (this.origin) return this.origin.message;
    this.formatted ??= format(this.source.rule.messages[this.report.message]!, this.locale, this.report.args);
    return this.formatted;
  }

  get fixes(): readonly Fix[] {
    this.built ??= (this.report.fixes ?? []).map((fix) => ({
      title: format(this.source.rule.messages[fix.title]!, this.locale, fix.args),
      edits:
        this.offset === 0
          ? fix.edits
          : fix.edits.map((edit) => ({
              start: edit.start + this.offset,
              end: edit.end + this.offset,
              newText: edit.newText,
            })),
      safe: fix.safe,
      ...(fix.group === undefined ? {} : { group: fix.group }),
    }));
    return this.built;
  }

  /** The same finding where its line now starts; the message is shared, not formatted again. */
  placedAt(lineStart: number): ReportedFinding {
    if (lineStart === 0) return this;
    return new ReportedFinding(this.source, this.report, this.locale, lineStart, this);
  }
}

/** One empty array for every line that has nothing of a kind. */
const NOTHING: readonly never[] = [];

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end;

export class TranscriptAnalyzer {
  private texts: string[] = [];
  private breaks: string[] = [];
  private results: (LineResult | undefined)[] = [];
  private starts: number[] | undefined;
  private current: Analysis | undefined;
  private fullText: string;
  private readonly active: readonly ActiveRule[];
  /** Whether a rule on removes ads: without one, a line's ads stay, and are no ads to the others. */
  private readonly adsRemoved: boolean;

  constructor(
    text: string,
    private readonly options: AnalysisOptions,
  ) {
    this.fullText = text;
    splitInto(text, this.texts, this.breaks);
    this.results = new Array(this.texts.length).fill(undefined);
    this.active = options.rules.flatMap((rule, slot) => {
      const severity = options.config.severities.get(rule.id) ?? rule.defaultSeverity;
      return severity === 'off' ? [] : [{ rule, severity, slot }];
    });
    this.adsRemoved = this.active.some(({ rule }) => rule.removesAds);
  }

  get text(): string {
    return this.fullText;
  }

  /** Replaces `start`–`end` (offsets in the current text) with `newText`. */
  update(start: number, end: number, newText: string): void {
    if (start < 0 || end < start || end > this.fullText.length)
      throw new RangeError('edit outside the document');
    const starts = this.lineStarts();
    const last = this.texts.length - 1;
    // One line more on each side, so that a line break split by the edit (`\r` | `\n`) joins up.
    const first = Math.max(0, lineAt(starts, start) - 1);
    const through = Math.min(last, lineAt(starts, end) + 1);
    const regionStart = starts[first]!;
    const regionEnd = starts[through]! + this.texts[through]!.length + this.breaks[through]!.length;
    const region = this.fullText.slice(regionStart, start) + newText + this.fullText.slice(end, regionEnd);
    const texts: string[] = [];
    const breaks: string[] = [];
    splitInto(region, texts, breaks);
    if (through < last && texts.at(-1) === '') {
      // The region ends with a line break, so the split's trailing empty line is the next line's.
      texts.pop();
      breaks.pop();
    }
    const count = through - first + 1;
    this.texts = replaceRange(this.texts, first, count, texts);
    this.breaks = replaceRange(this.breaks, first, count, breaks);
    this.results = replaceRange(this.results, first, count, new Array(texts.length).fill(undefined));
    this.fullText = this.fullText.slice(0, start) + newText + this.fullText.slice(end);
    this.starts = undefined;
    this.current = undefined;
  }

  analysis(): Analysis {
    if (this.current) return this.current;
    const { config, locale } = this.options;
    const starts = this.lineStarts();
    const count = this.texts.length;
    const lines: Line[] = new Array(count);
    const results: LineResult[] = new Array(count);
    const facts: LineFacts[] = new Array(count);
    for (let index = 0; index < count; index++) {
      this.results[index] ??= this.analyzeLine(index);
      const result = this.results[index]!;
      const start = starts[index]!;
      const placed = result.placement?.line;
      if (placed && placed.start === start && placed.index === index) lines[index] = placed;
      else {
        const end = start + this.texts[index]!.length;
        const line = { index, start, end, next: end + this.breaks[index]!.length };
        result.placement = { line };
        lines[index] = line;
      }
      results[index] = result;
      facts[index] = result.facts;
    }
    const texts = this.texts;
    const model = buildTranscript({ text: this.fullText, lines, facts, lineText: (index) => texts[index]! });

    const documentFindings: Finding[] = [];
    for (const active of this.active) {
      active.rule.checkDocument?.(
        {
          model,
          config,
          lineData: (index) => results[index]?.data[active.slot],
          lineText: (index) => texts[index]!,
          lineFacts: (index) => results[index]!.facts,
        },
        (report) => {
          // A finding may span lines (removing a last line takes the break before it): an ignored
          // phrase on any of them keeps it out, as it does on a line of its own.
          const last = lineAt(starts, Math.max(report.start, report.end - 1));
          for (let line = lineAt(starts, report.start); line <= last; line++) {
            const ignored = results[line]!.ignored;
            const lineStart = starts[line]!;
            if (ignored.length > 0 && overlaps(ignored, report.start - lineStart, report.end - lineStart))
              return;
          }
          documentFindings.push(new ReportedFinding(active, report, locale));
        },
      );
    }
    documentFindings.sort(byPosition);
    const residueLines = new Set<number>();
    for (const block of model.blocks) if (block.kind === 'residue') residueLines.add(block.line.index);

    let findings: Finding[] | undefined;
    const collect = (): Finding[] => {
      const merged: Finding[] = [];
      let next = 0;
      for (let index = 0; index < results.length; index++) {
        const result = results[index]!;
        if (result.findings.length === 0 || residueLines.has(index)) continue;
        const placement = result.placement!;
        const lineStart = placement.line.start;
        placement.findings ??= result.findings.map((finding) => finding.placedAt(lineStart));
        for (const placed of placement.findings) {
          while (next < documentFindings.length && byPosition(documentFindings[next]!, placed) <= 0)
            merged.push(documentFindings[next++]!);
          merged.push(placed);
        }
      }
      while (next < documentFindings.length) merged.push(documentFindings[next++]!);
      return merged;
    };
    this.current = {
      model,
      // Most requests (outline, folding) never look at the findings; build them on first use.
      get findings() {
        findings ??= collect();
        return findings;
      },
    };
    return this.current;
  }

  private analyzeLine(index: number): LineResult {
    const { config, locale } = this.options;
    const text = this.texts[index]!;
    const ignored =
      config.ignoredPhrases.length === 0
        ? NOTHING
        : config.ignoredPhrases.flatMap((matcher) => [...matcher.matches(text)]);
    const facts = lineFacts(text, ignored, this.adsRemoved);
    // Most lines have no finding and no data: they share empty arrays, which keeps a long
    // transcript's heap small.
    let findings: ReportedFinding[] | undefined;
    let data: unknown[] | undefined;
    if (text.length > 0) {
      const context = { text, first: index === 0, facts, config };
      for (const active of this.active) {
        if (!active.rule.checkLine) continue;
        const returned = active.rule.checkLine(context, (report) => {
          if (ignored.length > 0 && overlaps(ignored, report.start, report.end)) return;
          findings ??= [];
          findings.push(new ReportedFinding(active, report, locale));
        });
        if (returned !== undefined) {
          data ??= [];
          data[active.slot] = returned;
        }
      }
      findings?.sort(byPosition);
    }
    return { facts, findings: findings ?? NOTHING, data: data ?? NOTHING, ignored };
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts: number[] = new Array(this.texts.length);
    let offset = 0;
    for (let index = 0; index < this.texts.length; index++) {
      starts[index] = offset;
      offset += this.texts[index]!.length + this.breaks[index]!.length;
    }
    this.starts = starts;
    return starts;
  }
}

/** The line holding `offset`: the last whose start is at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
