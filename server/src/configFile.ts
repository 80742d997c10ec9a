// `.speech-tidy.json`: the settings a folder of transcripts carries with it, shared by the CLI and
// the language server so that CI and the editor report the same findings. The nearest file up
// from a transcript applies; files are not merged, so what a folder's file says is all it gets.
// Reading is synchronous because it is a stat or two per lookup and keeps the server's
// per-document path free of awaits; nothing in here throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import picomatch from 'picomatch';
import {
  format,
  isRecord,
  type Locale,
  type MessageArgs,
  type ResolvedConfig,
  RULES,
  resolveConfig,
  type SpeechTidySettings,
} from './core';
import { decodeFile, withoutByteOrderMark } from './decoding';

export const CONFIG_FILE_NAME = '.speech-tidy.json';

export interface ConfigFile {
  /** The `.speech-tidy.json` that applies, or undefined when there is none up to the root. */
  readonly path: string | undefined;
  /** Only the keys the file sets, so that `mergeSettings` can tell what it leaves open. */
  readonly settings: SpeechTidySettings;
  /** Globs relative to the file's folder that select transcripts; undefined when not set. */
  readonly files: readonly string[] | undefined;
  /** The file as a whole could not be used (unreadable, not JSON, not an object); settings are empty. */
  readonly error: string | undefined;
  /** Parts that were ignored, each prefixed with the file's path; the rest applies. */
  readonly problems: readonly string[];
  /** `settings` validated and compiled against the core's rules, ready for `analyze`. */
  readonly resolved: ResolvedConfig;
}

const SETTING_KEYS = ['rules', 'watermarkPhrases', 'placeholderMappings', 'ignoredPhrases'] as const;
const KNOWN_KEYS = new Set<string>([...SETTING_KEYS, 'files', '$schema']);
/** Large enough for any hand-written config; beyond it the file is not what it claims to be. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** What can be wrong with a config file, in the language of the editor or the terminal. */
const TEXTS = {
  tooLarge: { en: 'larger than {size} KB', 'zh-cn': '文件超过 {size} KB' },
  syntax: {
    en: '{error} at line {line}, column {column}{more}',
    'zh-cn': '第 {line} 行第 {column} 列：{error}{more}',
  },
  moreErrors: { en: ' (and {count} more)', 'zh-cn': '（另有 {count} 处错误）' },
  notObject: { en: 'expected a JSON object at the top level', 'zh-cn': '最外层应为 JSON 对象' },
  unknownKey: { en: 'unknown key "{key}"', 'zh-cn': '未知的键“{key}”' },
  notList: { en: '{key}: expected a list of strings', 'zh-cn': '{key}：应为字符串列表' },
  notRecord: { en: '{key}: expected an object', 'zh-cn': '{key}：应为对象' },
  badGlob: {
    en: 'files: ignored an entry that is not a non-empty string',
    'zh-cn': 'files：忽略了一项不是非空字符串的内容',
  },
  permission: { en: 'permission denied', 'zh-cn': '没有访问权限' },
  isFolder: { en: 'is a folder, not a file', 'zh-cn': '这是文件夹，不是文件' },
} as const;

const say = (locale: Locale, key: keyof typeof TEXTS, args: MessageArgs = {}) =>
  format(TEXTS[key], locale, args);

const NONE: ConfigFile = {
  path: undefined,
  settings: {},
  files: undefined,
  error: undefined,
  problems: [],
  resolved: resolveConfig({}, RULES),
};

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly config: ConfigFile;
}

const cache = new Map<string, CacheEntry>();
const matchers = new WeakMap<ConfigFile, (relative: string) => boolean>();

/**
 * The config that applies to `filePath`: the nearest `.speech-tidy.json` in its folder or above,
 * with what is wrong with it described in `locale`.
 */
export function loadConfigFor(filePath: string, locale: Locale = 'en'): ConfigFile {
  return loadConfigForDirectory(path.dirname(path.resolve(filePath)), locale);
}

/** The config that applies to files directly inside `directory`. */
export function loadConfigForDirectory(directory: string, locale: Locale = 'en'): ConfigFile {
  let dir = path.resolve(directory);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(candidate, { throwIfNoEntry: false });
    } catch (error) {
      // A folder we may not look into: say so rather than silently use a config further up.
      if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR')
        return failed(candidate, describeError(error, locale));
    }
    if (stat?.isFile()) return loadFile(candidate, stat, locale);
    const parent = path.dirname(dir);
    if (parent === dir) return NONE;
    dir = parent;
  }
}

/** Forgets every parsed file; the next lookup reads them again. */
export function clearConfigCache(): void {
  cache.clear();
}

/**
 * Whether `filePath` is selected by the config's `files` globs, or undefined when the config has
 * none (then the caller's default applies: `*.speech`, and `*.txt` that looks like a speech).
 * A glob starting with `!` deselects what earlier globs selected.
 */
