// `npm run bench`: every speed and memory figure of Speech Tidy, measured side by side on the
// same generated text in one run, printed as a table and written to bench/results.json.
// Ratios, not absolute times, are what the targets are stated in: these machines are noisy.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';
import {
  analyze,
  applyEdits,
  fixAllEdits,
  RULES,
  resolveConfig,
  TranscriptAnalyzer,
} from '../server/src/core';
import { AD_SOURCE } from '../server/src/core/residue';
import { INVISIBLE } from '../server/src/core/text';
import { REPO_ROOT } from '../test/support/fixtures';
import { LspClient } from '../test/support/lspClient';
import { cpuTimeIn } from './cpuTime';
import { generateTranscript } from './generate';

// Runs per figure: on a shared machine the median of 9 runs of the 1 MB analysis moved by a
// quarter from one run of the benchmark to the next, while that of 60 held within a tenth. The
// anchors and LSP take fewer (at most 5, zhlint 3): their runs are long.
const SIZES = [
  { label: '10 KB', bytes: 10 * 1024, repeats: 41 },
  { label: '1 MB', bytes: 1024 * 1024, repeats: 21 },
  { label: '10 MB', bytes: 10 * 1024 * 1024, repeats: 5 },
] as const;
const ZHLINT_MAX_BYTES = 1024 * 1024;
/** Runs of autocorrect-node's lint and of zhlint's at each size, among the turns of the analysis. */
const ANCHOR_RUNS = 5;
const ZHLINT_RUNS = 3;
/** Turns of the analyses of 1 MB and 10 MB side by side, for how the cost grows with size. */
const LINEARITY_TURNS = 5;
const WORKSPACE_FILES = 10_000;
/** The workspace spreads its files over this many folders, as archives do. */
const WORKSPACE_FOLDERS = 100;
/** Outside the repository: the CLI skips what `.gitignore` lists, as it should. */
const TMP = path.join(tmpdir(), 'speech-tidy-bench');

/**
 * The floor: one pass of the regular expression a careful person would write by hand to find
 * what Speech Tidy finds: the ad phrases (with inserted blanks), Latin runs, half-width marks
 * and invisible characters.
 */
const FLOOR = new RegExp(`${AD_SOURCE}|[A-Za-z]+|[,:;?!()]|[${INVISIBLE}]+`, 'g');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * How long code runs before it is timed, at least one run: the same for Speech Tidy, the floor and
 * the anchors. One run was too few for the analysis: its first three runs of 1 MB after 10 KB took 2–6×
 * the time of those that followed (the engine compiles it again for the larger text and grows its
 * heap); a second is 20 runs of the analysis, 8 of autocorrect-node's lint and one of zhlint's.
 */
const WARM_UP_MS = 1000;

function warmUp(run: () => unknown): void {
  const warming = performance.now();
  do run();
  while (performance.now() - warming < WARM_UP_MS);
}

