import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { dirtyTranscript, parseJson, run, tempDir, write } from './helpers';

function checkedFiles(dir: string, args: readonly string[] = ['.'], cwd = dir): string[] {
  const result = run(['check', '--format', 'json', ...args], { cwd });
  assert.notEqual(result.code, 2, result.stderr);
  return (parseJson(result.stdout) as { files: { path: string }[] }).files.map((file) =>
    file.path.split(path.sep).join('/'),
  );
}

test('folders expand to *.speech and to *.txt files that look like speeches', (t) => {
  const dir = tempDir(t);
  write(dir, 'a.speech', 'short, not even Chinese: still a transcript by its name');
  write(dir, 'b.txt', dirtyTranscript());
  write(dir, 'notes.txt', 'Shopping list: milk, eggs, bread.');
  write(dir, 'c.md', dirtyTranscript());
  write(dir, 'deep/er/d.SPEECH', dirtyTranscript());
  write(dir, 'node_modules/pkg/e.speech', dirtyTranscript());
  assert.deepEqual(checkedFiles(dir), ['a.speech', 'b.txt', 'deep/er/d.SPEECH']);
  // A file named on the command line is taken whatever its name or content.
  assert.deepEqual(checkedFiles(dir, ['notes.txt', 'c.md']), ['notes.txt', 'c.md']);
});

test('.gitignore files are respected, nested ones and negations included', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, '.git'));
  write(dir, '.gitignore', 'drafts/\n*.bak.speech\nold-*.speech\n!old-keep.speech\n');
  write(dir, 'keep.speech', dirtyTranscript());
  write(dir, 'x.bak.speech', dirtyTranscript());
  write(dir, 'old-1.speech', dirtyTranscript());
  write(dir, 'old-keep.speech', dirtyTranscript());
  write(dir, 'drafts/d.speech', dirtyTranscript());
  write(dir, 'sub/.gitignore', 'private.speech\n');
  write(dir, 'sub/private.speech', dirtyTranscript());
  write(dir, 'sub/public.speech', dirtyTranscript());
  assert.deepEqual(checkedFiles(dir), ['keep.speech', 'old-keep.speech', 'sub/public.speech']);
  // A subfolder given on its own is filtered by the repository's .gitignore above it too.
  write(dir, 'sub/old-2.speech', dirtyTranscript());
  assert.deepEqual(checkedFiles(dir, ['sub']), ['sub/public.speech']);
  assert.deepEqual(checkedFiles(dir, ['.'], path.join(dir, 'sub')), ['public.speech']);
  // Named explicitly, an ignored file is still checked: the user asked for it.
  assert.deepEqual(checkedFiles(dir, ['x.bak.speech']), ['x.bak.speech']);
});

test('the config file\'s "files" globs choose the transcripts of its folder', (t) => {
  const dir = tempDir(t);
  write(dir, '.speech-tidy.json', '{ "files": ["texts/**/*.md", "*.speech", "!skip.speech"] }');
  write(dir, 'texts/2020/a.md', dirtyTranscript());
  write(dir, 'b.speech', dirtyTranscript());
  write(dir, 'skip.speech', dirtyTranscript());
  write(dir, 'c.txt', dirtyTranscript());
  assert.deepEqual(checkedFiles(dir), ['b.speech', 'texts/2020/a.md']);
});

test('a leftover temporary file of an interrupted run is never taken for a transcript', (t) => {
  const dir = tempDir(t);
  write(dir, 'a.speech', dirtyTranscript());
  write(dir, '.a.speech.123-0-0.speech-tidy-tmp', dirtyTranscript());
  assert.deepEqual(checkedFiles(dir), ['a.speech']);
});

test('an empty folder is not an error', (t) => {
  const dir = tempDir(t);
  const result = run(['check', '.'], { cwd: dir });
  assert.equal(result.code, 0);
  assert.match(result.stderr, /No transcripts found/);
});
