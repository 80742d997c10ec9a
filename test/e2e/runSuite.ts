// Runs the real-VS Code suite (test/vscode/suite) inside code-server, for machines that cannot
// download desktop VS Code. code-server refuses --extensionTestsPath on its command line but
// takes it in the workbench URL; the browser only has to open that URL. The suite writes its
// results to a file, which this runner reports, failing on any failed test.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { SuiteReport } from '../vscode/suite/index';
import { prepareWorkspace } from '../vscode/workspace';
import { startCodeServer } from './codeServer';
import { CHROMIUM, ensureBrowser, ensureCodeServer, log, REPO_ROOT } from './setup';

const TIMEOUT_MS = 10 * 60 * 1000;

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function remote(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${file}`;
}

function readReport(file: string): SuiteReport | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SuiteReport;
  } catch {
    return undefined; // Caught mid-write; the next poll reads it whole.
  }
}

export async function runSuiteInCodeServer(): Promise<boolean> {
  ensureCodeServer();
  ensureBrowser();
  const workspace = prepareWorkspace();
  const resultsDir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, 'vscode-suite.json');
  rmSync(resultsFile, { force: true });

  const server = await startCodeServer(workspace, {
    env: { SPEECH_TIDY_TEST_RESULTS: resultsFile },
    quiet: true,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  try {
    const payload = [
      ['extensionDevelopmentPath', remote(server.port, REPO_ROOT)],
      ['extensionTestsPath', remote(server.port, path.join(REPO_ROOT, 'out/test/vscode/suite/index'))],
    ];
    const page = await browser.newPage();
    await page.goto(
      `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const deadline = Date.now() + TIMEOUT_MS;
    let reported = 0;
    let report: SuiteReport | undefined;
    for (;;) {
      report = readReport(resultsFile);
      for (const result of report?.results.slice(reported) ?? []) {
        const mark = { passed: '✔', failed: '✖', pending: '-' }[result.state];
        console.log(`  ${mark} ${result.title}${result.durationMs ? ` (${result.durationMs} ms)` : ''}`);
        if (result.error) console.log(result.error.replace(/^/gm, '      '));
        reported += 1;
      }
      if (report?.done) break;
      const exited = /Extension Host Process exited with code: (\d+)/.exec(server.output());
      if (exited && !report?.done) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (readReport(resultsFile)?.done) continue;
        throw new Error(`The extension host exited (code ${exited[1]}) before the suite finished.`);
      }
      if (Date.now() > deadline) throw new Error('The suite did not finish within 10 minutes.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const failed = report.results.filter((result) => result.state === 'failed').length;
    const passed = report.results.filter((result) => result.state === 'passed').length;
    log(`VS Code ${report.vscodeVersion} (code-server): ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0;
  } catch (error) {
    console.error(server.output().split('\n').slice(-60).join('\n'));
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runSuiteInCodeServer().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