/** The median time of `repeats` runs after those that warm up. */
function time(repeats: number, run: () => unknown): number {
  warmUp(run);
  const samples: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Code timed in turns with other code. */
interface Timed {
  readonly run: () => unknown;
  /** For a slow anchor: timed in about this many of the turns, spread evenly over them. */
  readonly samples?: number;
}

/** What timing one piece of code in turns gave: each run's time, and when it started and ended. */
interface TurnSamples {
  readonly samples: number[];
  readonly windows: (readonly [number, number])[];
}

/**
 * `timed` run in turns, each warmed up first: the i-th run of each follows the i-th of the others,
 * so a shared machine that slows down or speeds up while they are timed does so for all of them
 * alike, and their ratio holds. Timed a minute apart, the analyses of 10 MB and 1 MB came to 14.9×
 * in one run of the benchmark and 8.2× in the run before it, with the floor of 10 MB at 57 ms and
 * 32 ms; timed a second apart, the median analysis of 1 MB was 38 and 42 ms in two runs of one
 * day, its fastest 32 and 29, while the floor took 3.2 and 3.3 ms.
 */
function samplesInTurns(turns: number, timed: readonly Timed[]): TurnSamples[] {
  for (const { run } of timed) warmUp(run);
  const taken = timed.map((): TurnSamples => ({ samples: [], windows: [] }));
  for (let turn = 0; turn < turns; turn++)
    timed.forEach(({ run, samples = turns }, index) => {
      if (turn % Math.ceil(turns / samples) !== 0) return;
      const start = performance.now();
      run();
      const end = performance.now();
      taken[index]!.samples.push(end - start);
      taken[index]!.windows.push([start, end]);
    });
  return taken;
}

function timeInTurns(turns: number, runs: readonly (() => unknown)[]): number[] {
  return samplesInTurns(
    turns,
    runs.map((run) => ({ run })),
  ).map(({ samples }) => median(samples));
}

interface CollectedTimes {
  readonly medianMs: number;
  readonly fastestMs: number;
  /** How long the garbage collector held the thread, per run. */
  readonly collectorMs: number;
}

/**
 * `samplesInTurns`, with the fastest run of each and the collector's pauses during its runs: what
 * separates the median from the fastest run of code that allocates, said by the run itself.
 */
async function timeInTurnsWithCollector(turns: number, timed: readonly Timed[]): Promise<CollectedTimes[]> {
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const taken = samplesInTurns(turns, timed);
  // Entries are queued, not delivered at once: the last pauses come after the current task.
  await new Promise((resolve) => setImmediate(resolve));
  pauses.push(...observer.takeRecords());
  observer.disconnect();
  return taken.map(({ samples, windows }) => {
    let paused = 0;
    for (const pause of pauses)
      if (windows.some(([start, end]) => pause.startTime >= start && pause.startTime < end))
        paused += pause.duration;
    return {
      medianMs: median(samples),
      fastestMs: Math.min(...samples),
      collectorMs: paused / samples.length,
    };
  });
}

/**
 * The median of the times `measure` reports, after one run to warm up: for runs with set-up that
 * is not to be timed, each over LSP or in a process of its own.
 */
async function medianOf(repeats: number, measure: () => Promise<number>): Promise<number> {
  await measure();
  const samples: number[] = [];
  for (let index = 0; index < repeats; index++) samples.push(await measure());
  return median(samples);
}

function timeAsync(repeats: number, run: () => Promise<unknown>): Promise<number> {
  return medianOf(repeats, async () => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  });
}

/** Text of about `bytes` bytes of UTF-8: the generator counts UTF-16 units, most of them 3 bytes. */
function transcriptOfBytes(bytes: number, seed = 7): string {
  const draft = generateTranscript(Math.round(bytes / 2.9), seed);
  const ratio = bytes / Buffer.byteLength(draft);
  return generateTranscript(Math.round(draft.length * ratio), seed);
}

const config = resolveConfig({}, RULES);
const options = { config, locale: 'en' as const };

interface SizeResult {
  readonly label: string;
  readonly bytes: number;
  readonly findings: number;
  readonly floorMs: number;
  readonly analysisMs: number;
  readonly analysisFastestMs: number;
  /** The collector's pauses during an analysis, on average. */
  readonly analysisCollectorMs: number;
  readonly fixAllMs: number;
  readonly editMs: number;
  readonly autocorrectMs: number;
  readonly autocorrectFindings: number;
  readonly zhlintMs: number | undefined;
  readonly zhlintFindings: number | undefined;
  readonly lsp: {
    openMs: number;
    editMs: number;
    symbolsMs: number;
    quickFixMs: number;
    fixAllMs: number;
    fixAllAppliedMs: number;
  };
  readonly memory: { heapGrowthBytes: number; rssBytes: number };
}

/** Full analysis: every rule, the findings as the server publishes them, and the outline. */
function fullAnalysis(text: string): number {
  const analysis = analyze(text, options);
  return analysis.findings.length + analysis.outline.length;
}

/**
 * autocorrect-node gives up on a text of about a megabyte: it answers "call limit reached" and
 * finds nothing, sooner than a lint would take. So it lints the text in pieces that end with a
 * line, as a user would have to; where one call works, the pieces find the same problems.
 */
const AUTOCORRECT_PIECE = 100_000;

/** What the benchmark calls of each anchor (zhlint is an ES module, typed apart from this file). */
interface Autocorrect {
  lintFor(text: string, filepath: string): { readonly error: string; readonly lines: readonly unknown[] };
}
interface Zhlint {
  run(text: string, options: { rules: { preset: 'default' } }): { readonly validations: readonly unknown[] };
}

