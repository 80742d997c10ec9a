// The commands: find the files, run them through the pool, print what came back in the order the
// files were found, and turn the outcome into an exit code (0 clean, 1 findings, 2 trouble).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ConfigFile, loadConfigFor, loadConfigForDirectory } from '../configFile';
import { type Locale, outline, parse } from '../core';
import { atLeast, type CliArgs, defaultJobs, parseCommandLine } from './args';
import { discover } from './discover';
import { jsonReport, type ReportWriter, sarifReport } from './documents';
import { decode } from './encoding';
import { countsList, outlineJson, outlineText, type Paint, paint, Tally, wantsColor } from './output';
import { MIN_FILES_FOR_WORKERS, Pool } from './pool';
import {
  describeIoError,
  type FileResult,
  finish,
  MAX_FILE_BYTES,
  type Mode,
  type Options,
  processBytes,
  tooLarge,
} from './processFile';
import { Progress } from './progress';
import { say } from './texts';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** The script the worker threads run: this very bundle. */
  readonly entry: string;
}

type Failed = Extract<FileResult, { kind: 'error' }>;

interface Context {
  readonly args: CliArgs;
  readonly locale: Locale;
  readonly io: Io;
  readonly outColor: boolean;
  readonly out: Paint;
  readonly err: Paint;
  readonly version: string;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv, io.env);
  const { locale } = parsed;
  if (parsed.kind === 'help') {
    io.stdout.write(`${say(locale, 'usage')}\n`);
    return EXIT_CLEAN;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`${toolVersion()}\n`);
    return EXIT_CLEAN;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr.write(`${say(locale, 'usageError', { message: parsed.message })}\n${say(locale, 'seeHelp')}\n`);
    return EXIT_TROUBLE;
  }
  if (parsed.kind !== 'run') return EXIT_TROUBLE;
  const { args } = parsed;
  const outColor = wantsColor(args.color, io.stdout, io.env);
  const context: Context = {
    args,
    locale,
    io,
    outColor,
    out: paint(outColor),
    err: paint(wantsColor(args.color, io.stderr, io.env)),
    version: toolVersion(),
  };
  if (args.command === 'outline') return runOutline(context);
  if (args.paths[0] === '-') return runStdin(context);
  return runFiles(context);
}

function modeOf(args: CliArgs): Mode {
  return args.command === 'check' ? 'check' : args.dryRun ? 'dry-run' : 'fix';
}

function optionsOf(context: Context): Options {
  const { args, locale, outColor } = context;
  const rendering =
    args.format === 'text' ? { format: 'text' as const, color: outColor } : { format: args.format };
  return {
    mode: modeOf(args),
    locale,
    rendering,
    ...(args.rule === undefined ? {} : { fixRule: args.rule }),
  };
}

function reportError(context: Context, display: string, message: string): void {
  const { err } = context;
  context.io.stderr.write(`${err.bold(display)}: ${err.severity('error', 'error')}  ${message}\n`);
}

function reportConfig(context: Context, config: ConfigFile): void {
  const { err, locale } = context;
  for (const problem of config.problems) {
    context.io.stderr.write(
      `${err.severity('warning', 'warning')}  ${say(locale, 'configProblem', { problem })}\n`,
    );
  }
}

