// One transcript, start to end: read, decode, analyse, and for `fix` apply fix-all and write back.
// Runs inside the worker threads (and in the main thread for small runs); it answers with plain
// data only, so results cross threads by structured clone.
import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { loadConfigFor } from '../configFile';
import {
  analyze,
  applyEdits,
  type Finding,
  fixAllEdits,
  type LineIndex,
  type Locale,
  looksLikeSpeech,
  type ResolvedConfig,
  type Severity,
} from '../core';
import { ChangedOnDiskError, snapshotOf, writeFileAtomic } from './atomicWrite';
import { decode, type EncodingName, encodeExactly, type LineEnding, lineEndingOf } from './encoding';
import { paint, renderFile } from './output';
import { say } from './texts';

export type Mode = 'check' | 'fix' | 'dry-run';

export interface Task {
  readonly index: number;
  readonly file: string;
  /** The path as the user reads it in the output. */
  readonly display: string;
  /**
   * True when the file is a transcript by name (explicit, `*.speech`, or a config `files` glob);
   * false for a `*.txt` found in a folder, which is one only if its text looks like a speech.
   */
  readonly selected: boolean;
}

export interface Options {
  readonly mode: Mode;
  readonly locale: Locale;
  /**
   * Set for text output: the worker renders each file's lines itself and sends back a string and
   * counts instead of every finding, which keeps the main thread (the one that cannot be spread
   * over cores) nearly idle even at a hundred findings a file.
   */
  readonly render?: { readonly color: boolean };
}

export interface FindingOut {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based; columns count UTF-16 code units, as editors and SARIF do. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fixable: boolean;
}

export interface FixOut {
  /** Problems gone after the fix, per rule. */
  readonly fixed: Readonly<Record<string, number>>;
  readonly remaining: readonly FindingOut[];
  readonly written: boolean;
  readonly diff?: string;
}

/** What the summary and the exit code need, whatever the output format. */
export interface FileStats {
  readonly findings: number;
  readonly fixable: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Problems fixed (for `fix`; 0 for `check`). */
  readonly fixed: number;
  /** What is left after the fix, by severity: the findings themselves for `check`. */
  readonly left: Readonly<Record<Severity, number>>;
}

export type FileResult =
  | { readonly kind: 'skipped'; readonly index: number }
  | { readonly kind: 'error'; readonly index: number; readonly display: string; readonly message: string }
  | {
      readonly kind: 'analysed';
      readonly index: number;
      readonly display: string;
      readonly encoding: EncodingName;
      readonly lineEnding: LineEnding;
      readonly stats: FileStats;
      /** Empty when the worker rendered `text` instead. */
      readonly findings: readonly FindingOut[];
      readonly fix?: FixOut;
      readonly text?: string;
    };

/** The server's limit too: beyond it a "transcript" is an export or a log, not a speech. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function processFile(task: Task, options: Options): FileResult {
  const { index, display } = task;
  const error = (message: string): FileResult => ({ kind: 'error', index, display, message });
  try {
    const stat = fs.statSync(task.file);
    if (!stat.isFile()) return error(say(options.locale, 'notAFile'));
    if (stat.size > MAX_FILE_BYTES) return error(tooLarge(options.locale, stat.size));
    const bytes = fs.readFileSync(task.file);
    const config = loadConfigFor(task.file, options.locale);
    if (config.error) return error(say(options.locale, 'configError', { reason: config.error }));
    const outcome = processBytes(bytes, config.resolved, options, display, task.selected);
    if (outcome.kind !== 'analysed') {
      return outcome.kind === 'skipped' ? { kind: 'skipped', index } : error(outcome.message);
    }
    const { result, output } = outcome;
    let fix = result.fix;
    if (fix && output && options.mode === 'fix') {
      writeFileAtomic(task.file, output, snapshotOf(stat));
      fix = { ...fix, written: true };
    }
    return finish({ kind: 'analysed', index, display, ...result, ...(fix ? { fix } : {}) }, options);
  } catch (caught) {
    if (caught instanceof ChangedOnDiskError) return error(say(options.locale, 'changedOnDisk'));
    return error(describeIoError(caught, options.locale));
  }
}

export type BytesOutcome =
  | { readonly kind: 'skipped' }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'analysed';
      readonly result: {
        readonly encoding: EncodingName;
        readonly lineEnding: LineEnding;
        readonly findings: readonly FindingOut[];
        readonly fix?: FixOut;
      };
      /** The fixed file's bytes, when fix-all changed anything. */
      readonly output?: Buffer;
    };

