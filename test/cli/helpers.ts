// Running the real, bundled binary on throw-away folders, as a user's shell would.
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { analyze, applyEdits, fixAllEdits, RULES, resolveConfig } from '../../server/src/core';
import { REPO_ROOT } from '../support/fixtures';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
}

/** The environment of a plain English shell, whatever the machine running the tests has set. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  return { ...env, ...extra };
}

export function run(
  args: readonly string[],
  options: { cwd: string; input?: Buffer | string; env?: Record<string, string> },
): RunResult {
  const result: SpawnSyncReturns<Buffer> = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: cleanEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return {
    code: result.status,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
    stdoutBytes: result.stdout,
  };
}

/** Starts the binary without waiting for it, for tests that interrupt a run. */
export function start(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function write(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/**
 * `dirtyTranscript`'s text with `sections` more passages taken from its variants, so that a run
 * over a few hundred of them lasts long enough to be interrupted.
 */
function longTranscript(variant: number, sections: number): string {
  const body = Array.from({ length: sections }, (_, i) =>
    dirtyTranscript(variant + i)
      .split('\n')
      .slice(3, 8)
      .join('\n'),
  );
  return `${dirtyTranscript(variant)}${body.join('\n')}\n`;
}

/** `count` long transcripts named `prefix-0000.speech` on, by name with their text. */
export function makeFolder(
  dir: string,
  count: number,
  { prefix, sections }: { prefix: string; sections: number },
): Map<string, string> {
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const name = `${prefix}-${String(i).padStart(4, '0')}.speech`;
    const text = longTranscript(i, sections);
    write(dir, name, text);
    files.set(name, text);
  }
  return files;
}

/**
 * A transcript of our own with the residue websites leave: a header line, an ad with a space
 * inserted, `X` placeholders and half-width punctuation. `variant` changes the wording so that
 * many files differ.
 */
export function dirtyTranscript(variant = 0): string {
  return [
    '正文复制',
    `在全县第${variant + 1}次安全生产工作会议上的讲话`,
    '同志们：',
    `今天召开会议,主要是总结前一阶段的安全生产工作,安排部署下一步任务。更多资 料+微信:`,
    '一、提高认识，压实责任',
    `各级X委政府要把安全生产摆在突出位置,X员干部要带头履职尽责;一是加强排查，二是狠抓整改。`,
    '二、突出重点，狠抓落实',
    `要聚焦重点行业和关键环节,全面开展隐患排查整治,确保全县安全形势持续稳定。`,
    '谢谢大家！',
    '',
  ].join('\n');
}

/** A transcript with nothing to report. */
export function cleanTranscript(): string {
  return [
    '在全县春季植树活动动员会上的讲话',
    '同志们：',
    '今天我们召开动员会，部署今年的春季植树工作。希望大家积极参与，把好事办好。',
    '一、统一思想，提高认识',
    '植树造林是一项长期任务，各部门要高度重视，认真组织。',
    '谢谢大家！',
    '',
  ].join('\n');
}

/** What fix-all makes of `text` under the default settings: the core's answer, applied here. */
export function fixedByCore(text: string): string {
  const analysis = analyze(text, { config: resolveConfig({}, RULES), locale: 'en' });
  return applyEdits(text, fixAllEdits(analysis.findings));
}

export type TestEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Encodes with Node and iconv-lite directly, independently of the CLI's own encoder. */
export function encodeAs(text: string, encoding: TestEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message}):\n${text.slice(0, 500)}`);
  }
}
