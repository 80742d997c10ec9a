// Which files a run looks at. A file named on the command line is always taken; folders expand to
// transcripts (`*.speech`, `*.txt` that looks like one, or the config's `files` globs), minus what
// the .gitignore files of the folder and of its repository above it list, as git would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { type ConfigFile, loadConfigForDirectory, matchesConfigFiles } from '../configFile';
import type { Locale } from '../core';
import { TEMP_SUFFIX } from './atomicWrite';
import type { Task } from './processFile';

/** Never transcripts, and large enough to slow a run down even when .gitignore forgets them. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface DiscoveryProblem {
  readonly display: string;
  readonly error: unknown;
}

export interface Discovery {
  readonly tasks: Task[];
  readonly problems: DiscoveryProblem[];
  /** Every config file that governs a task, once each, for its problems to be reported. */
  readonly configs: ConfigFile[];
}

interface IgnoreLevel {
  readonly base: string;
  readonly rules: Ignore;
}

/** `onFound` hears the number of files found so far, each time it grows. */
export function discover(
  paths: readonly string[],
  cwd: string,
  locale: Locale = 'en',
  onFound: (count: number) => void = () => {},
): Discovery {
  const tasks: Task[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const configs = new Map<string, ConfigFile>();
  const configOf = (directory: string) => {
    const config = loadConfigForDirectory(directory, locale);
    if (config.path) configs.set(config.path, config);
    return config;
  };
  /** `relative`: `file` relative to `cwd`, when the caller knows it already. */
  const display = (file: string, relative = path.relative(cwd, file)) =>
    relative === '' ? '.' : relative.startsWith(`..${path.sep}`) ? file : relative;
  const add = (file: string, selected: boolean, shown = display(file)) => {
    if (seen.has(file)) return;
    seen.add(file);
    tasks.push({ index: tasks.length, file, display: shown, selected });
    onFound(tasks.length);
  };

  const walk = (directory: string, levels: readonly IgnoreLevel[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push({ display: display(directory), error });
      return;
    }
    const own = readGitignore(directory);
    const here = own ? [...levels, own] : levels;
    const config = configOf(directory);
    // A file's path relative to `cwd` is its folder's and its name: working it out from scratch
    // for every file took a third of the time spent finding ten thousand of them.
    const relativeDirectory = path.relative(cwd, directory);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      const shown = () =>
        display(full, relativeDirectory === '' ? entry.name : path.join(relativeDirectory, entry.name));
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Links to files are followed; links to folders are not, so that no cycle can trap a run.
        const target = fs.statSync(full, { throwIfNoEntry: false });
        isFile = target?.isFile() ?? false;
        isDirectory = false;
      }
      if (isDirectory) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !isIgnored(here, full, true)) walk(full, here);
      } else if (isFile && !entry.name.endsWith(TEMP_SUFFIX) && !isIgnored(here, full, false)) {
        const selected = matchesConfigFiles(config, full);
        if (selected !== undefined) {
          if (selected) add(full, true, shown());
        } else if (/\.speech$/i.test(entry.name)) add(full, true, shown());
        else if (/\.txt$/i.test(entry.name)) add(full, false, shown());
      }
    }
  };

  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      problems.push({ display: given, error });
      continue;
    }
    if (stat.isDirectory()) walk(full, ancestorGitignores(full));
    else {
      configOf(path.dirname(full));
      add(full, true);
    }
  }
  return { tasks, problems, configs: [...configs.values()] };
}

function readGitignore(directory: string): IgnoreLevel | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

/**
 * The .gitignore files between the repository's root and `directory`, outermost first, so that a
 * subfolder given on the command line is filtered as the repository filters it. Outside a
 * repository only the folder's own files count.
 */
function ancestorGitignores(directory: string): IgnoreLevel[] {
  const chain: string[] = [];
  let dir = path.dirname(directory);
  let root: string | undefined;
  for (let child = directory; dir !== child; child = dir, dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git'))) {
      root = dir;
      break;
    }
  }
  if (fs.existsSync(path.join(directory, '.git')) || root === undefined) return [];
  return chain.map(readGitignore).filter((level): level is IgnoreLevel => level !== undefined);
}

/** Later (deeper) files override earlier ones, and a `!pattern` re-includes, as in git. */
function isIgnored(levels: readonly IgnoreLevel[], full: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const relative = path.relative(level.base, full).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../')) continue;
    const verdict = level.rules.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