/** autocorrect-node's lint of `text`: how many problems it finds. Fails if it gives up. */
function lintWithAutocorrect(autocorrect: Autocorrect, text: string): number {
  let found = 0;
  for (let start = 0; start < text.length; ) {
    const limit = start + AUTOCORRECT_PIECE;
    const cut = limit < text.length ? text.lastIndexOf('\n', limit - 1) : text.length - 1;
    const end = cut >= start ? cut + 1 : limit;
    const result = autocorrect.lintFor(text.slice(start, end), 'speech.txt');
    if (result.error) throw new Error(`autocorrect-node failed: ${result.error}`);
    found += result.lines.length;
    start = end;
  }
  return found;
}

/**
 * zhlint's lint of `text` with its default rules: how many problems it finds. Without rules
 * zhlint only parses ("`undefined` … means linting nothing"); a lint that finds nothing in a
 * transcript full of half-width commas has not run.
 */
function lintWithZhlint(zhlint: Zhlint, text: string): number {
  const found = zhlint.run(text, { rules: { preset: 'default' } }).validations.length;
  if (found === 0) throw new Error('zhlint found nothing: its rules did not run');
  return found;
}

/** The middle of a paragraph near the middle of the text, where an edit is typed. */
function editOffset(text: string): number {
  const middle = text.indexOf('\n', text.length >> 1);
  return text.indexOf('。', middle) - 2;
}

async function measureSize(label: string, bytes: number, repeats: number): Promise<SizeResult> {
  const text = transcriptOfBytes(bytes);
  const actualBytes = Buffer.byteLength(text);
  // The floor, the analysis and the anchors in turns, as the targets are ratios of them. Each run
  // counts what the anchor found: every run finds the same, and a separate run to count would
  // only repeat the warm-up (3 s of zhlint at 1 MB).
  const autocorrect = await import('autocorrect-node');
  const zhlint = bytes <= ZHLINT_MAX_BYTES ? await import('zhlint') : undefined;
  let autocorrectFindings = 0;
  let zhlintFindings: number | undefined;
  const timed = await timeInTurnsWithCollector(repeats, [
    { run: () => text.match(FLOOR)?.length ?? 0 },
    { run: () => fullAnalysis(text) },
    {
      run: () => {
        autocorrectFindings = lintWithAutocorrect(autocorrect, text);
      },
      samples: ANCHOR_RUNS,
    },
    ...(zhlint
      ? [
          {
            run: () => {
              zhlintFindings = lintWithZhlint(zhlint, text);
            },
            samples: ZHLINT_RUNS,
          },
        ]
      : []),
  ]);
  const [floor, analysisTimes, autocorrectTimes] = timed as [CollectedTimes, CollectedTimes, CollectedTimes];
  const zhlintTimes = timed[3];
  const analysisMs = analysisTimes.medianMs;
  const analysis = analyze(text, options);
  const fixAllMs = time(repeats, () => applyEdits(text, fixAllEdits(analysis.findings)).length);

  // One character typed in one paragraph, then everything a full analysis gives, from the edit on.
  const analyzer = new TranscriptAnalyzer(text, { ...options, rules: RULES });
  analyzer.analysis().findings.length;
  const at = editOffset(text);
  let typed = false;
  const editMs = time(Math.max(repeats, 9), () => {
    analyzer.update(at, at + (typed ? 1 : 0), typed ? '' : '的');
    typed = !typed;
    const updated = analyzer.analysis();
    return updated.findings.length + updated.outline.length;
  });

  const { lsp, memory } = await measureLsp(text, Math.min(repeats, 5));
  return {
    label,
    bytes: actualBytes,
    findings: analysis.findings.length,
    floorMs: floor.medianMs,
    analysisMs,
    analysisFastestMs: analysisTimes.fastestMs,
    analysisCollectorMs: analysisTimes.collectorMs,
    fixAllMs,
    editMs,
    autocorrectMs: autocorrectTimes.medianMs,
    autocorrectFindings,
    zhlintMs: zhlintTimes?.medianMs,
    zhlintFindings,
    lsp,
    memory,
  };
}

