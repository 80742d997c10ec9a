import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import {
  cleanTranscript,
  dirtyTranscript,
  encodeAs,
  fixedByCore,
  parseJson,
  run,
  tempDir,
  write,
} from './helpers';

test('exit codes: 0 clean, 1 findings at or above --max-severity, 2 usage or I/O error', (t) => {
  const dir = tempDir(t);
  write(dir, 'clean.speech', cleanTranscript());
  write(dir, 'dirty.speech', dirtyTranscript());
  write(dir, 'slot.speech', cleanTranscript().replace('今天我们', 'XX同志和我们'));

  assert.equal(run(['check', 'clean.speech'], { cwd: dir }).code, 0);
  assert.equal(run(['check', 'dirty.speech'], { cwd: dir }).code, 1);
  // The template slot is reported at "information" only.
  assert.equal(run(['check', 'slot.speech'], { cwd: dir }).code, 1);
  assert.equal(run(['check', '--max-severity', 'warning', 'slot.speech'], { cwd: dir }).code, 0);
  assert.equal(run(['check', '--max-severity', 'error', 'dirty.speech'], { cwd: dir }).code, 0);

  for (const usage of [
    [],
    ['lint'],
    ['check', '--bogus'],
    ['check', '--format', 'xml'],
    ['check', '--max-severity', 'fatal'],
    ['check', '--jobs', '0'],
    ['fix', '--format', 'sarif'],
    ['check', '--dry-run'],
    ['check', '--rule', 'watermark'],
    ['fix', '--rule', 'no-such-rule'],
    ['outline'],
    ['outline', 'a', 'b'],
    ['fix', '-', 'clean.speech'],
  ]) {
    const result = run(usage, { cwd: dir });
    assert.equal(result.code, 2, `${usage.join(' ')} is a usage error`);
    assert.match(result.stderr, /speech-tidy: .*\nRun "speech-tidy --help"/);
    assert.equal(result.stdout, '');
  }
  const missing = run(['check', 'clean.speech', 'nowhere.speech'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nowhere\.speech: error {2}no such file or folder/);

  assert.equal(run(['--help'], { cwd: dir }).code, 0);
  assert.match(run(['--help'], { cwd: dir }).stdout, /Usage: speech-tidy/);
  assert.match(run(['--version'], { cwd: dir }).stdout, /^\d+\.\d+\.\d+\n$/);
});

test('fix rewrites in place, reports per file, and a second run finds nothing to do', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'dirty.speech', dirtyTranscript());
  write(dir, 'clean.speech', cleanTranscript());
  const first = run(['fix', '.'], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /^dirty\.speech: fixed \d+ \(watermark \d+, .*halfwidth-punctuation \d+.*\); 0 left$/m,
  );
  assert.doesNotMatch(first.stdout, /clean\.speech/);
  assert.match(first.stdout, /Fixed \d+ problems in 1 of 2 files; 0 problems left\./);
  assert.equal(fs.readFileSync(file, 'utf8'), fixedByCore(dirtyTranscript()));
  const second = run(['fix', '.'], { cwd: dir });
  assert.match(second.stdout, /Fixed 0 problems in 0 of 2 files/);
});

test('the summaries say "1 problem" and "1 file" in English, and count the same in Chinese', (t) => {
  const dir = tempDir(t);
  // One half-width comma: the only problem.
  write(dir, 'one.speech', cleanTranscript().replace('召开动员会，', '召开动员会,'));
  const checked = run(['check', 'one.speech'], { cwd: dir });
  assert.match(
    checked.stdout,
    /^1 problem \(warning 1\) in 1 of 1 file; 1 can be fixed with "speech-tidy fix"\.$/m,
  );
  const chinese = run(['check', '--locale', 'zh-cn', 'one.speech'], { cwd: dir });
  assert.match(chinese.stdout, /^共发现 1 处问题（warning 1），分布在 1 个文件中的 1 个；/m);
  assert.match(
    // The diff goes to stdout, the summary to stderr.
    run(['fix', '--dry-run', 'one.speech'], { cwd: dir }).stderr,
    /^Would fix 1 problem in 1 of 1 file;/m,
  );
  assert.match(
    run(['fix', 'one.speech'], { cwd: dir }).stdout,
    /^Fixed 1 problem in 1 of 1 file; 0 problems left\.$/m,
  );
  assert.match(run(['check', 'one.speech'], { cwd: dir }).stdout, /^1 file checked, no problems\.$/m);
});

test('fix leaves what only a rule of its own may fix, and check does not count it fixable', (t) => {
  const dir = tempDir(t);
  const text = cleanTranscript().replace('部署今年的', '部署 今年的').replace('积极参与，', '积极参与，，');
  const file = write(dir, 'repeats.speech', text);
  const check = parseJson(run(['check', '--format', 'json', 'repeats.speech'], { cwd: dir }).stdout) as {
    files: { findings: { rule: string; fixable: boolean }[] }[];
  };
  assert.deepEqual(
    check.files[0]!.findings.map((finding) => [finding.rule, finding.fixable]),
    [
      ['space-between-chinese', false],
      ['doubled-punctuation', false],
    ],
  );
  const summary = run(['check', 'repeats.speech'], { cwd: dir }).stdout;
  assert.match(summary, /2 problems \(warning 2\) in 1 of 1 file; 0 can be fixed with "speech-tidy fix"\./);
  assert.match(
    summary,
    /^2 more can be fixed one rule at a time with "speech-tidy fix --rule <rule>" \(space-between-chinese 1, doubled-punctuation 1\)\.$/m,
  );
  const fixed = run(['fix', 'repeats.speech'], { cwd: dir });
  assert.match(fixed.stdout, /Fixed 0 problems in 0 of 1 file; 2 problems left\./);
  assert.equal(fs.readFileSync(file, 'utf8'), text);

  const repeats = run(['fix', '--rule', 'doubled-punctuation', 'repeats.speech'], { cwd: dir });
  assert.match(repeats.stdout, /^repeats\.speech: fixed 1 \(doubled-punctuation 1\); 1 left$/m);
  assert.equal(fs.readFileSync(file, 'utf8'), text.replace('，，', '，'));
  run(['fix', '--rule', 'space-between-chinese', 'repeats.speech'], { cwd: dir });
  assert.equal(fs.readFileSync(file, 'utf8'), cleanTranscript());
});

