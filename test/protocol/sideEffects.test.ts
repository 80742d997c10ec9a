// The server keeps to itself: through a whole session (a workspace indexed, documents opened,
// edited, fixed and closed, settings and files changed) it writes no file, opens no network
// socket, starts no process and evaluates nothing, however hostile the configuration. Checked
// three ways: a probe preloaded into the server reports every call of those Node APIs; the
// folders it could write to (its HOME, working folder, TMPDIR and the workspace) are unchanged
// afterwards; and its open file descriptors never include a network socket.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from '../support/fixtures';
import { fileUri, rangeAt, SERVER_PATH } from '../support/lspClient';
import { RawServer } from '../support/rawServer';
import { lines, SPEECH } from './transcripts';

const PROBE = path.join(REPO_ROOT, 'out', 'test', 'support', 'sideEffectProbe.js');

/** Every file and folder below `root`, with what would show a write. */
function snapshot(root: string): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const stat = fs.lstatSync(full);
      seen.set(
        path.relative(root, full),
        `${entry.isDirectory() ? 'dir' : 'file'} ${stat.size} ${stat.mtimeMs} ${stat.mode}`,
      );
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(root);
  return seen;
}

/** The network sockets among a process's open files: inodes found in the kernel's IP tables. */
function networkSockets(pid: number): string[] {
  const fdDir = `/proc/${pid}/fd`;
  const sockets = new Map<string, string>();
  for (const fd of fs.readdirSync(fdDir)) {
    let target: string;
    try {
      target = fs.readlinkSync(path.join(fdDir, fd));
    } catch {
      continue; // Closed meanwhile.
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) sockets.set(inode, fd);
  }
  const found: string[] = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6', 'udplite', 'udplite6']) {
    let rows: string[];
    try {
      rows = fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const inode = row.trim().split(/\s+/)[9];
      if (inode && sockets.has(inode)) found.push(`${table} socket on fd ${sockets.get(inode)}`);
    }
  }
  // Standard input, output and error are socket pairs with the test; any other socket is news.
  for (const [inode, fd] of sockets) if (Number(fd) > 2) found.push(`socket ${inode} on fd ${fd}`);
  return found;
}

// Strings that would do harm if anything evaluated them, in every place configuration can hold
// one. JSON.parse makes `__proto__` an own key, as a settings file would.
const hostile = (pwned: string) =>
  JSON.parse(
    JSON.stringify({
      watermarkPhrases: [
        `/(?{require('fs').writeFileSync('${pwned}','x')})/`,
        `\${require('fs').writeFileSync('${pwned}', 'x')}`,
        `\`touch ${pwned}\``,
        '/(a+)+$/',
        '更多资 料',
      ],
      ignoredPhrases: [`'); require('child_process').execSync('touch ${pwned}'); ('`, '/(?=x)(?<=y)\\1/'],
      placeholderMappings: { MZ: '民主', constructor: 'x', toString: 'y' },
      rules: { toString: 'off', 'halfwidth-punctuation': 'error' },
      maxFileSizeMB: "require('fs')",
    }).replace('"constructor"', '"__proto__":{"polluted":"yes"},"constructor"'),
  );

