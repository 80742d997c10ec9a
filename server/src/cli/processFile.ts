// One transcript, start to end: read, decode, analyse, and for `fix` apply fix-all and write back.
// Runs in every thread of the pool, and answers with a file's share of the output already made:
// its text and a few counts cross threads, not a tree of findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type ConfigFile, loadConfigFor } from '../configFile';
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
import { jsonPart, sarifPart } from './documents';
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
  /** For `fix`: the one rule whose safe fixes are applied instead of fix-all's. */
  readonly fixRule?: string;
  /**
   * What each file's share of the output is made of. It is made where the file was analysed,
   * which keeps the work that cannot be spread over cores (receiving results and writing them
   * out in order) small even at a hundred findings a file.
   */
  readonly rendering: Rendering;
}

export type Rendering =
  | { readonly format: 'text'; readonly color: boolean }
  | { readonly format: 'json' }
  | { readonly format: 'sarif' };

/**
 * A file's share of the output, ready to be written: its lines of text output, or its elements
 * of the one array a JSON or SARIF document streams, formatted.
 */
export interface Part {
  /**
   * The text, in pieces to be written one after another: one string for a file with a million
   * findings would pass V8's limit on string length.
   */
  readonly chunks: readonly string[];
  /** How many array elements `chunks` hold; 0 for text output. */
  readonly elements: number;
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
  readonly fixableByRule: Readonly<Record<string, number>>;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Problems fixed (for `fix`; 0 for `check`). */
  readonly fixed: number;
  /** What is left after the fix, by severity: the findings themselves for `check`. */
  readonly left: Readonly<Record<Severity, number>>;
}

/** All that is known of an analysed file, in the thread that analysed it. */
export interface FileReport {
  readonly display: string;
  readonly encoding: EncodingName;
  readonly lineEnding: LineEnding;
  readonly findings: readonly FindingOut[];
  /** Problems with a safe fix that fix-all leaves to `fix --rule`, per rule. */
  readonly fixableByRule: Readonly<Record<string, number>>;
  readonly fix?: FixOut;
}

export type FileResult =
  | { readonly kind: 'skipped'; readonly index: number }
  | { readonly kind: 'error'; readonly index: number; readonly display: string; readonly message: string }
  | { readonly kind: 'analysed'; readonly index: number; readonly stats: FileStats; readonly part: Part };

/** The server's limit too: beyond it a "transcript" is an export or a log, not a speech. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The config of each folder, looked up once per run and thread rather than for each of its files:
 * a lookup looks for the file in every folder up to the root.
 */
export class FolderConfigs {
  private readonly byFolder = new Map<string, ConfigFile>();

  constructor(private readonly locale: Locale) {}

  of(file: string): ConfigFile {
    const folder = path.dirname(file);
    let config = this.byFolder.get(folder);
    if (!config) {
      config = loadConfigFor(file, this.locale);
      this.byFolder.set(folder, config);
    }
    return config;
  }
}

export function processFile(task: Task, options: Options, configs: FolderConfigs): FileResult {
  const { index, display } = task;
  const error = (message: string): FileResult => ({ kind: 'error', index, display, message });
  try {
    const stat = fs.statSync(task.file);
    if (!stat.isFile()) return error(say(options.locale, 'notAFile'));
    if (stat.size > MAX_FILE_BYTES) return error(tooLarge(options.locale, stat.size));
    const bytes = fs.readFileSync(task.file);
    const config = configs.of(task.file);
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
    return finish({ display, ...result, ...(fix ? { fix } : {}) }, index, options);
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
      readonly result: Omit<FileReport, 'display'>;
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
  const base = {
    encoding,
    lineEnding: lineEndingOf(text),
    findings,
    fixableByRule: countByRule(
      analysis.findings.filter((finding) => finding.hasSafeFix && !finding.inFixAll),
    ),
  };
  if (mode === 'check') return { kind: 'analysed', result: base };

  const edits = fixAllEdits(analysis.findings, options.fixRule);
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

/** Boils a report down to what the main thread needs: the counts and the file's part of the output. */
export function finish(report: FileReport, index: number, options: Options): Analysed {
  return {
    kind: 'analysed',
    index,
    stats: statsOf(report),
    part: partOf(report, options),
  };
}

function partOf(report: FileReport, options: Options): Part {
  const { rendering, mode, locale } = options;
  if (rendering.format === 'json') return jsonPart(report, mode);
  if (rendering.format === 'sarif') return sarifPart(report);
  return { chunks: [renderFile(report, mode, paint(rendering.color), locale)], elements: 0 };
}

function statsOf({ findings, fixableByRule, fix }: FileReport): FileStats {
  const count = (list: readonly FindingOut[]) => {
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const finding of list) bySeverity[finding.severity]++;
    return bySeverity;
  };
  return {
    findings: findings.length,
    fixable: findings.filter((finding) => finding.fixable).length,
    fixableByRule,
    bySeverity: count(findings),
    fixed: Object.values(fix?.fixed ?? {}).reduce((sum, n) => sum + n, 0),
    left: count(fix?.remaining ?? findings),
  };
}

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}

function fixedPerRule(before: readonly Finding[], after: readonly Finding[]): Record<string, number> {
  const counts = countByRule(before);
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
      // What `fix` mends.
      fixable: finding.hasSafeFix && finding.inFixAll,
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
