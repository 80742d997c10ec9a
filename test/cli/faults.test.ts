// `speech-tidy fix` under faults: runs killed at random points (SIGKILL, SIGTERM, SIGINT) leave
// every file either old or new, and the next run finishes the job; a read-only file, a file
// that vanishes, a directory where a file was, and a file an editor saves meanwhile are reported
// and skipped while the other files are fixed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { propertySeed } from '../support/generators';
import {
  CLI,
  cleanEnv,
  dirtyTranscript,
  fixedByCore,
  makeFolder,
  parseJson,
  run,
  start,
  tempDir,
  write,
} from './helpers';

/** Faults injected by this file, for the figures of the README's Reliability section. */
let faults = 0;

/** Long enough that a run over a few hundred of them is hit while it works. */
const LONG = { prefix: 'f', sections: 30 };

/** Waits for a child to end, collecting its output. */
function finished(
  child: ReturnType<typeof start>,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('a fix run killed at random points', () => {
  test('leaves every file either old or new, and the next run finishes the job', async (t) => {
    const FILES = 150;
    const root = tempDir(t);
    const reference = path.join(root, 'reference');
    const originals = makeFolder(reference, FILES, LONG);
    const started = Date.now();
    const full = run(['fix', '--jobs', '2', '.'], { cwd: reference });
    const duration = Date.now() - started;
    assert.equal(full.code, 0, full.stderr);
    const fixed = new Map(
      [...originals.keys()].map((name) => [name, fs.readFileSync(path.join(reference, name), 'utf8')]),
    );
    for (const [name, text] of originals) assert.equal(fixed.get(name), fixedByCore(text), name);

    // Kill times drawn uniformly from the property seed: fixed for npm test, random for npm run fuzz.
    let state = propertySeed() >>> 0;
    const draw = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
    const signals: readonly NodeJS.Signals[] = ['SIGKILL', 'SIGKILL', 'SIGTERM', 'SIGINT'];
    const kills = Array.from({ length: 5 }, () => ({
      percent: 5 + Math.floor(draw() * 90),
      signal: signals[Math.floor(draw() * signals.length)]!,
      jobs: draw() < 0.5 ? '1' : '2',
    }));
    let old = 0;
    let renewed = 0;
    for (const [index, kill] of kills.entries()) {
      const victim = path.join(root, `victim-${index}`);
      makeFolder(victim, FILES, LONG);
      const child = start(['fix', '--jobs', kill.jobs, '.'], victim);
      const outcome = finished(child);
      const delay = Math.round((kill.percent / 100) * duration);
      const timer = setTimeout(() => child.kill(kill.signal), delay);
      const { code, signal } = await outcome;
      clearTimeout(timer);
      faults++;
      for (const [name, original] of originals) {
        const now = fs.readFileSync(path.join(victim, name), 'utf8');
        if (now === original) old++;
        else if (now === fixed.get(name)) renewed++;
        else assert.fail(`${name} is neither the old nor the new text after ${kill.signal} at ${delay} ms`);
      }
      t.diagnostic(`${kill.signal} after ${delay} ms (--jobs ${kill.jobs}): ${signal ?? `exit ${code}`}`);
      // Whatever the kill left (temporary files included) does not stop the next run.
      const again = run(['fix', '--format', 'json', '.'], { cwd: victim });
      assert.equal(again.code, 0, again.stderr);
      assert.equal((parseJson(again.stdout) as { files: unknown[] }).files.length, FILES);
      for (const [name, text] of fixed)
        assert.equal(fs.readFileSync(path.join(victim, name), 'utf8'), text, name);
    }
    t.diagnostic(
      `${kills.length} kills over ${kills.length * FILES} files: ${renewed} new, ${old} old, none torn`,
    );
  });
});

/** Runs the CLI as an ordinary user when the tests run as root, for whom nothing is read-only. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** A folder the CLI's user may write in, with `count` dirty transcripts. */
function userFolder(
  t: { after: (fn: () => void) => void },
  count: number,
): { dir: string; files: Map<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-faults-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.chmodSync(dir, 0o777);
  const files = makeFolder(dir, count, LONG);
  if (asUser.uid !== undefined)
    for (const name of files.keys()) fs.chownSync(path.join(dir, name), asUser.uid, asUser.gid!);
  return { dir, files };
}

function runAs(args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    ...asUser,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('files that cannot be fixed are reported and skipped', () => {
  test('a read-only file is left as it is and reported; the others are fixed', (t) => {
    const { dir, files } = userFolder(t, 3);
    const readOnly = path.join(dir, 'f-0001.speech');
    fs.chmodSync(readOnly, 0o444);
    faults++;
    const result = runAs(['fix', '.'], dir);
    assert.equal(
      fs.readFileSync(readOnly, 'utf8'),
      files.get('f-0001.speech'),
      'the read-only file is unchanged',
    );
    assert.match(result.stderr, /f-0001\.speech.*permission denied|read-only/);
    assert.equal(result.code, 2);
    for (const name of ['f-0000.speech', 'f-0002.speech'])
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fixedByCore(files.get(name)!));
  });

  test('a file in a folder the user may not write in is reported and left; the others are fixed', (t) => {
    const { dir, files } = userFolder(t, 2);
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    write(locked, 'g.speech', dirtyTranscript(7));
    if (asUser.uid !== undefined) {
      fs.chownSync(path.join(locked, 'g.speech'), asUser.uid, asUser.gid!);
      fs.chownSync(locked, 0, 0);
    }
    fs.chmodSync(locked, 0o555);
    faults++;
    let result: ReturnType<typeof runAs>;
    try {
      result = runAs(['fix', '.'], dir);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /locked[/\\]g\.speech.*permission denied/);
    assert.equal(fs.readFileSync(path.join(locked, 'g.speech'), 'utf8'), dirtyTranscript(7));
    assert.deepEqual(fs.readdirSync(locked), ['g.speech'], 'no temporary file left');
    for (const [name, text] of files)
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fixedByCore(text));
  });

  test('a file named on the command line that does not exist is reported; the others are fixed', (t) => {
    const dir = tempDir(t);
    write(dir, 'a.speech', dirtyTranscript(1));
    faults++;
    const result = run(['fix', 'a.speech', 'gone.speech'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /gone\.speech.*no such file or folder/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.speech'), 'utf8'), fixedByCore(dirtyTranscript(1)));
  });

  /**
   * Starts a one-thread run over a folder and, once the first file is reported, does `fault` to
   * the last one, which the run has not reached yet.
   */
  async function faultDuringRun(
    t: { after: (fn: () => void) => void },
    fault: (file: string) => void,
  ): Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    dir: string;
    files: Map<string, string>;
  }> {
    const dir = tempDir(t);
    const files = makeFolder(dir, 120, LONG);
    const last = path.join(dir, [...files.keys()].at(-1)!);
    const child = start(['fix', '--jobs', '1', '.'], dir);
    let done = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!done && chunk.toString().includes('fixed')) {
        done = true;
        fault(last);
      }
    });
    const result = await finished(child);
    assert.ok(done, 'the fault was injected during the run');
    faults++;
    return { ...result, dir, files };
  }

  /** Every file but the last was fixed. */
  function othersFixed(dir: string, files: Map<string, string>): void {
    const names = [...files.keys()];
    for (const name of names.slice(0, -1))
      assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), fixedByCore(files.get(name)!), name);
  }

  test('a file that vanishes during the run is reported and skipped', async (t) => {
    const { code, stderr, dir, files } = await faultDuringRun(t, (file) => fs.rmSync(file));
    assert.equal(code, 2, stderr);
    assert.match(stderr, /f-0119\.speech.*no such file or folder/);
    assert.equal(fs.existsSync(path.join(dir, 'f-0119.speech')), false, 'it was not written back');
    othersFixed(dir, files);
  });

  test('a directory where the file was is reported as not a file and left alone', async (t) => {
    const { code, stderr, dir, files } = await faultDuringRun(t, (file) => {
      fs.rmSync(file);
      fs.mkdirSync(file);
    });
    assert.equal(code, 2, stderr);
    assert.match(stderr, /f-0119\.speech.*not a regular file/);
    assert.ok(fs.statSync(path.join(dir, 'f-0119.speech')).isDirectory());
    othersFixed(dir, files);
  });

  test('a file an editor saves during the run is left with the editor’s text', async (t) => {
    const saved = '编辑器刚保存的内容，不能被覆盖。\n';
    const { code, stderr, dir, files } = await faultDuringRun(t, (file) => {
      fs.writeFileSync(file, saved);
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    });
    // Read after the save, the file is fixed from the editor's text; read before, it is left alone.
    const now = fs.readFileSync(path.join(dir, 'f-0119.speech'), 'utf8');
    assert.ok(now === saved || now === fixedByCore(saved), `neither the saved text nor its fix: ${now}`);
    if (code === 2) assert.match(stderr, /f-0119\.speech.*changed on disk/);
    othersFixed(dir, files);
  });

  test('a directory named like a transcript is walked as a folder, never read as a file', (t) => {
    const dir = tempDir(t);
    write(dir, 'a.speech', dirtyTranscript(1));
    write(dir, 'chapter.speech/inner.speech', dirtyTranscript(2));
    fs.mkdirSync(path.join(dir, 'empty.speech'));
    faults++;
    const result = run(['fix', '.'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /not a regular file|EISDIR/);
    assert.equal(
      fs.readFileSync(path.join(dir, 'chapter.speech', 'inner.speech'), 'utf8'),
      fixedByCore(dirtyTranscript(2)),
    );
    assert.ok(fs.statSync(path.join(dir, 'empty.speech')).isDirectory());
  });

  test('a dangling link named like a transcript is skipped in a folder and reported when named', (t) => {
    const dir = tempDir(t);
    write(dir, 'a.speech', dirtyTranscript(1));
    fs.symlinkSync(path.join(dir, 'nowhere.speech'), path.join(dir, 'dangling.speech'));
    faults++;
    const walked = run(['fix', '.'], { cwd: dir });
    assert.equal(walked.code, 0, walked.stderr);
    const named = run(['fix', 'dangling.speech'], { cwd: dir });
    assert.equal(named.code, 2);
    assert.match(named.stderr, /dangling\.speech.*no such file or folder/);
  });

  test('figures', (t) => {
    t.diagnostic(`${faults} faults injected by this file`);
  });
});
