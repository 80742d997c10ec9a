// `npm run test:e2e`: everything in a real VS Code, from a fresh machine. Sets up chromium, the
// CJK fonts and code-server where missing, runs the real-VS Code suite inside code-server,
// then the UI checks against the packaged .vsix (built by `npm run package` just before).
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { runSuiteInCodeServer } from './runSuite';
import { ensureBrowser, ensureCodeServer, log, REPO_ROOT } from './setup';

async function main(): Promise<number> {
  ensureBrowser();
  ensureCodeServer();
  const vsix = path.join(REPO_ROOT, 'dist', 'speech-tidy.vsix');
  log(`packaged ${path.relative(REPO_ROOT, vsix)}: ${(statSync(vsix).size / 1024).toFixed(1)} KB`);

  log('the extension suite in VS Code (code-server)');
  const suitePassed = await runSuiteInCodeServer();

  log('UI checks with the packaged .vsix');
  const ui = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', path.join(REPO_ROOT, 'out', 'test', 'e2e', 'ui.test.js')],
    { stdio: 'inherit' },
  );
  const uiPassed = ui.status === 0;

  log(`suite ${suitePassed ? 'passed' : 'FAILED'}, UI checks ${uiPassed ? 'passed' : 'FAILED'}`);
  return suitePassed && uiPassed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
