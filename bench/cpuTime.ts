// Preloaded (`node --require`) into the CLI runs the benchmark times: on exit, the CPU time the
// whole process used, all its threads together (V8's collector threads too), as the last line of
// standard error. With it the benchmark can say how fast N cores could at best run what one
// worker does, which is what bounds the CLI's ratio on a given machine.
import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

export const CPU_TIME_TAG = 'speech-tidy-bench-cpu-ms';

/** The CPU time that `stderr` reports, in milliseconds. */
export function cpuTimeIn(stderr: string): number | undefined {
  const match = new RegExp(`^${CPU_TIME_TAG} (\\d+(?:\\.\\d+)?)$`, 'm').exec(stderr);
  return match ? Number(match[1]) : undefined;
}

// Workers load the preload too; the process's figure is the main thread's to give, once.
if (isMainThread && process.env.SPEECH_TIDY_BENCH_CPU === '1') {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeSync(2, `${CPU_TIME_TAG} ${(user + system) / 1000}\n`);
  });
}
