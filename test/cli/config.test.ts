import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  clearConfigCache,
  loadConfigFor,
  loadConfigForDirectory,
  matchesConfigFiles,
  mergeSettings,
  parseConfigText,
} from '../../server/src/configFile';
import { dirtyTranscript, parseJson, run, tempDir, write } from './helpers';

interface Report {
  files: { path: string; findings: { rule: string; message: string; severity: string }[] }[];
}

function check(dir: string, ...args: string[]): { code: number | null; report: Report; stderr: string } {
  const result = run(['check', '--format', 'json', ...args], { cwd: dir });
  return { code: result.code, report: parseJson(result.stdout) as Report, stderr: result.stderr };
}

test('.speech-tidy.json is found walking up, and the nearest one applies', (t) => {
  const dir = tempDir(t);
  write(
    dir,
    '.speech-tidy.json',
    `{
      // Comments and trailing commas are fine: this is JSON with comments.
      "rules": { "halfwidth-punctuation": "off", "watermark": "error", },
      "watermarkPhrases": ["本稿仅供内部学习"],
      "placeholderMappings": { "MZ": "民主" },
      "ignoredPhrases": ["更多资料+微信:"],
    }`,
  );
  const text = `${dirtyTranscript()}坚持MZ集中制原则。本稿仅 供内部学习\n`;
  write(dir, 'a/b/c/deep.speech', text);
  write(dir, 'near/.speech-tidy.json', '{ "rules": { "placeholder": "off" } }');
  write(dir, 'near/near.speech', text);

  const { report } = check(dir, '.');
  const deep = report.files.find((file) => file.path.endsWith('deep.speech'))!;
  const rules = new Set(deep.findings.map((finding) => finding.rule));
  assert.ok(!rules.has('halfwidth-punctuation'), 'turned off');
  assert.ok(deep.findings.filter((f) => f.rule === 'watermark').every((f) => f.severity === 'error'));
  assert.ok(
    deep.findings.some((f) => f.message.includes('本稿仅供内部学习')),
    'extra watermark phrase',
  );
  assert.ok(
    deep.findings.some((f) => f.rule === 'placeholder' && f.message.includes('民主')),
    'mapping',
  );
  assert.ok(!deep.findings.some((f) => f.message.includes('更多资料')), 'ignored phrase');

  // The nearer file replaces the outer one entirely: half-width punctuation is back on.
  const near = report.files.find((file) => file.path.endsWith('near.speech'))!;
  const nearRules = new Set(near.findings.map((finding) => finding.rule));
  assert.ok(nearRules.has('halfwidth-punctuation'));
  assert.ok(!nearRules.has('placeholder'));

  // Fix follows the same config: what is off or ignored stays, the rest is fixed.
  const fixed = run(['fix', 'a/b/c/deep.speech'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stderr);
  const after = fs.readFileSync(path.join(dir, 'a/b/c/deep.speech'), 'utf8');
  assert.ok(after.includes('坚持民主集中制原则。'), 'the mapped placeholder is expanded');
  assert.ok(!after.includes('本稿仅'), 'the extra watermark phrase is removed');
  assert.ok(after.includes('更多资 料+微信:'), 'the ignored phrase stays');
  assert.ok(after.includes('今天召开会议,'), 'half-width punctuation is off');
});

test('a malformed config file stops its files from being processed, with line and column', (t) => {
  const dir = tempDir(t);
  write(dir, 'project/.speech-tidy.json', '{\n  "rules": { "watermark": "off" }\n  "oops": 1\n}');
  const file = write(dir, 'project/a.speech', dirtyTranscript());
  write(dir, 'other/b.speech', dirtyTranscript());
  const result = run(['fix', '.'], { cwd: dir });
  assert.equal(result.code, 2);
  assert.match(
    result.stderr,
    /\.speech-tidy\.json: error {2}config file not used: .*CommaExpected at line 3, column 3/,
  );
  assert.equal(fs.readFileSync(file, 'utf8'), dirtyTranscript(), 'no fixes under a broken config');
  assert.match(result.stdout, /other[/\\]b\.speech: fixed/);
});

test('config problems are reported as warnings and the rest of the file applies', (t) => {
  const dir = tempDir(t);
  write(
    dir,
    '.speech-tidy.json',
    '{ "rules": { "no-such-rule": "error", "watermark": "off" }, "colour": 1 }',
  );
  write(dir, 'a.speech', dirtyTranscript());
  const { report, stderr } = check(dir, 'a.speech');
  assert.match(stderr, /warning {2}config: .*\.speech-tidy\.json: unknown key "colour"/);
  assert.match(stderr, /unknown rule "no-such-rule"/);
  assert.ok(!report.files[0]!.findings.some((f) => f.rule === 'watermark'));
});

test('the loader: settings, files, errors, caching by mtime, never throwing', (t) => {
  const dir = tempDir(t);
  const configPath = write(
    dir,
    '.speech-tidy.json',
    '{ "rules": { "watermark": "hint" }, "files": ["*.md"] }',
  );
  const file = path.join(dir, 'x', 'y', 'a.md');
  const first = loadConfigFor(file);
  assert.equal(first.path, configPath);
  assert.deepEqual(first.settings, { rules: { watermark: 'hint' } });
  assert.deepEqual(first.files, ['*.md']);
  assert.equal(first.error, undefined);
  assert.equal(first.resolved.severities.get('watermark'), 'hint');
  assert.equal(loadConfigFor(file), first, 'cached while the file is unchanged');
  assert.equal(matchesConfigFiles(first, file), true);
  assert.equal(matchesConfigFiles(first, path.join(dir, 'a.txt')), false);

  fs.writeFileSync(configPath, '{ "rules": { "watermark": "error" } ');
  fs.utimesSync(configPath, new Date(), new Date(Date.now() + 5000));
  const broken = loadConfigFor(file);
  assert.match(broken.error!, /CloseBraceExpected at line 1/);
  assert.deepEqual(broken.settings, {});
  assert.equal(matchesConfigFiles(broken, file), undefined);

  fs.rmSync(configPath);
  clearConfigCache();
  const none = loadConfigFor(path.join(dir, 'a.speech'));
  assert.ok(none.path === undefined || !none.path.startsWith(dir));

  const plainFile = write(dir, 'plain.speech', '');
  assert.equal(loadConfigForDirectory(plainFile).error, undefined, 'a file is no folder, not an error');

  assert.match(parseConfigText('/p/.speech-tidy.json', '[1, 2]').error!, /expected a JSON object/);
  assert.match(parseConfigText('/p/.speech-tidy.json', '').error!, /ValueExpected/);
  const typed = parseConfigText(
    '/p/.speech-tidy.json',
    '{ "rules": [], "watermarkPhrases": "x", "files": [1] }',
  );
  assert.deepEqual(typed.settings, {});
  assert.equal(typed.problems.length, 3);
  assert.equal(parseConfigText('/p/.speech-tidy.json', '\uFEFF{}').error, undefined, 'a BOM is fine');
  // An error is placed where the editor shows it, which hides the mark: on any line.
  const brokenText = '{\n  "rules": {\n    "watermark": ,\n  }\n}';
  const placeOf = (text: string) =>
    /line \d+, column \d+/.exec(parseConfigText('/p/.speech-tidy.json', text).error!)?.[0];
  assert.equal(placeOf(brokenText), 'line 3, column 18');
  assert.equal(placeOf(`\uFEFF${brokenText}`), 'line 3, column 18');
});

test('a config file saved as UTF-16 is read as the editor reads it, by its byte-order mark', (t) => {
  const dir = tempDir(t);
  const settings = '{ "rules": { "watermark": "hint" }, "watermarkPhrases": ["内部学习"] }';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(settings, 'utf16le')]);
  write(dir, '.speech-tidy.json', utf16);
  const config = loadConfigFor(path.join(dir, 'a.speech'));
  assert.equal(config.error, undefined);
  assert.deepEqual(config.settings, { rules: { watermark: 'hint' }, watermarkPhrases: ['内部学习'] });
});