async function measureLsp(text: string, repeats: number): Promise<Pick<SizeResult, 'lsp' | 'memory'>> {
  // The server exposes `gc` to the benchmark so that heap figures are not garbage.
  const client = await LspClient.start({
    workspaceFolders: [],
    env: { ...process.env, NODE_OPTIONS: '--expose-gc' },
  });
  try {
    const usage = () => client.request<NodeJS.MemoryUsage>('speechTidy/memoryUsage');
    const before = await usage();
    let round = 0;
    const openMs = await medianOf(repeats, async () => {
      const uri = `untitled:bench-${round++}.speech`;
      const start = performance.now();
      await client.open(uri, text);
      await client.diagnosticsFor(uri, 1, { timeout: 600_000 });
      const elapsed = performance.now() - start;
      await client.close(uri);
      return elapsed;
    });
    const uri = 'untitled:bench.speech';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, { timeout: 600_000 });
    const after = await usage();
    const at = editOffset(text);
    const editMs = await timeAsync(Math.max(repeats, 9), async () => {
      const version = await client.edit(uri, at, at, '的');
      await client.diagnosticsFor(uri, version, { timeout: 600_000 });
    });
    const symbolsMs = await timeAsync(repeats, () => client.documentSymbols(uri));
    // What VS Code asks each time the cursor lands on a problem: the quick fixes there. A
    // placeholder's include "replace all" and "fix all" of its rule.
    const placeholders = (await client.currentDiagnostics(uri)).filter((d) => d.code === 'placeholder');
    const cursor = placeholders[placeholders.length >> 1]!;
    const quickFixMs = await timeAsync(repeats, () => client.codeActions(uri, cursor.range, [cursor]));
    const everything = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixAllMs = await timeAsync(repeats, () =>
      client.codeActions(uri, everything, [], ['source.fixAll.speech']),
    );
    // What the user waits for once Fix All is chosen: its edits reach the server as one didChange,
    // bottom to top, and the fixed text's diagnostics come back. Each time on a fresh copy.
    const fixAllAppliedMs = await medianOf(Math.min(repeats, 3), async () => {
      const copy = `untitled:bench-fix-${round++}.speech`;
      await client.open(copy, text);
      await client.diagnosticsFor(copy, 1, { timeout: 600_000 });
      const [action] = (await client.codeActions(copy, everything, [], ['source.fixAll.speech'])) ?? [];
      const start = performance.now();
      await client.applyCodeAction(action!);
      await client.currentDiagnostics(copy, { timeout: 600_000 });
      const elapsed = performance.now() - start;
      await client.close(copy);
      return elapsed;
    });
    return {
      lsp: { openMs, editMs, symbolsMs, quickFixMs, fixAllMs, fixAllAppliedMs },
      memory: { heapGrowthBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss },
    };
  } finally {
    await client.shutdown();
  }
}