export function matchesConfigFiles(config: ConfigFile, filePath: string): boolean | undefined {
  if (!config.files || !config.path) return undefined;
  let matcher = matchers.get(config);
  if (!matcher) {
    matcher = compileGlobs(config.files);
    matchers.set(config, matcher);
  }
  const relative = path.relative(path.dirname(config.path), path.resolve(filePath)).split(path.sep).join('/');
  if (relative.startsWith('../')) return false;
  return matcher(relative);
}

/**
 * The settings that apply in the editor: the file wins over VS Code settings key by key (per rule
 * id, per placeholder), and phrase lists are joined. The file is what the folder's owners
 * committed and what `speech-tidy check` runs in CI, so the editor must not contradict it; a
 * person's own settings still fill in whatever the file leaves open.
 */
export function mergeSettings(editor: SpeechTidySettings, file: SpeechTidySettings): SpeechTidySettings {
  const joined = (a?: readonly string[], b?: readonly string[]) =>
    a === undefined && b === undefined ? undefined : [...new Set([...(a ?? []), ...(b ?? [])])];
  const merged: Record<string, unknown> = { ...editor };
  if (editor.rules !== undefined || file.rules !== undefined)
    merged.rules = { ...editor.rules, ...file.rules };
  if (editor.placeholderMappings !== undefined || file.placeholderMappings !== undefined)
    merged.placeholderMappings = { ...editor.placeholderMappings, ...file.placeholderMappings };
  const watermarks = joined(editor.watermarkPhrases, file.watermarkPhrases);
  if (watermarks) merged.watermarkPhrases = watermarks;
  const ignored = joined(editor.ignoredPhrases, file.ignoredPhrases);
  if (ignored) merged.ignoredPhrases = ignored;
  return merged as SpeechTidySettings;
}

function loadFile(file: string, stat: fs.Stats, locale: Locale): ConfigFile {
  const key = `${locale}\u0000${file}`;
  const cached = cache.get(key);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
  const config = parseFile(file, stat, locale);
  cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, config });
  return config;
}

function parseFile(file: string, stat: fs.Stats, locale: Locale): ConfigFile {
  if (stat.size > MAX_CONFIG_BYTES)
    return failed(file, say(locale, 'tooLarge', { size: MAX_CONFIG_BYTES / 1024 }));
  let text: string;
  try {
    // As the editor reads it: by its byte-order mark, UTF-8 without one.
    text = decodeFile(fs.readFileSync(file));
  } catch (error) {
    return failed(file, describeError(error, locale));
  }
  return parseConfigText(file, text, locale);
}

/** Parses the text of a config file; exported for the server, which may hold unsaved text. */
export function parseConfigText(file: string, text: string, locale: Locale = 'en'): ConfigFile {
  const errors: ParseError[] = [];
  // Positions are read in the text the parser saw, as the editor shows it: without the mark.
  const body = withoutByteOrderMark(text);
  const root: unknown = parse(body, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  if (errors.length > 0) {
    const first = errors[0]!;
    const { line, column } = lineColumn(body, first.offset);
    const more = errors.length > 1 ? say(locale, 'moreErrors', { count: errors.length - 1 }) : '';
    return failed(
      file,
      say(locale, 'syntax', { error: printParseErrorCode(first.error), line, column, more }),
    );
  }
  if (!isRecord(root)) return failed(file, say(locale, 'notObject'));

  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(root)) {
    if (!KNOWN_KEYS.has(key)) problems.push(say(locale, 'unknownKey', { key }));
  }
  for (const key of SETTING_KEYS) {
    const value = root[key];
    if (value === undefined) continue;
    const isList = key === 'watermarkPhrases' || key === 'ignoredPhrases';
    if (isList ? Array.isArray(value) : isRecord(value)) settings[key] = value;
    else problems.push(say(locale, isList ? 'notList' : 'notRecord', { key }));
  }
  let files: string[] | undefined;
  if (root.files !== undefined) {
    const values = Array.isArray(root.files) ? root.files : [root.files];
    files = values.filter((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (files.length !== values.length) problems.push(say(locale, 'badGlob'));
  }
  const resolved = resolveConfig(settings, RULES, locale);
  problems.push(...resolved.problems);
  return {
    path: file,
    settings: settings as SpeechTidySettings,
    files,
    error: undefined,
    problems: problems.map((problem) => `${file}: ${problem}`),
    resolved,
  };
}

function compileGlobs(globs: readonly string[]): (relative: string) => boolean {
  const rules = globs.map((glob) => {
    const negated = glob.startsWith('!');
    const pattern = (negated ? glob.slice(1) : glob).replace(/^\.\//, '');
    // A pattern without a slash matches at any depth, as in .gitignore and most tools' `files`.
    const matcher = picomatch(pattern, { dot: true, matchBase: !pattern.includes('/') });
    return { negated, matcher };
  });
  return (relative) => {
    let selected = false;
    for (const rule of rules) if (rule.matcher(relative)) selected = !rule.negated;
    return selected;
  };
}

function failed(file: string, reason: string): ConfigFile {
  return { ...NONE, path: file, error: `${file}: ${reason}` };
}

function describeError(error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return say(locale, 'permission');
  if (code === 'EISDIR') return say(locale, 'isFolder');
  return (error as Error).message;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
