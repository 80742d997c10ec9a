import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonPart, jsonReport, sarifPart, sarifReport } from '../../server/src/cli/documents';
import type { FileReport } from '../../server/src/cli/processFile';
import { validateSarif } from './schemas';

function file(index: number, findings: number): FileReport {
  const list = Array.from({ length: findings }, (_, i) => ({
    rule: 'watermark',
    severity: 'warning' as const,
    message: `第${i}处\n“引号”`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 3,
    fixable: true,
  }));
  return {
    display: `f${index}.speech`,
    encoding: 'utf-8',
    lineEnding: 'crlf',
    findings: list,
    fixableByRule: {},
  };
}

const summary = {
  files: 0,
  filesWithFindings: 0,
  findings: 0,
  fixable: 0,
  errors: 0,
  bySeverity: { error: 0, warning: 0, information: 0, hint: 0 },
};

/** More findings than are formatted at a time, so that a file's part comes in several pieces. */
const MANY = 25_001;

test('the streamed JSON report is exactly what JSON.stringify gives for the whole document', () => {
  for (const files of [[], [file(0, 0)], [file(0, 2), file(1, 0), file(2, 3)], [file(0, MANY), file(1, 1)]]) {
    let out = '';
    const report = jsonReport('check', '9.9.9', (text) => {
      out += text;
    });
    for (const f of files) report.file(jsonPart(f, 'check'));
    const failed = [{ kind: 'error' as const, index: 9, display: 'bad.speech', message: 'no' }];
    report.end(failed, summary);
    const expected = {
      version: 1,
      tool: { name: 'speech-tidy', version: '9.9.9' },
      files: files.map((f) => ({
        path: f.display,
        encoding: 'utf-8',
        lineEnding: 'crlf',
        findings: f.findings,
      })),
      errors: [{ path: 'bad.speech', message: 'no' }],
      summary,
    };
    assert.equal(out, `${JSON.stringify(expected, null, 2)}\n`);
  }
});

test('the streamed JSON report of fix is what JSON.stringify gives, however many findings remain', () => {
  for (const remaining of [0, 3, MANY]) {
    const report: FileReport = {
      ...file(0, 0),
      fix: {
        fixed: { watermark: 2 },
        remaining: file(0, remaining).findings,
        written: true,
        diff: '--- a\n+++ b\n',
      },
    };
    let out = '';
    const writer = jsonReport('fix', '9.9.9', (text) => {
      out += text;
    });
    writer.file(jsonPart(report, 'fix'));
    writer.end([], summary);
    const parsed = JSON.parse(out) as { files: { remaining: unknown[]; diff: string }[] };
    assert.equal(parsed.files[0]!.remaining.length, remaining);
    assert.equal(parsed.files[0]!.diff, '--- a\n+++ b\n');
    assert.equal(out, `${JSON.stringify(parsed, null, 2)}\n`);
  }
});

test('the streamed SARIF log is one valid document, with or without results', () => {
  for (const files of [[], [file(0, 1), file(1, 2)], [file(0, MANY), file(1, 2)]]) {
    let out = '';
    const report = sarifReport('9.9.9', 'zh-cn', '/work/place', (text) => {
      out += text;
    });
    for (const f of files) report.file(sarifPart(f));
    report.end([], summary);
    const log = JSON.parse(out) as { runs: { results: unknown[] }[] };
    assert.ok(validateSarif(log));
    assert.equal(
      log.runs[0]!.results.length,
      files.reduce((sum, f) => sum + f.findings.length, 0),
    );
    assert.equal(out, `${JSON.stringify(log, null, 2)}\n`);
  }
});