async function measureWorkspace(): Promise<{
  indexMs: number;
  queryMs: number;
  cliOneMs: number;
  /** CPU time of the process with --jobs 1, all its threads together. */
  cliOneCpuMs: number | undefined;
  cliAllMs: number;
  separateMs: number;
  workers: number;
}> {
  const folder = path.join(TMP, 'workspace');
  rmSync(folder, { recursive: true, force: true });
  const subfolders = Array.from({ length: WORKSPACE_FOLDERS }, (_, index) =>
    path.join(folder, String(index)),
  );
  for (const sub of subfolders) mkdirSync(sub, { recursive: true });
  for (let index = 0; index < WORKSPACE_FILES; index++) {
    const sub = subfolders[index % WORKSPACE_FOLDERS]!;
    writeFileSync(path.join(sub, `讲话${index}.speech`), generateTranscript(1500, index + 1));
  }
  const client = await LspClient.start({ workspaceFolders: [folder] });
  let indexMs: number;
  let queryMs: number;
  try {
    const log = await client.logs.wait(
      (entry) => /^Indexed \d+ transcripts? in \d+ ms/.test(entry.message),
      'index',
      {
        timeout: 600_000,
      },
    );
    indexMs = Number(/in (\d+) ms/.exec(log.message)![1]);
    queryMs = await timeAsync(5, () => client.workspaceSymbols('营商环境'));
  } finally {
    await client.shutdown();
  }
  const cliScript = path.join(REPO_ROOT, 'dist', 'cli.js');
  /**
   * `speech-tidy check` over `paths`, as a user runs it; settles when it has finished, with the
   * CPU time the process used.
   */
  const check = (jobs: number, paths: readonly string[]) =>
    new Promise<number | undefined>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('./cpuTime'),
          cliScript,
          'check',
          '--jobs',
          String(jobs),
          '--format',
          'json',
          ...paths,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SPEECH_TIDY_BENCH_CPU: '1' } },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 || code === 1
          ? resolve(cpuTimeIn(stderr))
          : reject(new Error(`speech-tidy check failed: ${stderr}`)),
      );
    });
  const workers = availableParallelism();
  const cpuSamples: (number | undefined)[] = [];
  const cliOneMs = await timeAsync(3, async () => cpuSamples.push(await check(1, [folder])));
  // The first sample is of the run that warms up, which `timeAsync` does not count either.
  const known = cpuSamples.slice(1).filter((sample) => sample !== undefined);
  const cliOneCpuMs = known.length > 0 ? median(known) : undefined;
  const cliAllMs = await timeAsync(3, () => check(workers, [folder]));
  // One process per core, each checking its share of the folders, all at once. Nothing is shared
  // between them, not even a process, so this is as much as the cores of this machine give: the
  // yardstick for the threads of `--jobs`.
  const shares = Array.from({ length: workers }, (_, share) =>
    subfolders.filter((_, index) => index % workers === share),
  );
  const separateMs = await timeAsync(3, () => Promise.all(shares.map((share) => check(1, share))));
  rmSync(folder, { recursive: true, force: true });
  return { indexMs, queryMs, cliOneMs, cliOneCpuMs, cliAllMs, separateMs, workers };
}

