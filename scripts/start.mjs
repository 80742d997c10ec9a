// `npm start`: the extension, freshly built, in a real VS Code on the sample transcripts.
// Desktop VS Code when `code` is on PATH; otherwise code-server (the one the e2e tests use,
// installed into .cache on first use) on loopback, with the URL to open printed.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// A fresh copy each time: trying out fixes must not change the committed samples.
const folder = path.join(root, '.cache', 'start', 'samples');
rmSync(folder, { recursive: true, force: true });
cpSync(path.join(root, 'samples'), folder, { recursive: true });

const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' });
const code = which.status === 0 ? which.stdout.split(/\r?\n/)[0].trim() : '';
if (code) {
  console.log(`Opening ${folder} in VS Code with Speech Tidy from ${root}.`);
  const result = spawnSync(code, ['--new-window', `--extensionDevelopmentPath=${root}`, folder], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  process.exit(result.status ?? 1);
}

const { ensureCodeServer } = require('../out/test/e2e/setup.js');
const { freePort, startCodeServer } = require('../out/test/e2e/codeServer.js');

ensureCodeServer();
const port = Number(process.env.PORT) || (await freePort());
const server = await startCodeServer(folder, {
  stateDir: path.join(root, '.cache', 'start', 'state'),
  port,
  quiet: true,
});
const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`]];
const url = `${server.url}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
console.log(`
No desktop VS Code (\`code\`) on PATH, so Speech Tidy runs in code-server. Open this URL in a
browser on this machine (over SSH, forward port ${port} first):

  ${url}

Ctrl+C stops it.`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
