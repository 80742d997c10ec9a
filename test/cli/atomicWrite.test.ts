import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ChangedOnDiskError, snapshotOf, writeFileAtomic } from '../../server/src/cli/atomicWrite';
import { tempDir, write } from './helpers';

test('a file that changed since it was read is not overwritten, and no temporary file stays', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'a.speech', '旧的内容\n');
  const snapshot = snapshotOf(fs.statSync(file));
  // An editor saves a new version meanwhile.
  fs.writeFileSync(file, '编辑器里刚保存的内容\n');
  fs.utimesSync(file, new Date(), new Date(Date.now() + 2000));
  assert.throws(() => writeFileAtomic(file, Buffer.from('修复后的内容\n'), snapshot), ChangedOnDiskError);
  assert.equal(fs.readFileSync(file, 'utf8'), '编辑器里刚保存的内容\n');
  assert.deepEqual(fs.readdirSync(dir), ['a.speech']);
});

test('writing through a symbolic link replaces the target and keeps the link', (t) => {
  const dir = tempDir(t);
  const target = write(dir, 'real/a.speech', '旧的内容\n');
  const link = path.join(dir, 'link.speech');
  fs.symlinkSync(target, link);
  writeFileAtomic(link, Buffer.from('新的内容\n'), snapshotOf(fs.statSync(link)));
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(target, 'utf8'), '新的内容\n');
  assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['a.speech']);
});
