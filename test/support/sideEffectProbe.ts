// Preloaded into the server under test (`node --require …/sideEffectProbe.js dist/server.js`):
// wraps every Node API that writes a file, opens a network connection, starts a process or
// evaluates code, and reports each call on stderr as `SIDE-EFFECT <api> <detail>`, before letting
// it through. The test reads those lines; a server that keeps to itself prints none.
import childProcess = require('node:child_process');
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');
import vm = require('node:vm');
import workerThreads = require('node:worker_threads');

const MARK = 'SIDE-EFFECT';

function report(api: string, detail: unknown): void {
  let shown: string;
  try {
    shown = typeof detail === 'string' ? detail : JSON.stringify(detail);
  } catch {
    shown = String(detail);
  }
  // Synchronous and outside the streams the server uses, so nothing is lost at exit.
  (process as unknown as { _rawDebug(message: string): void })._rawDebug(
    `${MARK} ${api} ${shown?.slice(0, 200)}`,
  );
}

type Wrappable = Record<string, unknown>;

function wrap(
  target: Wrappable,
  name: string,
  label: string,
  when: (args: unknown[]) => boolean = () => true,
) {
  const original = target[name];
  if (typeof original !== 'function') return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    if (when(args)) report(label, args[0]);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Object.defineProperty(wrapped, 'name', { value: (original as { name: string }).name });
  try {
    target[name] = wrapped;
  } catch {
    // A read-only export: left alone.
  }
}

/** Open flags that may create or change a file. */
function writes(flags: unknown): boolean {
  if (flags === undefined || flags === null) return false;
  if (typeof flags === 'number') {
    const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants;
    return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) !== 0;
  }
  return /[wa+]/.test(String(flags));
}

const fsWrites = [
  'writeFile',
  'appendFile',
  'createWriteStream',
  'mkdir',
  'mkdtemp',
  'rename',
  'unlink',
  'rm',
  'rmdir',
  'copyFile',
  'cp',
  'symlink',
  'link',
  'truncate',
  'chmod',
  'chown',
  'utimes',
  'lchown',
  'lutimes',
];
const fsModule = fs as unknown as Wrappable;
const fsPromises = fs.promises as unknown as Wrappable;
for (const name of fsWrites) {
  wrap(fsModule, name, `fs.${name}`);
  wrap(fsModule, `${name}Sync`, `fs.${name}Sync`);
  wrap(fsPromises, name, `fs.promises.${name}`);
}
wrap(fsModule, 'open', 'fs.open', (args) => writes(args[1]));
wrap(fsModule, 'openSync', 'fs.openSync', (args) => writes(args[1]));
wrap(fsPromises, 'open', 'fs.promises.open', (args) => writes(args[1]));

for (const [module, label, names] of [
  [net, 'net', ['connect', 'createConnection', 'createServer']],
  [tls, 'tls', ['connect', 'createServer']],
  [http, 'http', ['request', 'get', 'createServer']],
  [https, 'https', ['request', 'get', 'createServer']],
  [dgram, 'dgram', ['createSocket']],
  [dns, 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
  [dns.promises, 'dns.promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']],
  [
    childProcess,
    'child_process',
    ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  ],
  [vm, 'vm', ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']],
] as const) {
  for (const name of names) wrap(module as unknown as Wrappable, name, `${label}.${name}`);
}
wrap(net.Socket.prototype as unknown as Wrappable, 'connect', 'net.Socket.connect');
wrap(net.Server.prototype as unknown as Wrappable, 'listen', 'net.Server.listen');
wrap(globalThis as unknown as Wrappable, 'fetch', 'fetch');
wrap(globalThis as unknown as Wrappable, 'eval', 'eval');

// Constructors: a subclass that reports, standing in for the original.
const OriginalWorker = workerThreads.Worker;
(workerThreads as unknown as Wrappable).Worker = class extends OriginalWorker {
  constructor(...args: ConstructorParameters<typeof OriginalWorker>) {
    report('worker_threads.Worker', args[0]);
    super(...args);
  }
};
const OriginalScript = vm.Script;
(vm as unknown as Wrappable).Script = class extends OriginalScript {
  constructor(...args: ConstructorParameters<typeof OriginalScript>) {
    report('vm.Script', args[0]);
    super(...args);
  }
};
const OriginalFunction = Function;
globalThis.Function = new Proxy(OriginalFunction, {
  construct(target, args) {
    report('Function', args.at(-1));
    return Reflect.construct(target, args);
  },
  apply(target, self, args) {
    report('Function', args.at(-1));
    return Reflect.apply(target, self, args);
  },
});

process.on('exit', () => {
  // Configuration must not reach Object.prototype (`"__proto__": {…}` in a settings file).
  const polluted = Object.keys(Object.prototype);
  if (polluted.length > 0) report('Object.prototype', polluted);
});