describe('the server writes no file, opens no network socket, starts no process, evaluates nothing', () => {
  let root: string;
  let server: RawServer;
  let initial: Map<string, string>;
  const pwned = () => path.join(root, 'PWNED');
  const socketsSeen: string[] = [];
  const sample = () => {
    if (server.running && server.child.pid) socketsSeen.push(...networkSockets(server.child.pid));
  };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-tidy-side-effects-'));
    for (const dir of ['home', 'cwd', 'tmp', 'workspace/sub', 'config', 'cache'])
      fs.mkdirSync(path.join(root, dir), { recursive: true });
    const workspace = path.join(root, 'workspace');
    fs.writeFileSync(path.join(workspace, 'a.speech'), SPEECH);
    fs.writeFileSync(path.join(workspace, 'b.txt'), SPEECH.replace('凝心聚力', '同心协力'));
    fs.writeFileSync(path.join(workspace, 'sub', 'c.speech'), lines('一、提高认识', '二、压实责任'));
    fs.writeFileSync(path.join(workspace, '.speech-tidy.json'), JSON.stringify(hostile(pwned())));
    initial = snapshot(root);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: path.join(root, 'home'),
      TMPDIR: path.join(root, 'tmp'),
      TMP: path.join(root, 'tmp'),
      TEMP: path.join(root, 'tmp'),
      XDG_CONFIG_HOME: path.join(root, 'config'),
      XDG_CACHE_HOME: path.join(root, 'cache'),
      NODE_OPTIONS: `--require ${PROBE}`,
      LANG: 'C.UTF-8',
    };
    assert.ok(fs.existsSync(PROBE), `${PROBE} is missing: run \`npx tsc -p .\``);
    assert.ok(fs.existsSync(SERVER_PATH));
    server = await RawServer.start({
      cwd: path.join(root, 'cwd'),
      env,
      settings: hostile(pwned()),
      initialize: {
        rootUri: fileUri(workspace),
        workspaceFolders: [{ uri: fileUri(workspace), name: 'workspace' }],
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeWatchedFiles: { dynamicRegistration: true },
            workspaceEdit: { documentChanges: true },
          },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
        initializationOptions: { locale: 'zh-cn' },
      },
    });
  });

  after(async () => {
    await server?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('through a whole session', async () => {
    const workspace = path.join(root, 'workspace');
    const inside = fileUri(path.join(workspace, 'a.speech'));
    const outside = fileUri(path.join(root, 'elsewhere.speech'));
    const published = (uri: string, version: number) =>
      server.waitFor(
        (m) =>
          m.method === 'textDocument/publishDiagnostics' &&
          (m.params as { uri: string; version?: number }).uri === uri &&
          (m.params as { version?: number }).version === version,
        `diagnostics of ${uri} at version ${version}`,
      );
    sample();
    server.notify('textDocument/didOpen', {
      textDocument: { uri: inside, languageId: 'speech', version: 1, text: SPEECH },
    });
    server.notify('textDocument/didOpen', {
      textDocument: { uri: outside, languageId: 'speech', version: 1, text: `${SPEECH}更多资 料+微信:abc\n` },
    });
    await published(inside, 1);
    await published(outside, 1);
    sample();
    for (let version = 2; version <= 6; version++) {
      server.notify('textDocument/didChange', {
        textDocument: { uri: inside, version },
        contentChanges: [{ range: rangeAt(SPEECH, 0, 0), text: 'X中央,' }],
      });
    }
    await published(inside, 6);
    const requests: [string, unknown][] = [
      ['textDocument/documentSymbol', { textDocument: { uri: inside } }],
      ['textDocument/foldingRange', { textDocument: { uri: inside } }],
      ['textDocument/hover', { textDocument: { uri: inside }, position: { line: 0, character: 0 } }],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri: outside },
          range: rangeAt(SPEECH, 0, 10),
          context: { diagnostics: [], only: ['source.fixAll.speech'] },
        },
      ],
      ['workspace/symbol', { query: '提高' }],
      ['workspace/symbol', { query: '' }],
    ];
    for (const [method, params] of requests) {
      const reply = await server.request(method, params);
      assert.equal(reply.error, undefined, `${method}: ${JSON.stringify(reply.error)}`);
      sample();
    }
    // The workspace was read (its headings are found) and the hostile settings read as data: the
    // patterns RE2 cannot compile are reported back, not run.
    const found = await server.request('workspace/symbol', { query: '提高认识' });
    assert.ok(JSON.stringify(found.result).includes('c.speech'), 'the workspace was indexed');
    await server.waitFor(
      (m) =>
        /^window\/showMessage/.test(m.method ?? '') && JSON.stringify(m.params).includes('watermarkPhrases'),
      'the settings problems',
    );
    // Files change on disk and the settings change: the index and the analyses follow, read-only.
    fs.writeFileSync(path.join(workspace, 'sub', 'd.speech'), lines('三、狠抓落实'));
    fs.rmSync(path.join(workspace, 'b.txt'));
    server.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: fileUri(path.join(workspace, 'sub', 'd.speech')), type: 1 },
        { uri: fileUri(path.join(workspace, 'b.txt')), type: 3 },
        { uri: fileUri(path.join(workspace, '.speech-tidy.json')), type: 2 },
      ],
    });
    server.notify('workspace/didChangeConfiguration', { settings: { speechTidy: hostile(pwned()) } });
    assert.ok(Array.isArray((await server.request('workspace/symbol', { query: '狠抓' })).result));
    sample();
    server.notify('textDocument/didClose', { textDocument: { uri: inside } });
    server.notify('textDocument/didClose', { textDocument: { uri: outside } });
    assert.ok(Array.isArray((await server.request('workspace/symbol', { query: '' })).result));
    sample();
    await server.dispose();
    const { code } = await server.exited;
    assert.equal(code, 0, `the server ended cleanly${server.stderr}`);

    const effects = server.stderr.split('\n').filter((line) => line.startsWith('SIDE-EFFECT'));
    assert.deepEqual(effects, [], 'the probe saw file writes, connections, processes or evaluation');
    assert.deepEqual(socketsSeen, [], 'network sockets among the open files');
    // The test's own changes to the workspace are taken out; nothing else may differ.
    const afterwards = snapshot(root);
    initial.delete(path.join('workspace', 'b.txt'));
    initial.delete('workspace');
    afterwards.delete('workspace');
    afterwards.delete(path.join('workspace', 'sub', 'd.speech'));
    initial.delete(path.join('workspace', 'sub'));
    afterwards.delete(path.join('workspace', 'sub'));
    assert.deepEqual(
      [...afterwards.entries()].sort(),
      [...initial.entries()].sort(),
      'files written or changed',
    );
    assert.equal(fs.existsSync(pwned()), false);
  });

  test('the probe does see what it looks for', () => {
    // The same probe, preloaded into a script that writes a file and opens a connection: without
    // this, a probe that saw nothing would prove nothing.
    const script = path.join(root, 'tmp', 'misbehave.js');
    fs.writeFileSync(
      script,
      "require('fs').writeFileSync(require('path').join(__dirname, 'x'), 'x');" +
        "require('net').connect(9, '127.0.0.1').on('error', () => {});" +
        "new Function('return 1')(); setTimeout(() => process.exit(0), 50);",
    );
    const result = spawnSync(process.execPath, ['--require', PROBE, script], { encoding: 'utf8' });
    for (const api of ['fs.writeFileSync', 'net.connect', 'Function']) {
      assert.ok(result.stderr.includes(`SIDE-EFFECT ${api}`), `${api} seen:\n${result.stderr}`);
    }
  });
});

describe('the bundled server evaluates no code and reaches no network by itself', () => {
  test('its own source has no eval, no Function constructor, no vm, no process or network modules', () => {
    const sources = [
      'server/src/server.ts',
      'server/src/languageServer.ts',
      'server/src/documents.ts',
      'server/src/protocol.ts',
      'server/src/workspaceIndex.ts',
      'server/src/configFile.ts',
      ...fs
        .readdirSync(path.join(REPO_ROOT, 'server', 'src', 'core'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join('server', 'src', 'core', file)),
    ];
    const forbidden = [
      /(?<![.\w])eval\s*\(/,
      /\bnew\s+Function\b|(?<![.\w])Function\s*\(/,
      /from\s+'node:(?:vm|child_process|net|http|https|tls|dgram|dns|worker_threads)'/,
      /require\(\s*[^'")\s]/,
      /\bimport\s*\(\s*[^'"\s]/,
      /\bfetch\s*\(/,
      /\b(?:writeFile|appendFile|createWriteStream|mkdir|rename|unlink|rmSync|copyFile)\w*\s*\(/,
    ];
    for (const file of sources) {
      const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${file}: ${pattern}`);
    }
  });
});
