// The command line, checked whole before any file is touched: a typo in an option must not turn
// into a run with defaults.
import * as os from 'node:os';
import { parseArgs } from 'node:util';
import { type Locale, RULES, type Severity, toLocale } from '../core';
import { say } from './texts';

export type Command = 'check' | 'fix' | 'outline';
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliArgs {
  readonly command: Command;
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly maxSeverity: Severity;
  readonly dryRun: boolean;
  /** For `fix`: the one rule whose safe fixes to apply, instead of fix-all's. */
  readonly rule: string | undefined;
  /** Undefined: one thread per CPU, or none for a handful of files. */
  readonly jobs: number | undefined;
  /** Undefined: decide per stream (terminal, NO_COLOR, FORCE_COLOR). */
  readonly color: boolean | undefined;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: CliArgs; readonly locale: Locale }
  | { readonly kind: 'help' | 'version'; readonly locale: Locale }
  | { readonly kind: 'usage-error'; readonly message: string; readonly locale: Locale };

const COMMANDS: readonly Command[] = ['check', 'fix', 'outline'];
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const SEVERITY_ORDER: readonly Severity[] = ['hint', 'information', 'warning', 'error'];
const MAX_JOBS = 64;

/** The shell's language, as `LC_ALL` > `LC_MESSAGES` > `LANG` decide it in POSIX. */
export function environmentLocale(env: NodeJS.ProcessEnv): Locale {
  return toLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  let locale = environmentLocale(env);
  // The language is needed for the error messages, so it is looked for before anything can fail.
  const localeAt = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  if (localeAt >= 0) {
    const value = argv[localeAt]!.includes('=') ? argv[localeAt]!.split('=')[1] : argv[localeAt + 1];
    if (value === 'en' || value === 'zh-cn' || value?.toLowerCase().startsWith('zh'))
      locale = toLocale(value);
  }
  const fail = (message: string): ParsedArgs => ({ kind: 'usage-error', message, locale });

  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', locale };
  if (values.version) return { kind: 'version', locale };

  if (values.locale !== undefined && !['en', 'zh-cn'].includes(values.locale.toLowerCase())) {
    return fail(say(locale, 'badOption', { option: '--locale', values: 'en, zh-cn' }));
  }
  const [command, ...paths] = positionals;
  if (command === undefined) return fail(say(locale, 'noCommand'));
  if (!COMMANDS.includes(command as Command)) return fail(say(locale, 'unknownCommand', { command }));
  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format))
    return fail(say(locale, 'badOption', { option: '--format', values: FORMATS.join(', ') }));
  const maxSeverity = (values['max-severity'] ?? 'hint') as Severity;
  if (!SEVERITY_ORDER.includes(maxSeverity)) {
    return fail(
      say(locale, 'badOption', {
        option: '--max-severity',
        values: [...SEVERITY_ORDER].reverse().join(', '),
      }),
    );
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS))
    return fail(say(locale, 'badJobs'));
  if (format === 'sarif' && command !== 'check') return fail(say(locale, 'sarifOnlyCheck'));
  if (values['dry-run'] && command !== 'fix') return fail(say(locale, 'dryRunOnlyFix'));
  if (values.rule !== undefined && command !== 'fix') return fail(say(locale, 'ruleOnlyFix'));
  if (values.rule !== undefined && !RULES.some((rule) => rule.id === values.rule))
    return fail(
      say(locale, 'badOption', { option: '--rule', values: RULES.map((rule) => rule.id).join(', ') }),
    );
  if (command === 'outline' && paths.length !== 1) return fail(say(locale, 'outlineOneFile'));
  const stdinCount = paths.filter((p) => p === '-').length;
  if (stdinCount > 1) return fail(say(locale, 'stdinOnce'));
  if (stdinCount === 1 && paths.length > 1) return fail(say(locale, 'stdinAlone'));
  if (stdinCount === 1 && command === 'fix' && format !== 'text' && !values['dry-run'])
    return fail(say(locale, 'stdinFixText'));

  const color = values['no-color'] ? false : values.color ? true : undefined;
  return {
    kind: 'run',
    locale,
    args: {
      command: command as Command,
      paths: paths.length > 0 ? paths : ['.'],
      format,
      maxSeverity,
      dryRun: values['dry-run'] === true,
      rule: values.rule,
      jobs,
      color,
    },
  };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'max-severity': { type: 'string' },
      'dry-run': { type: 'boolean' },
      rule: { type: 'string' },
      locale: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(MAX_JOBS, os.availableParallelism?.() ?? os.cpus().length));
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(threshold);
}
