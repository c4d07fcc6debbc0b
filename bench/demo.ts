/**
 * The demo suite of `npm run bench` (bench/run.ts dispatches here with `--suite demo`): how long
 * `npm run demo` — the README's first command — takes, and where the time goes. `node bin/cd4ml.js
 * demo` runs `--repeat` times (default 3) under each Node (the machine's, and Node 24 from
 * tools/node24 when installed; the demo runs every step's bundle with the Node that runs it), the
 * runtimes interleaved in each round; each step's time is read from its verdict line (`[0.6 s]`).
 * Reported: the median total wall time, its range, and each step's median, per runtime.
 *
 * Before each run the harness waits for a quiet machine (--wait-quiet) and flags runs during which
 * other processes kept more than a quarter of a core busy.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { markdownTable } from 'markdown-table';
import { countOption } from './generate-data.js';
import { childrenCpuSeconds, cleanEnv, cpuModel, failureLine, fixed, machineBusySeconds, median, NODE24, replaceResultsSection, RESULTS, ROOT, runProcess, textTable, versionOf, waitForQuiet } from './harness.js';

const DEMO_START = '<!-- bench:demo:start -->';
const DEMO_END = '<!-- bench:demo:end -->';
const CLI = join(ROOT, 'bin/cd4ml.js');
/** Other processes busy for more than this share of a core during a run make it unreliable. */
const BUSY_CORES = 0.25;
/** The promise the README makes. */
const BUDGET_SECONDS = 60;

interface DemoRun {
  seconds: number;
  /** CPU seconds of the demo's whole process tree (the CLI and every step's bundle). */
  cpuSeconds: number | undefined;
  /** Each step and its seconds, in the demo's order. */
  steps: Array<{ step: string; seconds: number }>;
  busy: boolean;
}

/** The verdict lines' steps and times: `  ✔ validate-data        … [0.6 s]`. */
export function stepTimes(stdout: string): Array<{ step: string; seconds: number }> {
  const steps: Array<{ step: string; seconds: number }> = [];
  for (const line of stdout.split('\n')) {
    const match = /^ {2}[✔✘✗] (\S+) .* \[(\d+(?:\.\d+)?) s\]$/.exec(line);
    if (match !== null) steps.push({ step: match[1] as string, seconds: Number(match[2]) });
  }
  return steps;
}

async function runDemo(node: string, timeoutMs: number): Promise<DemoRun> {
  const out = mkdtempSync(join(tmpdir(), 'cd4ml-bench-demo-'));
  try {
    const busyBefore = machineBusySeconds();
    const childrenBefore = childrenCpuSeconds();
    const self = process.cpuUsage();
    const run = await runProcess(node, [CLI, 'demo', '--out', out], cleanEnv(), timeoutMs);
    const selfSeconds = Object.values(process.cpuUsage(self)).reduce((sum, value) => sum + value, 0) / 1e6;
    const childrenAfter = childrenCpuSeconds();
    const busyAfter = machineBusySeconds();
    if (run.code !== 0) throw new Error(`the demo failed under ${node}: ${failureLine(run, 'no message')}`);
    const cpuSeconds = childrenBefore === undefined || childrenAfter === undefined ? undefined : childrenAfter - childrenBefore;
    const otherCores = busyBefore === undefined || busyAfter === undefined || cpuSeconds === undefined ? 0 : (busyAfter - busyBefore - cpuSeconds - selfSeconds) / run.seconds;
    return { seconds: run.seconds, cpuSeconds, steps: stepTimes(run.stdout), busy: otherCores > BUSY_CORES };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function runDemoSuite(options: Map<string, string>, command: string): Promise<void> {
  const repeat = countOption(options, 'repeat', 3);
  const quietMs = Number(options.get('wait-quiet') ?? 30) * 1000;
  const timeoutMs = countOption(options, 'timeout', 300) * 1000;
  const runtimes = [
    { name: `Node ${process.version}`, path: process.execPath },
    ...(existsSync(NODE24) ? [{ name: `Node ${versionOf(NODE24, ['--version']) ?? '24'}`, path: NODE24 }] : []),
  ];
  const runs = new Map<string, DemoRun[]>(runtimes.map((runtime) => [runtime.name, []]));
  for (let round = 1; round <= repeat; round += 1) {
    for (const runtime of runtimes) {
      await waitForQuiet(quietMs);
      const run = await runDemo(runtime.path, timeoutMs);
      runs.get(runtime.name)!.push(run);
      console.log(`demo round ${round}, ${runtime.name}: ${fixed(run.seconds, 1)} s${run.busy ? ' (machine busy)' : ''}`);
    }
  }

  const header = ['step', ...runtimes.map((runtime) => `${runtime.name} (s)`)];
  const first = runs.get(runtimes[0]!.name)![0]!;
  const stepRows = first.steps.map((entry, index) => [
    `${index + 1}. ${entry.step}`,
    ...runtimes.map((runtime) => fixed(median(runs.get(runtime.name)!.map((run) => run.steps[index]?.seconds ?? Number.NaN)), 1)),
  ]);
  const total = (name: string) => runs.get(name)!.map((run) => run.seconds);
  const totalRow = ['**total, wall** (median)', ...runtimes.map((runtime) => `**${fixed(median(total(runtime.name)), 1)}**`)];
  const rangeRow = ['total, range', ...runtimes.map((runtime) => `${fixed(Math.min(...total(runtime.name)), 1)}–${fixed(Math.max(...total(runtime.name)), 1)}`)];
  const cpu = (name: string) => runs.get(name)!.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  const cpuRow = ['CPU time, whole process tree (median)', ...runtimes.map((runtime) => (cpu(runtime.name).length === 0 ? 'n/a' : fixed(median(cpu(runtime.name)), 1)))];
  const table = [header, ...stepRows, totalRow, rangeRow, cpuRow];
  const slowest = Math.max(...runtimes.map((runtime) => Math.max(...total(runtime.name))));
  const busyRuns = [...runs.values()].flat().filter((run) => run.busy).length;

  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- ${repeat === 1 ? 'One run' : `Median of ${repeat} runs`} per runtime, the runtimes interleaved; each step's time from its verdict line (the bundle's start-up included)${busyRuns > 0 ? `; ${busyRuns} run(s) overlapped other work on the machine` : ''}`,
    `- The slowest run took ${fixed(slowest, 1)} s of the ${BUDGET_SECONDS} s the README promises`,
    '',
    markdownTable(table, { align: ['l', ...runtimes.map(() => 'r' as const)] }),
  ].join('\n');

  console.log(`\n${textTable(table.map((row) => row.map((cell) => cell.replaceAll('**', ''))), (column) => column >= 1)}\n`);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  if (slowest > BUDGET_SECONDS) throw new Error(`the demo took ${fixed(slowest, 1)} s, over the ${BUDGET_SECONDS} s the README promises`);
  if (options.has('write-results')) {
    replaceResultsSection(DEMO_START, DEMO_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}
