// `speech-tidy`: the command-line face of the same core the language server uses. This file is
// both the program and, inside worker threads, the worker: one bundle, nothing to locate at run time.
import { main } from './cli/main';
import { isWorker, serveAsWorker } from './cli/pool';

if (isWorker()) {
  serveAsWorker();
} else {
  // `speech-tidy check | head` closes the pipe early; that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    entry: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`speech-tidy: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
