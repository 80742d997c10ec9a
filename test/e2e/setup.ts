// Gets a fresh machine ready for the tests in a real VS Code: Debian's chromium and CJK fonts,
// and code-server (VS Code's workbench and extension host, from the npm registry) in a
// git-ignored cache. Nothing here needs more than the npm registry and Debian's archive.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The pinned package.json and lock of the code-server install, committed with the tests. */
const PINNED = path.join(REPO_ROOT, 'test', 'e2e', 'code-server');
export const CODE_SERVER_CACHE = path.join(REPO_ROOT, '.cache', 'code-server');
export const CODE_SERVER_BIN = path.join(
  CODE_SERVER_CACHE,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @vscode/ripgrep's postinstall downloads from GitHub unless this file is in place. */
const RIPGREP_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function hasDebianPackage(name: string): boolean {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs the Debian packages that are missing, or says which ones when it cannot. */
function ensureDebianPackages(packages: readonly string[]): void {
  const missing = packages.filter((name) => !hasDebianPackage(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Install these Debian packages first: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
}

/** A tar.gz of Debian's `rg` where @vscode/ripgrep looks for its download. */
function seedRipgrepCache(): void {
  const archive = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_VERSION}`, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  const staging = mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-rg-'));
  try {
    copyFileSync(rg, path.join(staging, 'rg'));
    mkdirSync(path.dirname(archive), { recursive: true });
    execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Installs code-server into the cache unless the cache already holds exactly the pinned lock.
 * Its postinstall builds native modules and runs a nested npm install, which is why it lives
 * outside the project's own dependencies.
 */
export function ensureCodeServer(): void {
  const pinnedLock = readFileSync(path.join(PINNED, 'package-lock.json'), 'utf8');
  const stamp = path.join(CODE_SERVER_CACHE, '.installed-lock.json');
  if (existsSync(CODE_SERVER_BIN) && existsSync(stamp) && readFileSync(stamp, 'utf8') === pinnedLock) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'The offline VS Code tests run on Linux x64 (Debian); elsewhere use npm run test:vscode.',
    );
  }
  ensureDebianPackages(['libkrb5-dev', 'ripgrep', 'python3', 'make', 'g++']);
  seedRipgrepCache();
  log(
    `installing code-server into ${path.relative(REPO_ROOT, CODE_SERVER_CACHE)} (about 300 MB, a minute or two)`,
  );
  rmSync(CODE_SERVER_CACHE, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_CACHE, { recursive: true });
  copyFileSync(path.join(PINNED, 'package.json'), path.join(CODE_SERVER_CACHE, 'package.json'));
  copyFileSync(path.join(PINNED, 'package-lock.json'), path.join(CODE_SERVER_CACHE, 'package-lock.json'));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: CODE_SERVER_CACHE,
    stdio: 'inherit',
    env: {
      ...process.env,
      // code-server's postinstall refuses to run as root without it; its nested `npx node-gyp`
      // would otherwise wait at a prompt; npm 11 skips dependencies' install scripts unless told.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  writeFileSync(stamp, pinnedLock);
}

/** Chromium to drive the workbench, and fonts so that Chinese renders in screenshots. */
export function ensureBrowser(): void {
  const packages = ['fonts-noto-cjk'];
  if (!existsSync(CHROMIUM)) packages.push('chromium');
  ensureDebianPackages(packages);
  if (!hasCommand('fc-list') || !execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()) {
    throw new Error('No Chinese font is installed (fonts-noto-cjk).');
  }
}