test('mergeSettings: the file wins key by key, phrase lists are joined', () => {
  const merged = mergeSettings(
    {
      rules: { watermark: 'off', placeholder: 'hint' },
      watermarkPhrases: ['甲'],
      placeholderMappings: { AB: '一', CD: '二' },
    },
    {
      rules: { watermark: 'error' },
      watermarkPhrases: ['乙', '甲'],
      ignoredPhrases: ['丙'],
      placeholderMappings: { AB: '三' },
    },
  );
  assert.deepEqual(merged, {
    rules: { watermark: 'error', placeholder: 'hint' },
    watermarkPhrases: ['甲', '乙'],
    ignoredPhrases: ['丙'],
    placeholderMappings: { AB: '三', CD: '二' },
  });
  assert.deepEqual(mergeSettings({}, {}), {});
});

test('what is wrong with a config file is told in the language of the editor or terminal', () => {
  const text = '{ "rulez": {}, "rules": { "no-such-rule": "warning" }, "watermarkPhrases": "not a list" }';
  const chinese = parseConfigText('/p/.speech-tidy.json', text, 'zh-cn').problems;
  const english = parseConfigText('/p/.speech-tidy.json', text, 'en').problems;
  assert.equal(chinese.length, english.length);
  assert.equal(chinese.length, 3);
  for (const problem of chinese)
    assert.match(problem.replace(/“[^”]*”|"[^"]*"/g, ''), /\p{Script=Han}/u, problem);
  for (const problem of english) assert.doesNotMatch(problem, /\p{Script=Han}/u, problem);
  assert.match(parseConfigText('/p/.speech-tidy.json', '[1]', 'zh-cn').error!, /最外层应为 JSON 对象/);
});
