// Spreading files over threads: the main thread and worker threads, all running the same
// `processFile` (the workers run this very bundle, dist/cli.js). The main thread takes its share
// too: the rest of its work (receiving results and writing them out in order) is small, so a
// worker in its place would mostly add one more start-up and one more JIT warm-up. Files go out
// in batches that shrink as the run nears its end, so that no thread is left with a long queue
// while the others have nothing to do.
import { setImmediate as turn } from 'node:timers/promises';
import { workerData as givenWorkerData, isMainThread, parentPort, Worker } from 'node:worker_threads';
import { syncWrittenDirectories } from './atomicWrite';
import { type FileResult, FolderConfigs, type Options, processFile, type Task } from './processFile';

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
const MAX_BATCH = 32;
/** Batches per thread in a share of what is left: the more, the more evenly the threads finish. */
const SHARES_PER_THREAD = 4;
/**
 * Batches a worker holds: while the main thread is busy with a batch of its own and cannot send
 * another, the worker goes on with the one it holds.
 */
const HELD_PER_WORKER = 2;

export function isWorker(): boolean {
  return !isMainThread && (givenWorkerData as WorkerData | undefined)?.speechTidyWorker === true;
}

/** The worker's side: answer each batch with its results. */
export function serveAsWorker(): void {
  const { options } = givenWorkerData as WorkerData;
  const configs = new FolderConfigs(options.locale);
  parentPort!.on('message', (message: BatchMessage) => {
    try {
      const results = processBatch(message.tasks, options, configs);
      parentPort!.postMessage({ kind: 'results', results } satisfies ReplyMessage);
    } catch (error) {
      parentPort!.postMessage({ kind: 'crash', message: (error as Error).message } satisfies ReplyMessage);
    }
  });
}

function processBatch(tasks: readonly Task[], options: Options, configs: FolderConfigs): FileResult[] {
  const results = tasks.map((task) => processFile(task, options, configs));
  // Durable before the main thread reports the files as fixed; once per batch, not per file.
  syncWrittenDirectories();
  return results;
}

/** The threads of one run. */
export class Pool {
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  private wake = () => {};

  constructor(
    private readonly options: Options,
    /** The script the workers run. */
    private readonly entry: string,
  ) {}

  /**
   * Starts workers until there are `count`. A worker takes about as long to boot as finding a few
   * thousand files takes, so they are started as soon as it is clear they will be used.
   */
  grow(count: number): void {
    while (this.workers.length < count) {
      const worker = new Worker(this.entry, {
        workerData: { speechTidyWorker: true, options: this.options } satisfies WorkerData,
      });
      worker.on('error', (error) => this.fail(error));
      // Until `run`, a worker must not keep the process alive: whatever ends the run before it
      // starts ends the process too.
      worker.unref();
      this.workers.push(worker);
    }
  }

  /**
   * Processes every task in this thread and the workers, hands each result to `onResult` as it
   * arrives (in completion order; the caller restores the order it wants), and stops the workers.
   */
  async run(tasks: readonly Task[], onResult: (result: FileResult) => void): Promise<void> {
    const threads = this.workers.length + 1;
    let next = 0;
    const take = () => {
      const share = Math.floor((tasks.length - next) / (threads * SHARES_PER_THREAD));
      const slice = tasks.slice(next, next + Math.max(1, Math.min(MAX_BATCH, share)));
      next += slice.length;
      return slice;
    };

    let unanswered = 0;
    for (const worker of this.workers) {
      worker.ref();
      let held = 0;
      const send = () => {
        const batch = take();
        if (batch.length === 0) return;
        held++;
        unanswered++;
        worker.postMessage({ tasks: batch } satisfies BatchMessage);
      };
      worker.on('message', (message: ReplyMessage) => {
        if (this.failure) return;
        if (message.kind === 'crash') return this.fail(new Error(message.message));
        held--;
        unanswered--;
        message.results.forEach(onResult);
        send();
        this.wake();
      });
      worker.on('exit', (code) => {
        if (held > 0) this.fail(new Error(`worker exited with code ${code}`));
      });
      for (let batch = 0; batch < HELD_PER_WORKER; batch++) send();
    }

    const configs = new FolderConfigs(this.options.locale);
    try {
      for (let batch = take(); batch.length > 0 && !this.failure; batch = take()) {
        processBatch(batch, this.options, configs).forEach(onResult);
        // Lets the workers' answers in, and the progress line and the output streams breathe.
        await turn();
      }
      while (unanswered > 0 && !this.failure) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    } finally {
      await Promise.all(this.workers.map((worker) => worker.terminate()));
    }
    if (this.failure) throw this.failure;
  }

  /** One failed thread ends the run: the others are stopped rather than left to finish it. */
  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }
}
