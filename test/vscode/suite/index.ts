// Entry point VS Code's extension host calls with --extensionTestsPath (desktop VS Code through
// @vscode/test-electron, or code-server through the workbench URL). Besides printing, it
// writes each result to SPEECH_TIDY_TEST_RESULTS: code-server's extension host has no
// terminal of its own, so the outer runner reads the file to report and to fail.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface TestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export interface SuiteReport {
  readonly vscodeVersion: string;
  readonly done: boolean;
  readonly results: readonly TestResult[];
}

export async function run(): Promise<void> {
  const vscode = await import('vscode');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const resultsFile = process.env.SPEECH_TIDY_TEST_RESULTS;
  const results: TestResult[] = [];
  const write = (done: boolean) => {
    if (!resultsFile) return;
    const report: SuiteReport = { vscodeVersion: vscode.version, done, results };
    writeFileSync(resultsFile, JSON.stringify(report, null, 2));
  };
  write(false);

  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => {
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
      write(false);
    });
    runner.on('fail', (test, error: Error) => {
      results.push({
        title: test.fullTitle(),
        state: 'failed',
        error: `${error.message}\n${error.stack ?? ''}`,
      });
      write(false);
    });
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
  });
  write(true);
  if (failures > 0) throw new Error(`${failures} of ${results.length} tests failed.`);
}