const ms = (value: number | undefined) =>
  value === undefined ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(0);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const machine = `${execFileSync('uname', ['-m']).toString().trim()}, ${availableParallelism()} cores, Node ${process.version}`;
  const sizes: SizeResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`measuring ${size.label}…\n`);
    sizes.push(await measureSize(size.label, size.bytes, size.repeats));
  }
  process.stderr.write('measuring 1 MB and 10 MB in turns…\n');
  const [, oneMbSize, tenMbSize] = SIZES;
  const oneMb = transcriptOfBytes(oneMbSize.bytes);
  const tenMb = transcriptOfBytes(tenMbSize.bytes);
  const [oneMbMs, tenMbMs] = timeInTurns(LINEARITY_TURNS, [
    () => fullAnalysis(oneMb),
    () => fullAnalysis(tenMb),
  ]) as [number, number];
  process.stderr.write(`measuring a workspace of ${WORKSPACE_FILES} transcripts…\n`);
  const workspace = await measureWorkspace();

  const rows = sizes.map((size) => [
    size.label,
    String(size.findings),
    ms(size.floorMs),
    ms(size.analysisMs),
    ms(size.fixAllMs),
    ms(size.editMs),
    ms(size.autocorrectMs),
    ms(size.zhlintMs),
    ms(size.lsp.openMs),
    ms(size.lsp.editMs),
    ms(size.lsp.symbolsMs),
    ms(size.lsp.quickFixMs),
    ms(size.lsp.fixAllMs),
    ms(size.lsp.fixAllAppliedMs),
    `${(size.memory.heapGrowthBytes / 1024 / 1024).toFixed(1)} MB`,
  ]);
  const header = [
    'size',
    'findings',
    'floor',
    'analysis',
    'fix-all',
    'edit',
    'autocorrect',
    'zhlint',
    'LSP open',
    'LSP edit',
    'symbols',
    'quick fixes',
    'LSP fix-all',
    'applied',
    'heap growth',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  console.log(`Speech Tidy benchmark (${machine}); medians in ms\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('\nthe analysis, median / fastest run / garbage collection per run, in ms:');
  for (const size of sizes)
    console.log(
      `  ${size.label}: ${ms(size.analysisMs)} / ${ms(size.analysisFastestMs)} / ${ms(size.analysisCollectorMs)}`,
    );
  console.log('\nproblems found, by Speech Tidy / autocorrect-node / zhlint:');
  for (const size of sizes)
    console.log(
      `  ${size.label}: ${size.findings} / ${size.autocorrectFindings} / ${size.zhlintFindings ?? '—'}`,
    );

  const [, mb1, mb10] = sizes as [SizeResult, SizeResult, SizeResult];
  const targets = [
    {
      name: 'analysis of 1 MB ≤ 4× the floor',
      value: mb1.analysisMs / mb1.floorMs,
      ok: mb1.analysisMs <= 4 * mb1.floorMs,
    },
    {
      name: 'analysis of 1 MB ≥ 5× faster than autocorrect',
      value: mb1.autocorrectMs / mb1.analysisMs,
      ok: mb1.autocorrectMs >= 5 * mb1.analysisMs,
    },
    {
      name: 'analysis of 1 MB ≥ 200× faster than zhlint',
      value: (mb1.zhlintMs ?? 0) / mb1.analysisMs,
      ok: (mb1.zhlintMs ?? 0) >= 200 * mb1.analysisMs,
    },
    {
      name: '10 MB costs ≤ 11× 1 MB',
      value: tenMbMs / oneMbMs,
      ok: tenMbMs <= 11 * oneMbMs,
    },
    {
      name: 'edit in 10 MB ≤ 5% of its full analysis',
      value: mb10.editMs / mb10.analysisMs,
      percent: true,
      ok: mb10.editMs <= 0.05 * mb10.analysisMs,
    },
    {
      name: 'LSP edit ≤ 25% of LSP open at 1 MB',
      value: mb1.lsp.editMs / mb1.lsp.openMs,
      percent: true,
      ok: mb1.lsp.editMs <= 0.25 * mb1.lsp.openMs,
    },
    {
      name: 'heap growth at 10 MB ≤ 8× its size',
      value: mb10.memory.heapGrowthBytes / mb10.bytes,
      ok: mb10.memory.heapGrowthBytes <= 8 * mb10.bytes,
    },
    {
      name: `CLI on all ${workspace.workers} cores ≤ 0.65× one thread`,
      value: workspace.cliAllMs / workspace.cliOneMs,
      ok: workspace.cliAllMs <= 0.65 * workspace.cliOneMs,
    },
  ];
  console.log(
    `\nthe analyses of 1 MB and 10 MB timed in turns, ${LINEARITY_TURNS} of each: ${ms(oneMbMs)} and ${ms(tenMbMs)} ms`,
  );
  console.log(
    `\nworkspace of ${WORKSPACE_FILES} transcripts: indexed in ${ms(workspace.indexMs)} ms, workspace/symbol in ${ms(workspace.queryMs)} ms`,
  );
  console.log(
    `speech-tidy check over them: ${ms(workspace.cliOneMs)} ms with --jobs 1, ${ms(workspace.cliAllMs)} ms with --jobs ${workspace.workers} (${ratio(workspace.cliAllMs / workspace.cliOneMs)})`,
  );
  console.log(
    `${workspace.workers} separate processes with --jobs 1, each on 1/${workspace.workers} of them at once: ${ms(workspace.separateMs)} ms (${ratio(workspace.separateMs / workspace.cliOneMs)}, what ${workspace.workers} cores give here when nothing is shared)\n`,
  );
  if (workspace.cliOneCpuMs !== undefined) {
    // No schedule over the cores does the work in less than its CPU time shared out among them.
    const bound = workspace.cliOneCpuMs / workspace.workers / workspace.cliOneMs;
    console.log(
      `--jobs 1 used ${ms(workspace.cliOneCpuMs)} ms of CPU in ${ms(workspace.cliOneMs)} ms (${(workspace.cliOneCpuMs / workspace.cliOneMs).toFixed(2)} cores, with V8's collector threads): spread over ${workspace.workers} cores with nothing added, that work takes at least ${ratio(bound)} of --jobs 1\n`,
    );
  }
  for (const target of targets)
    console.log(
      `${verdict(target.ok).padEnd(6)}  ${target.name}: ${'percent' in target ? `${(100 * target.value).toFixed(1)} %` : ratio(target.value)}`,
    );

  writeFileSync(
    path.join(REPO_ROOT, 'bench', 'results.json'),
    `${JSON.stringify(
      { machine, date: new Date().toISOString(), sizes, inTurns: { oneMbMs, tenMbMs }, workspace, targets },
      null,
      2,
    )}\n`,
  );
  rmSync(TMP, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(2);
});