/** The pure part, shared by files and standard input. */
export function processBytes(
  bytes: Buffer,
  config: ResolvedConfig,
  options: Options,
  display: string,
  selected: boolean,
): BytesOutcome {
  const { locale, mode } = options;
  const decoded = decode(bytes);
  if (!decoded.ok) {
    // A binary file in a folder is simply not a transcript; named or selected, it is reported.
    if (decoded.reason === 'binary' && !selected) return { kind: 'skipped' };
    return { kind: 'error', message: say(locale, decoded.reason) };
  }
  const { text, encoding } = decoded;
  if (!selected && !looksLikeSpeech(text)) return { kind: 'skipped' };
  const analysis = analyze(text, { config, locale });
  const findings = toOut(analysis.model.lineIndex, analysis.findings);
  const base = { encoding, lineEnding: lineEndingOf(text), findings };
  if (mode === 'check') return { kind: 'analysed', result: base };

  const edits = fixAllEdits(analysis.findings);
  const fixedText = edits.length > 0 ? applyEdits(text, edits) : text;
  if (fixedText === text) {
    return { kind: 'analysed', result: { ...base, fix: { fixed: {}, remaining: findings, written: false } } };
  }
  const output = encodeExactly(fixedText, encoding);
  if (!output) return { kind: 'error', message: say(locale, 'unencodable', { encoding }) };
  const after = analyze(fixedText, { config, locale });
  const remaining = toOut(after.model.lineIndex, after.findings);
  const fix: FixOut = {
    fixed: fixedPerRule(analysis.findings, after.findings),
    remaining,
    written: false,
    ...(mode === 'dry-run'
      ? { diff: createTwoFilesPatch(`a/${display}`, `b/${display}`, text, fixedText, '', '', { context: 1 }) }
      : {}),
  };
  return { kind: 'analysed', result: { ...base, fix }, output };
}

type Analysed = Extract<FileResult, { kind: 'analysed' }>;

/** Adds the counts, and under `render` swaps the findings for the lines that show them. */
export function finish(result: Omit<Analysed, 'stats'>, options: Options): Analysed {
  const stats = statsOf(result.findings, result.fix);
  if (!options.render) return { ...result, stats };
  const text = renderFile(result, options.mode, paint(options.render.color), options.locale);
  const { fix } = result;
  return {
    ...result,
    stats,
    findings: [],
    ...(fix ? { fix: { fixed: fix.fixed, remaining: [], written: fix.written } } : {}),
    text,
  };
}

function statsOf(findings: readonly FindingOut[], fix: FixOut | undefined): FileStats {
  const count = (list: readonly FindingOut[]) => {
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of list) bySeverity[finding.severity]++;
    return bySeverity;
  };
  return {
    findings: findings.length,
    fixable: findings.filter((finding) => finding.fixable).length,
    bySeverity: count(findings),
    fixed: Object.values(fix?.fixed ?? {}).reduce((sum, n) => sum + n, 0),
    left: count(fix?.remaining ?? findings),
  };
}

function fixedPerRule(before: readonly Finding[], after: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of before) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  for (const finding of after) counts[finding.rule] = (counts[finding.rule] ?? 0) - 1;
  for (const [rule, count] of Object.entries(counts)) if (count <= 0) delete counts[rule];
  return counts;
}

export function toOut(index: LineIndex, findings: readonly Finding[]): FindingOut[] {
  return findings.map((finding) => {
    const start = index.position(finding.start);
    const end = index.position(finding.end);
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      fixable: finding.fixes.some((fix) => fix.safe),
    };
  });
}

export function tooLarge(locale: Locale, size: number): string {
  return say(locale, 'tooLarge', {
    size: (size / 1024 / 1024).toFixed(1),
    limit: MAX_FILE_BYTES / 1024 / 1024,
  });
}

export function describeIoError(error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return say(locale, 'notFound');
  if (code === 'EACCES' || code === 'EPERM') return say(locale, 'permission');
  if (code === 'EISDIR') return say(locale, 'notAFile');
  if (code) return say(locale, 'ioError', { reason: code });
  return say(locale, 'internalError', { reason: (error as Error).message });
}
