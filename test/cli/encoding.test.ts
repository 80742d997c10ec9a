import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import {
  dirtyTranscript,
  encodeAs,
  fixedByCore,
  parseJson,
  run,
  type TestEncoding,
  tempDir,
  write,
} from './helpers';

const ENCODINGS: readonly TestEncoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'];

for (const encoding of ENCODINGS) {
  for (const crlf of [false, true]) {
    const label = `${encoding}${crlf ? ' with CRLF' : ''}`;
    test(`fix round-trips ${label} byte for byte apart from the fixes`, (t) => {
      const dir = tempDir(t);
      const lf = dirtyTranscript();
      const text = crlf ? lf.replace(/\n/g, '\r\n') : lf;
      const file = write(dir, 'speech.speech', encodeAs(text, encoding));

      const result = run(['fix', 'speech.speech'], { cwd: dir });
      assert.equal(result.stderr, '');
      const expected = fixedByCore(text);
      assert.notEqual(expected, text, 'the transcript has something to fix');
      assert.ok(expected.includes('党委政府') && expected.includes('，'), 'fixes were applied');
      assert.deepEqual(fs.readFileSync(file), encodeAs(expected, encoding));
      if (crlf) assert.ok(!/[^\r]\n/.test(expected), 'every line still ends in CRLF');
    });
  }

  test(`check reads ${encoding} and reports it`, (t) => {
    const dir = tempDir(t);
    write(dir, 'speech.speech', encodeAs(dirtyTranscript(), encoding));
    const result = run(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(result.code, 1);
    const report = parseJson(result.stdout) as { files: { encoding: string; findings: unknown[] }[] };
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0]!.encoding, encoding);
    assert.ok(report.files[0]!.findings.length > 5);
  });
}

test('a .txt transcript in GBK is found in a folder and fixed in GBK', (t) => {
  const dir = tempDir(t);
  const text = dirtyTranscript(3).replace(/\n/g, '\r\n');
  const file = write(dir, 'archive/old.txt', iconv.encode(text, 'gbk'));
  const result = run(['fix', '.'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /archive[/\\]old\.txt: fixed \d+/);
  assert.deepEqual(fs.readFileSync(file), iconv.encode(fixedByCore(text), 'gbk'));
});

test('a file that cannot be decoded with confidence is reported and left untouched', (t) => {
  const dir = tempDir(t);
  // Chinese in Big5: every byte pair is also a valid GBK pair, but the text it gives is nonsense.
  const big5 = write(dir, 'big5.speech', iconv.encode(dirtyTranscript().replace(/党|X/g, '黨'), 'big5'));
  // Latin-1 bytes that are valid in no encoding we read.
  const latin1 = write(dir, 'latin1.speech', Buffer.from('Caf\xe9 cr\xe8me, d\xe9j\xe0 vu. ', 'latin1'));
  // A UTF-16 BOM with an odd number of bytes after it.
  const odd = write(dir, 'odd.speech', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
  const before = [big5, latin1, odd].map((file) => fs.readFileSync(file));

  const result = run(['fix', '.'], { cwd: dir });
  assert.equal(result.code, 2);
  for (const name of ['big5.speech', 'latin1.speech', 'odd.speech']) {
    assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')}: error .*cannot tell its encoding`));
  }
  assert.deepEqual(
    [big5, latin1, odd].map((file) => fs.readFileSync(file)),
    before,
  );
});

test('a binary .txt in a folder is not a transcript; a named binary file is an error', (t) => {
  const dir = tempDir(t);
  write(dir, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
  write(dir, 'speech.speech', dirtyTranscript());
  const folder = run(['check', '.'], { cwd: dir });
  assert.equal(folder.code, 1);
  assert.doesNotMatch(folder.stderr, /image\.txt/);

  const named = run(['check', 'image.txt'], { cwd: dir });
  assert.equal(named.code, 2);
  assert.match(named.stderr, /image\.txt: error .*binary/);
});
