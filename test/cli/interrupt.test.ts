import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { dirtyTranscript, makeFolder, parseJson, run, start, tempDir, write } from './helpers';

const FILES = 400;

/** Long enough that a run over a few hundred of them takes long enough to interrupt. */
const LONG = { prefix: 'batch', sections: 40 };

test('a fix run killed mid-way leaves every file either old or new, never half-written', async (t) => {
  const root = tempDir(t);
  const victim = path.join(root, 'victim');
  const reference = path.join(root, 'reference');
  const originals = makeFolder(victim, FILES, LONG);
  makeFolder(reference, FILES, LONG);

  // What each file becomes when the run is allowed to finish.
  const full = run(['fix', '.'], { cwd: reference });
  assert.equal(full.code, 0, full.stderr);
  const fixed = new Map(
    [...originals.keys()].map((name) => [name, fs.readFileSync(path.join(reference, name), 'utf8')]),
  );

  const child = start(['fix', '--jobs', '2', '.'], victim);
  let reported = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      reported += (chunk.toString().match(/: fixed /g) ?? []).length;
      if (reported >= 20 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  assert.equal(child.signalCode, 'SIGKILL', 'the run was interrupted before it finished');

  let old = 0;
  let renewed = 0;
  for (const [name, original] of originals) {
    const now = fs.readFileSync(path.join(victim, name), 'utf8');
    if (now === original) old++;
    else if (now === fixed.get(name)) renewed++;
    else assert.fail(`${name} is neither the old nor the new text`);
  }
  assert.ok(renewed >= 20, `${renewed} files were fixed before the kill`);
  assert.ok(old > 0, 'some files were not reached yet');

  // Leftover temporary files, if any, are ignored, and a second run completes the job.
  const again = run(['fix', '--format', 'json', '.'], { cwd: victim });
  assert.equal(again.code, 0, again.stderr);
  assert.equal((parseJson(again.stdout) as { files: unknown[] }).files.length, FILES);
  for (const [name, text] of fixed) assert.equal(fs.readFileSync(path.join(victim, name), 'utf8'), text);
});

test('worker threads give the same results, in the same order, as a single thread', (t) => {
  const dir = tempDir(t);
  for (let i = 0; i < 120; i++) write(dir, `d${i % 7}/f${i}.speech`, dirtyTranscript(i));
  const one = run(['check', '--format', 'json', '--jobs', '1', '.'], { cwd: dir });
  const many = run(['check', '--format', 'json', '--jobs', '3', '.'], { cwd: dir });
  assert.equal(one.code, 1);
  assert.equal(many.stdout, one.stdout);
  const text = run(['check', '--jobs', '2', '.'], { cwd: dir });
  assert.equal(text.stdout, run(['check', '--jobs', '1', '.'], { cwd: dir }).stdout);
});