async function runFiles(context: Context): Promise<number> {
  const { args, io, locale } = context;
  const options = optionsOf(context);
  const { mode } = options;
  // Threads are not worth starting for a handful of files, unless asked for. Once enough files
  // are found for them to be used, the workers start booting while the rest is found.
  const wanted = args.jobs ?? defaultJobs();
  const pool = new Pool(options, io.entry);
  const discovery = discover(args.paths, io.cwd, locale, (found) => {
    if (found === Math.max(MIN_FILES_FOR_WORKERS, wanted)) pool.grow(wanted - 1);
  });
  const failed: Failed[] = discovery.problems.map((problem, at) => ({
    kind: 'error',
    index: -1 - at,
    display: problem.display,
    message: describeIoError(problem.error, locale),
  }));
  for (const problem of failed) reportError(context, problem.display, problem.message);

  // A config that cannot be read must not silently become the defaults: `fix` would then apply
  // fixes its owners turned off. Its files wait until it is repaired.
  const broken = new Set<string>();
  for (const config of discovery.configs) {
    if (config.error) {
      broken.add(config.path!);
      // The loader's message names the file for readers without context; here the line does.
      const reason = config.error.replace(`${config.path}: `, '');
      const message = say(locale, 'configError', { reason });
      const display = path.relative(io.cwd, config.path!);
      failed.push({ kind: 'error', index: -1 - failed.length, display, message });
      reportError(context, display, message);
    } else reportConfig(context, config);
  }
  const tasks =
    broken.size === 0
      ? discovery.tasks
      : discovery.tasks.filter((task) => !broken.has(loadConfigFor(task.file, locale).path ?? ''));

  // Results arrive in completion order and are printed in discovery order; only those waiting
  // for an earlier file are held. JSON and SARIF are one document, so they need every result.
  const pending = new Map<number, FileResult>();
  const report = reportWriter(context, mode);
  const tally = new Tally((severity) => atLeast(severity, args.maxSeverity));
  const progress = new Progress(io.stderr, io.stderr.isTTY === true, locale);
  let printed = 0;
  let done = 0;
  const emit = (result: FileResult) => {
    if (result.kind === 'skipped') return;
    if (result.kind === 'error') {
      failed.push(result);
      progress.clear();
      reportError(context, result.display, result.message);
      return;
    }
    tally.add(result.stats);
    if (report) {
      report.file(result.part);
      return;
    }
    const { chunks } = result.part;
    if (chunks.some((chunk) => chunk.length > 0)) {
      // Only output to the same terminal would run into the progress line.
      if (io.stdout.isTTY) progress.clear();
      for (const chunk of chunks) io.stdout.write(chunk);
    }
  };
  const positionOf = new Map(tasks.map((task, position) => [task.index, position]));
  const jobs = args.jobs === undefined && tasks.length < MIN_FILES_FOR_WORKERS ? 1 : wanted;
  try {
    pool.grow(Math.min(jobs, tasks.length) - 1);
    await pool.run(tasks, (result) => {
      pending.set(positionOf.get(result.index)!, result);
      done++;
      for (let next = pending.get(printed); next !== undefined; next = pending.get(printed)) {
        pending.delete(printed++);
        emit(next);
      }
      progress.update(done, tasks.length);
    });
  } catch (error) {
    progress.clear();
    io.stderr.write(`${say(locale, 'internalError', { reason: (error as Error).message })}\n`);
    return EXIT_TROUBLE;
  }
  progress.clear();

  if (report) report.end(failed, tally.summary(failed.length));
  else writeSummary(context, mode, tally, failed.length, tasks.length === 0 && failed.length === 0);
  return exitCode(tally, failed.length);
}

function writeSummary(context: Context, mode: Mode, tally: Tally, errors: number, nothing: boolean): void {
  const { io, locale, out } = context;
  if (nothing) {
    io.stderr.write(`${say(locale, 'noFiles')}\n`);
    return;
  }
  if (mode === 'check') {
    if (tally.findings === 0) {
      if (tally.files > 0 || errors === 0)
        io.stdout.write(`${say(locale, 'summaryClean', { files: tally.files })}\n`);
    } else {
      const breakdown = countsList(tally.bySeverity, locale);
      const line = say(locale, 'summaryFindings', {
        count: tally.findings,
        breakdown,
        withFindings: tally.filesWithFindings,
        files: tally.files,
        fixable: tally.fixable,
      });
      io.stdout.write(`${out.bold(line)}\n`);
      // Fix-all leaves some rules' safe fixes to `fix --rule`: without this line they would look
      // like problems to mend by hand.
      const count = Object.values(tally.fixableByRule).reduce((sum, n) => sum + n, 0);
      if (count > 0) {
        const rules = countsList(tally.fixableByRule, locale);
        io.stdout.write(`${say(locale, 'summaryFixableByRule', { count, rules })}\n`);
      }
    }
  } else {
    const key = mode === 'dry-run' ? 'dryRunSummary' : 'fixSummary';
    const args = { count: tally.fixed, changed: tally.changedFiles, files: tally.files, left: tally.left };
    // Under --dry-run stdout carries the diff, which must stay a clean patch.
    (mode === 'dry-run' ? io.stderr : io.stdout).write(`${say(locale, key, args)}\n`);
  }
  if (errors > 0) io.stderr.write(`${say(locale, 'summaryErrors', { count: errors })}\n`);
}