test("fix --rule applies that rule's fixes alone", (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'dirty.speech', dirtyTranscript());
  const result = run(['fix', '--rule', 'halfwidth-punctuation', 'dirty.speech'], { cwd: dir });
  assert.match(result.stdout, /^dirty\.speech: fixed \d+ \(halfwidth-punctuation \d+\); \d+ left$/m);
  const fixed = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(fixed, /\p{Script=Han}[,;]/u);
  assert.ok(fixed.startsWith('正文复制\n') && fixed.includes('X委政府'), 'no other rule fixed anything');
});

test('fix keeps the file mode', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'dirty.speech', dirtyTranscript());
  fs.chmodSync(file, 0o640);
  assert.equal(run(['fix', 'dirty.speech'], { cwd: dir }).code, 0);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
});

test('fix --dry-run prints a unified diff and writes nothing', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'dirty.speech', dirtyTranscript());
  const result = run(['fix', '--dry-run', 'dirty.speech'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), dirtyTranscript());
  assert.match(result.stdout, /^--- a\/dirty\.speech$/m);
  assert.match(result.stdout, /^\+\+\+ b\/dirty\.speech$/m);
  assert.match(result.stdout, /^@@ -\d+,\d+ \+\d+,\d+ @@/m);
  assert.match(result.stdout, /^-正文复制$/m);
  assert.match(result.stdout, /^\+各级党委政府要把安全生产摆在突出位置，/m);
  assert.match(result.stderr, /Would fix \d+ problems in 1 of 1 file; nothing was written\./);
});

test('fix - reads stdin and writes the fixed text, in the same encoding, to stdout', (t) => {
  const dir = tempDir(t);
  const text = dirtyTranscript().replace(/\n/g, '\r\n');
  for (const encoding of ['utf-8', 'gb18030', 'utf-16be'] as const) {
    const result = run(['fix', '-'], { cwd: dir, input: encodeAs(text, encoding) });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.stdoutBytes, encodeAs(fixedByCore(text), encoding), encoding);
  }
  const dry = run(['fix', '--dry-run', '-'], { cwd: dir, input: dirtyTranscript() });
  assert.match(dry.stdout, /^--- a\/<stdin>$/m);
  const check = run(['check', '--format', 'json', '-'], { cwd: dir, input: dirtyTranscript() });
  assert.equal(check.code, 1);
  assert.equal((parseJson(check.stdout) as { files: { path: string }[] }).files[0]!.path, '<stdin>');
});

test('fix - passes input it cannot decode through unchanged, and fails', (t) => {
  const dir = tempDir(t);
  const garbage = Buffer.from('Caf\xe9 \xff\xfe\xfd', 'latin1');
  const result = run(['fix', '-'], { cwd: dir, input: garbage });
  assert.equal(result.code, 2);
  assert.deepEqual(result.stdoutBytes, garbage);
  assert.match(result.stderr, /<stdin>: error .*encoding/);
});

test('outline prints a section of 150,000 headings', (t) => {
  const dir = tempDir(t);
  write(dir, 'many.speech', `关于做好全年工作的讲话\n${'一、加强领导\n'.repeat(150_000)}`);
  const result = run(['outline', 'many.speech'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 150_001);
  assert.equal(lines.at(-1), '└─ 一、加强领导  :150001');
});

test('outline prints the structure tree, and --format json gives it nested', (t) => {
  const dir = tempDir(t);
  write(dir, 'dirty.speech', dirtyTranscript());
  const text = run(['outline', 'dirty.speech'], { cwd: dir });
  assert.equal(text.code, 0, text.stderr);
  const lines = text.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^在全县第1次安全生产工作会议上的讲话 {2}:2$/);
  assert.match(lines[1]!, /^├─ 一、提高认识，压实责任 {2}:5$/);
  assert.match(lines.at(-1)!, /^└─ 二、突出重点，狠抓落实 {2}:7$/);
  assert.ok(lines.some((line) => /^│ {2}[├└]─ 一是加强排查/.test(line)));

  const json = run(['outline', '--format', 'json', 'dirty.speech'], { cwd: dir });
  type Position = { line: number; column: number };
  type Node = {
    kind: string;
    name: string;
    level: number;
    range: { start: Position; end: Position };
    selectionRange: { start: Position; end: Position };
    children: Node[];
  };
  const tree = parseJson(json.stdout) as { encoding: string; outline: Node[] };
  assert.equal(tree.encoding, 'utf-8');
  assert.equal(tree.outline[0]!.kind, 'title');
  const first = tree.outline[0]!.children[0]!;
  assert.deepEqual(first.selectionRange.start, { line: 5, column: 1 });
  assert.deepEqual(first.range.end.line, 6, 'the section runs to the line before the next heading');
  assert.deepEqual(
    tree.outline[0]!.children.map((node) => [node.name, node.level]),
    [
      ['一、提高认识，压实责任', 1],
      ['二、突出重点，狠抓落实', 1],
    ],
  );
});
