// Spreading files over worker threads. Each worker runs the same bundle (dist/cli.js) and the same
// `processFile` as the main thread would; files go out in small batches, so that a slow file holds
// up one worker and not the run, and results come back whenever a batch is done.
import { workerData as givenWorkerData, isMainThread, parentPort, Worker } from 'node:worker_threads';
import { syncWrittenDirectories } from './atomicWrite';
import { type FileResult, type Options, processFile, type Task } from './processFile';

interface WorkerData {
  readonly speechTidyWorker: true;
  readonly options: Options;
}

interface BatchMessage {
  readonly tasks: readonly Task[];
}

type ReplyMessage =
  | { readonly kind: 'results'; readonly results: readonly FileResult[] }
  | { readonly kind: 'crash'; readonly message: string };

/** Below this many files, starting threads costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 48;
const MAX_BATCH = 16;

export function isWorker(): boolean {
  return !isMainThread && (givenWorkerData as WorkerData | undefined)?.speechTidyWorker === true;
}

/** The worker's side: answer each batch with its results. */
export function serveAsWorker(): void {
  const { options } = givenWorkerData as WorkerData;
  parentPort!.on('message', (message: BatchMessage) => {
    try {
      const results = message.tasks.map((task) => processFile(task, options));
      // Durable before the main thread reports the files as fixed.
      syncWrittenDirectories();
      parentPort!.postMessage({ kind: 'results', results } satisfies ReplyMessage);
    } catch (error) {
      parentPort!.postMessage({ kind: 'crash', message: (error as Error).message } satisfies ReplyMessage);
    }
  });
}

/**
 * Processes every task, in `jobs` threads when that pays, and hands each result to `onResult` as
 * it arrives (in completion order; the caller restores the order it wants).
 */
export async function runTasks(
  tasks: readonly Task[],
  options: Options,
  jobs: number,
  entry: string,
  onResult: (result: FileResult) => void,
): Promise<void> {
  if (jobs <= 1 || tasks.length === 0) {
    // In batches like the workers', so that folders are flushed once per batch here too.
    for (let at = 0; at < tasks.length; at += MAX_BATCH) {
      const results = tasks.slice(at, at + MAX_BATCH).map((task) => processFile(task, options));
      syncWrittenDirectories();
      results.forEach(onResult);
      // Let the progress line and output streams breathe between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  const threads = Math.min(jobs, tasks.length);
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.floor(tasks.length / (threads * 8))));
  let next = 0;
  const take = () => {
    const slice = tasks.slice(next, next + batch);
    next += slice.length;
    return slice;
  };

  const workers: Worker[] = [];
  let failure: Error | undefined;
  await new Promise<void>((resolve, reject) => {
    let running = threads;
    // One failed thread ends the run: the others are stopped rather than left to finish it.
    const fail = (error: Error) => {
      if (failure) return;
      failure = error;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(entry, {
        workerData: { speechTidyWorker: true, options } satisfies WorkerData,
      });
      workers.push(worker);
      let inFlight: readonly Task[] = [];
      const feed = () => {
        inFlight = take();
        if (inFlight.length > 0) worker.postMessage({ tasks: inFlight } satisfies BatchMessage);
        else
          void worker.terminate().then(() => {
            if (--running === 0 && !failure) resolve();
          });
      };
      worker.on('message', (message: ReplyMessage) => {
        if (failure) return;
        if (message.kind === 'crash') return fail(new Error(message.message));
        message.results.forEach(onResult);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (inFlight.length > 0 && code !== 0) fail(new Error(`worker exited with code ${code}`));
      });
      feed();
    }
  });
}
