// `npm run test:vscode`: the real-VS Code suite in desktop VS Code through @vscode/test-electron.
// It uses the VS Code named by VSCODE_EXECUTABLE_PATH or the `code` on PATH, and otherwise
// downloads VS Code 1.100.3 (the version the offline runner's code-server is built from).
// Without internet access, run `npm run test:vscode:offline` instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace, REPO_ROOT } from './workspace';

const VERSION = '1.100.3';

/** The Electron binary behind the `code` launcher on PATH, if there is one. */
function installedVSCode(): string | undefined {
  let launcher: string;
  try {
    const which = process.platform === 'win32' ? 'where' : 'which';
    launcher = execFileSync(which, ['code'], { encoding: 'utf8' }).split(/\r?\n/)[0]!.trim();
  } catch {
    return undefined;
  }
  // The launcher lives in <install>/bin (Linux, Windows) or <app>/Contents/Resources/app/bin.
  const bin = path.dirname(realpathSync(launcher));
  const candidates = [
    path.join(bin, '..', 'code'),
    path.join(bin, '..', 'Code.exe'),
    path.join(bin, '..', '..', '..', 'MacOS', 'Electron'),
    path.join(bin, '..', '..', '..', 'MacOS', 'Code'),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}

async function main(): Promise<void> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH ?? installedVSCode();
  const workspace = prepareWorkspace();
  const resultsDir = path.join(REPO_ROOT, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  console.log(executable ? `Using VS Code at ${executable}` : `Downloading VS Code ${VERSION} if needed`);
  try {
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: VERSION }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { SPEECH_TIDY_TEST_RESULTS: path.join(resultsDir, 'vscode-suite-electron.json') },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|fetch failed/.test(String(error))) {
    console.error('\nVS Code could not be downloaded. Without internet access: npm run test:vscode:offline');
  }
  process.exit(1);
});
