// Starts code-server on loopback for one test run, in folders of its own, and stops it again.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_BIN, log } from './setup';

/**
 * What a person would otherwise have to click away before the workbench is usable, and what
 * makes it behave as the desktop VS Code does.
 */
const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.restoreWindows': 'none',
  // VS Code for the Web saves a file a second after each edit; the desktop VS Code the suite and
  // the UI checks are written for saves when asked to (a check that types and undoes must find
  // the file on disk as it was, and a save must run the code actions on save).
  'files.autoSave': 'off',
};

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Everything code-server and its extension host printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Reused across runs (e.g. by `npm start`); a fresh temporary folder when left out. */
  readonly stateDir?: string;
  readonly settings?: Record<string, unknown>;
  readonly env?: NodeJS.ProcessEnv;
  readonly port?: number;
  readonly quiet?: boolean;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function stateDirs(stateDir: string): { userDataDir: string; extensionsDir: string } {
  return { userDataDir: path.join(stateDir, 'user-data'), extensionsDir: path.join(stateDir, 'extensions') };
}

/** `code-server --install-extension`: what a user does with the .vsix. */
export function installExtension(vsix: string, extensionsDir: string, userDataDir: string): void {
  execFileSync(
    process.execPath,
    [
      CODE_SERVER_BIN,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { stdio: 'pipe' },
  );
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early:\n${output()}`);
    try {
      const response = await fetch(`${url}healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on ${url} within 60 s:\n${output()}`);
}

export async function startCodeServer(folder: string, options: CodeServerOptions = {}): Promise<CodeServer> {
  const stateDir = options.stateDir ?? mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-code-server-'));
  const { userDataDir, extensionsDir } = stateDirs(stateDir);
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...WORKBENCH_SETTINGS, ...options.settings }, null, 2),
  );
  const configFile = path.join(stateDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      CODE_SERVER_BIN,
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      folder,
    ],
    // Its own process group, so that stopping it also stops the extension host and our server.
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed += chunk.toString();
    if (!options.quiet) process.stdout.write(chunk.toString().replace(/^/gm, '  [code-server] '));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilUp(url, child, () => printed);
  log(`code-server ${url} (folder ${folder})`);
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    output: () => printed,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      const timeout = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timeout);
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