function exitCode(tally: Tally, errors: number): number {
  if (errors > 0) return EXIT_TROUBLE;
  return tally.failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

function reportWriter(context: Context, mode: Mode): ReportWriter | undefined {
  const { args, io, locale, version } = context;
  const write = (text: string) => io.stdout.write(text);
  if (args.format === 'json') return jsonReport(mode, version, write);
  if (args.format === 'sarif') return sarifReport(version, locale, io.cwd, write);
  return undefined;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** `-`: the text comes from stdin; `fix` writes the fixed text (or the diff) to stdout. */
async function runStdin(context: Context): Promise<number> {
  const { args, io, locale } = context;
  const options = optionsOf(context);
  const { mode } = options;
  const display = '<stdin>';
  let bytes: Buffer;
  try {
    bytes = await readAll(io.stdin);
  } catch (error) {
    reportError(context, display, describeIoError(error, locale));
    return EXIT_TROUBLE;
  }
  // Whatever goes wrong, a pipeline `fix - < a > b` must not leave b empty: the input passes through.
  const passThrough = () => {
    if (mode === 'fix') io.stdout.write(bytes);
  };
  if (bytes.length > MAX_FILE_BYTES) {
    reportError(context, display, tooLarge(locale, bytes.length));
    passThrough();
    return EXIT_TROUBLE;
  }
  const config = loadConfigForDirectory(io.cwd, locale);
  if (config.error) {
    reportError(context, config.path!, say(locale, 'configError', { reason: config.error }));
    passThrough();
    return EXIT_TROUBLE;
  }
  reportConfig(context, config);
  const outcome = processBytes(bytes, config.resolved, options, display, true);
  if (outcome.kind !== 'analysed') {
    const message = outcome.kind === 'error' ? outcome.message : say(locale, 'binary');
    reportError(context, display, message);
    passThrough();
    return EXIT_TROUBLE;
  }
  const result = finish({ display, ...outcome.result }, 0, options);
  const tally = new Tally((severity) => atLeast(severity, args.maxSeverity));
  tally.add(result.stats);
  const report = reportWriter(context, mode);
  if (report) {
    report.file(result.part);
    report.end([], tally.summary(0));
  } else if (mode === 'fix') io.stdout.write(outcome.output ?? bytes);
  else for (const chunk of result.part.chunks) io.stdout.write(chunk);
  if (args.format === 'text' && mode !== 'fix') writeSummary(context, mode, tally, 0, false);
  return exitCode(tally, 0);
}

async function runOutline(context: Context): Promise<number> {
  const { args, io, locale, out } = context;
  const given = args.paths[0]!;
  const display = given === '-' ? '<stdin>' : given;
  let bytes: Buffer;
  try {
    if (given === '-') bytes = await readAll(io.stdin);
    else {
      const stat = fs.statSync(path.resolve(io.cwd, given));
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (stat.size > MAX_FILE_BYTES) {
        reportError(context, display, tooLarge(locale, stat.size));
        return EXIT_TROUBLE;
      }
      bytes = fs.readFileSync(path.resolve(io.cwd, given));
    }
  } catch (error) {
    reportError(context, display, describeIoError(error, locale));
    return EXIT_TROUBLE;
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    reportError(context, display, say(locale, decoded.reason));
    return EXIT_TROUBLE;
  }
  const model = parse(decoded.text);
  const tree = outlineJson(outline(model), model.lineIndex);
  if (args.format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ path: display, encoding: decoded.encoding, outline: tree }, null, 2)}\n`,
    );
  } else if (tree.length === 0) io.stdout.write(`${out.dim(say(locale, 'noOutline'))}\n`);
  else io.stdout.write(`${outlineText(tree, out).join('\n')}\n`);
  return EXIT_CLEAN;
}

let cachedVersion: string | undefined;

/** From the package.json beside dist/, where npm installs it; the bundle carries no copy. */
function toolVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    cachedVersion = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion!;
}
