// The language the command line speaks: `--locale` first, then the shell's LC_ALL, LC_MESSAGES
// and LANG in POSIX order, English when none of them is Chinese. A Chinese user's shell usually
// has LANG=zh_CN.UTF-8 and nothing else; CI machines have C.UTF-8 or nothing at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTranscript, dirtyTranscript, type RunResult, run, tempDir, write } from './helpers';

const han = /\p{Script=Han}/u;

/** A message with the transcript's own text (inside “” or after a path) taken out. */
const ownWords = (line: string) => line.replace(/“[^”]*”/g, '').replace(/^\S+:\d+:\d+ {2}\S+ {2}\S+ {2}/, '');

function folder(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t);
  write(dir, 'a.speech', dirtyTranscript(1));
  write(dir, 'clean.speech', cleanTranscript());
  return dir;
}

function assertChinese(result: RunResult, what: string): void {
  const lines = `${result.stdout}${result.stderr}`.trimEnd().split('\n');
  assert.ok(lines.length > 1, `${what}: no output`);
  for (const line of lines) assert.match(ownWords(line), han, `${what}: “${line}” is not Chinese`);
}

function assertEnglish(result: RunResult, what: string): void {
  const lines = `${result.stdout}${result.stderr}`.trimEnd().split('\n');
  assert.ok(lines.length > 1, `${what}: no output`);
  for (const line of lines) assert.doesNotMatch(ownWords(line), han, `${what}: “${line}” is not English`);
}

test('check answers in Chinese with LANG=zh_CN.UTF-8 or --locale zh-cn, in English otherwise', (t) => {
  const dir = folder(t);
  const check = (args: string[], env: Record<string, string> = {}) =>
    run(['check', ...args, 'a.speech', 'clean.speech'], { cwd: dir, env });

  const fromLang = check([], { LANG: 'zh_CN.UTF-8' });
  assertChinese(fromLang, 'LANG=zh_CN.UTF-8');
  assert.match(fromLang.stdout.trimEnd().split('\n').at(-1)!, /共发现 \d+ 处问题/);
  assert.equal(check(['--locale', 'zh-cn']).stdout, fromLang.stdout);
  assert.equal(check(['--locale=zh-cn']).stdout, fromLang.stdout);

  const english = check([]);
  assertEnglish(english, 'LANG=C.UTF-8');
  assert.match(english.stdout.trimEnd().split('\n').at(-1)!, /^\d+ problems/);
  assert.equal(check([], { LANG: 'en_US.UTF-8' }).stdout, english.stdout);
  assert.equal(check([], { LANG: '' }).stdout, english.stdout, 'no locale at all');
  assert.equal(check([], { LANG: 'zh_TW.UTF-8' }).stdout, english.stdout, 'traditional Chinese is not ours');
  // The same findings, only in other words.
  const positions = (result: RunResult) =>
    result.stdout
      .trimEnd()
      .split('\n')
      .slice(0, -1)
      .map((line) => line.split('  ').slice(0, 3).join('  '));
  assert.deepEqual(positions(fromLang), positions(english));
});

test('LC_ALL outranks LC_MESSAGES, which outranks LANG; --locale outranks them all', (t) => {
  const dir = folder(t);
  const lastLine = (env: Record<string, string>, args: string[] = []) =>
    run(['check', ...args, 'a.speech'], { cwd: dir, env })
      .stdout.trimEnd()
      .split('\n')
      .at(-1)!;
  assert.match(lastLine({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }), /^\d+ problems/);
  assert.match(lastLine({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), /共发现/);
  assert.match(lastLine({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), /共发现/);
  assert.match(lastLine({ LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), /共发现/);
  assert.match(lastLine({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en']), /^\d+ problems/);
  assert.match(lastLine({ LC_ALL: 'en_US.UTF-8' }, ['--locale', 'zh-cn']), /共发现/);
});

test('fix, outline, help and usage errors speak the same language', (t) => {
  const dir = folder(t);
  const zh = { LANG: 'zh_CN.UTF-8' };

  const dryRun = run(['fix', '--dry-run', 'a.speech'], { cwd: dir, env: zh });
  assert.match(dryRun.stderr, /可修复 \d+ 处问题.*本次未写入任何文件/);
  const fixed = run(['fix', 'a.speech'], { cwd: dir, env: zh });
  assert.match(fixed.stdout, /^a\.speech: 已修复 \d+ 处（.+）；还剩 \d+ 处$/m);
  assert.match(fixed.stdout, /共修复 \d+ 处问题/);
  assert.match(run(['fix', 'clean.speech'], { cwd: dir }).stdout, /Fixed 0 problems/);

  write(dir, 'empty.speech', '\n');
  assert.match(run(['outline', 'empty.speech'], { cwd: dir, env: zh }).stdout, /（未发现结构）/);
  assert.match(run(['outline', 'empty.speech'], { cwd: dir }).stdout, /\(no structure found\)/);

  const help = run(['--help'], { cwd: dir, env: zh });
  assert.match(help.stdout, /^用法：speech-tidy/);
  assert.match(help.stdout, /退出码/);
  assert.match(run(['--help'], { cwd: dir }).stdout, /^Usage: speech-tidy/);

  const wrong = run(['check', '--format', 'xml', '.'], { cwd: dir, env: zh });
  assert.equal(wrong.code, 2);
  assertChinese(wrong, 'a usage error');
  assert.match(wrong.stderr, /--format 的取值只能是：text, json, sarif/);
  const missing = run(['check', 'nowhere.speech'], { cwd: dir, env: zh });
  assert.match(missing.stderr, /文件或文件夹不存在/);
});
