import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTranscript, dirtyTranscript, parseJson, run, tempDir, write } from './helpers';
import { errorsOf, validateCheckJson, validateFixJson, validateSarif } from './schemas';

/** The start of every ANSI colour sequence. */
const ESC = '\u001b[';

function folder(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t);
  write(dir, 'a.speech', dirtyTranscript(1));
  write(dir, 'nested/b.txt', dirtyTranscript(2).replace(/\n/g, '\r\n'));
  write(dir, 'clean.speech', cleanTranscript());
  write(dir, '名单/讲话.speech', dirtyTranscript(3));
  write(dir, 'broken.speech', Buffer.from([0xc3, 0x28, 0xa0, 0xa1]));
  return dir;
}

test('text output: one "file:line:col  severity  rule  message" line per finding, then a summary', (t) => {
  const dir = folder(t);
  const result = run(['check', 'a.speech', 'clean.speech'], { cwd: dir });
  assert.equal(result.code, 1);
  const lines = result.stdout.trimEnd().split('\n');
  const findings = lines.slice(0, -1);
  assert.ok(findings.length > 5);
  for (const line of findings) {
    assert.match(line, /^a\.speech:\d+:\d+ {2}(error|warning|information|hint) {2}[a-z-]+ {2}\S/);
  }
  assert.match(lines.at(-1)!, /problems .* in 1 of 2 files/);
  assert.ok(!result.stdout.includes(ESC), 'no colours when stdout is not a terminal');
});

test('--color forces colours, NO_COLOR is respected otherwise', (t) => {
  const dir = folder(t);
  assert.ok(run(['check', '--color', 'a.speech'], { cwd: dir }).stdout.includes(`${ESC}33mwarning`));
  const plain = run(['check', 'a.speech'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
  assert.ok(!plain.stdout.includes(ESC));
});

test('--format json validates against the schema of our JSON output', (t) => {
  const dir = folder(t);
  const result = run(['check', '--format', 'json', '.'], { cwd: dir });
  assert.equal(result.code, 2, 'the undecodable file makes the run incomplete');
  const report = parseJson(result.stdout) as {
    files: { path: string; lineEnding: string; findings: unknown[] }[];
    errors: { path: string }[];
    summary: { files: number };
  };
  assert.ok(validateCheckJson(report), errorsOf(validateCheckJson));
  assert.deepEqual(
    report.files.map((file) => file.path.replace(/\\/g, '/')),
    ['a.speech', 'clean.speech', 'nested/b.txt', '名单/讲话.speech'],
  );
  assert.equal(report.files[2]!.lineEnding, 'crlf');
  assert.equal(report.files[1]!.findings.length, 0);
  assert.deepEqual(
    report.errors.map((error) => error.path),
    ['broken.speech'],
  );
  assert.equal(report.summary.files, 4);
});

test('fix --format json validates and says what changed per file', (t) => {
  const dir = folder(t);
  const result = run(['fix', '--format', 'json', 'a.speech', 'clean.speech'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  const report = parseJson(result.stdout) as {
    files: { changed: boolean; written: boolean; fixed: object }[];
  };
  assert.ok(validateFixJson(report), errorsOf(validateFixJson));
  assert.equal(report.files[0]!.changed, true);
  assert.equal(report.files[0]!.written, true);
  assert.ok(Object.keys(report.files[0]!.fixed).includes('halfwidth-punctuation'));
  assert.equal(report.files[1]!.changed, false);
});

test('--format sarif is valid SARIF 2.1.0 with relative, encoded locations', (t) => {
  const dir = folder(t);
  const result = run(['check', '--format', 'sarif', '.'], { cwd: dir });
  assert.equal(result.code, 2);
  const log = parseJson(result.stdout) as {
    version: string;
    runs: {
      results: {
        ruleId: string;
        level: string;
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
      invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
    }[];
  };
  assert.ok(validateSarif(log), errorsOf(validateSarif));
  assert.equal(log.version, '2.1.0');
  const [only] = log.runs;
  assert.ok(only!.results.length > 10);
  const uris = new Set(only!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
  assert.ok(uris.has('nested/b.txt'));
  assert.ok(uris.has(`${encodeURIComponent('名单')}/${encodeURIComponent('讲话.speech')}`));
  assert.equal(only!.invocations[0]!.executionSuccessful, false);
  assert.equal(only!.invocations[0]!.toolExecutionNotifications.length, 1);
});

test('a clean run in SARIF is valid too, with no results', (t) => {
  const dir = tempDir(t);
  write(dir, 'clean.speech', cleanTranscript());
  const result = run(['check', '--format', 'sarif', '.'], { cwd: dir });
  assert.equal(result.code, 0);
  const log = parseJson(result.stdout);
  assert.ok(validateSarif(log), errorsOf(validateSarif));
});

test('--locale and LANG pick the language of messages', (t) => {
  const dir = folder(t);
  const english = run(['check', 'a.speech'], { cwd: dir });
  const chinese = run(['check', '--locale', 'zh-cn', 'a.speech'], { cwd: dir });
  const fromEnv = run(['check', 'a.speech'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
  assert.match(english.stdout, /Half-width/);
  assert.match(chinese.stdout, /半角/);
  assert.equal(fromEnv.stdout, chinese.stdout);
  assert.match(run(['check', '--bogus'], { cwd: dir, env: { LC_ALL: 'zh_CN.UTF-8' } }).stderr, /运行/);
});

test('columns count UTF-16 code units, past CJK Extension B characters and emoji', (t) => {
  const dir = tempDir(t);
  write(dir, 'wide.speech', `${cleanTranscript()}在𠀀地召开会议😀,大家踊跃发言。\r\n`);
  const result = run(['check', '--format', 'json', 'wide.speech'], { cwd: dir });
  const report = parseJson(result.stdout) as {
    files: { findings: { rule: string; line: number; column: number }[] }[];
  };
  const comma = report.files[0]!.findings.find((finding) => finding.rule === 'halfwidth-punctuation')!;
  // 在 (1) + 𠀀 (2) + 地召开会议 (5) + 😀 (2) = 10 code units before the comma.
  assert.deepEqual([comma.line, comma.column], [7, 11]);
  assert.match(
    run(['check', 'wide.speech'], { cwd: dir }).stdout,
    /^wide\.speech:7:11 {2}warning {2}halfwidth-punctuation/m,
  );
});
