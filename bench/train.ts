/**
 * The train-on-gpu-runner suite of `npm run bench` (bench/run.ts dispatches here with `--suite train`):
 * what the action's `runner` backend costs on top of the user's own training, measured in one run,
 * every figure the median of `--repeat` rounds (default 3), the contenders interleaved in each round:
 *
 * 1. Training: examples/train.mjs (Node only, logistic regression; `--epochs N`, default 20,000, so
 *    that it trains for a few seconds) run bare, `node examples/train.mjs` with the env contract
 *    (CD4ML_PARAMS, CD4ML_OUTPUT_DIR, CD4ML_METRICS_FILE, CD4ML_SEED) set by hand, against the same
 *    training through the committed bundle, `node dist/train-on-gpu-runner/index.js` as the runner
 *    runs it (every input as an INPUT_ variable, defaults filled in as the runner does; require-gpu
 *    false, the metric regex of loss and val_auc, data examples/data/customers.csv) with a PATH that
 *    has no nvidia-smi: wall seconds, the overhead in seconds and percent, the CPU time of the whole
 *    process tree, the action process's peak RSS (bench/rss-probe.mjs). Both must write the same
 *    model.onnx (byte for byte) and the same metrics. `python3 -m pip freeze`, which the action runs
 *    for the training record's environment, is timed on its own, as a part of the overhead.
 * 2. GPU sampling: the same bundle run with test/fixtures/nvidia-smi/gpu first on PATH, the stand-in
 *    for one H100 that answers the probe and streams samples as `nvidia-smi -l` does: the difference
 *    to (1) is what probing and sampling the GPU cost.
 * 3. Log throughput: a command printing `--log-lines` (default 1,000,000) short lines that the metric
 *    regex matches (`step=<i> loss=0.5`, written in 10,000-line chunks so that the printer is not the
 *    bottleneck), bare with its output to /dev/null, bare piped into this process (as a plain `run:`
 *    step's log is read), and through the bundle, which echoes every line to its own log and reads
 *    the curve from it: lines/s, and the size of the job summary written, whose chart is thinned to
 *    60 points per metric (the suite fails when a chart has more or the summary is not small).
 *
 * Before each run the harness waits for a quiet machine (--wait-quiet) and flags runs during which
 * other processes kept more than a quarter of a core busy. One untimed run of the bundle warms up the
 * page cache first.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, release, totalmem } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { markdownTable } from 'markdown-table';
import { metadata } from '../src/actions/train-on-gpu-runner/metadata.js';
import type { InputSpecs } from '../src/core/inputs/spec.js';
import { benchDir, countOption } from './generate-data.js';
import {
  childrenCpuSeconds,
  cleanEnv,
  cpuModel,
  failureLine,
  fixed,
  machineBusySeconds,
  median,
  NODE24,
  PROBE,
  readProbe,
  replaceResultsSection,
  RESULTS,
  ROOT,
  runBundleMeasured,
  runProcess,
  textTable,
  versionOf,
  waitForQuiet,
  warmPageCache,
  type Process,
} from './harness.js';

const BUNDLE = join(ROOT, 'dist/train-on-gpu-runner/index.js');
const TRAIN_SCRIPT = 'examples/train.mjs';
const DATA = 'examples/data/customers.csv';
const GPU_STAND_IN = join(ROOT, 'test/fixtures/nvidia-smi/gpu');
/** The GPU the stand-in reports (test/fixtures/nvidia-smi/query-gpu.csv). */
const GPU_NAME = 'NVIDIA H100 80GB HBM3';
const METRIC_REGEX = 'loss: loss=([0-9.]+)\nval_auc: val_auc=([0-9.]+)';
const SEED = '42';
const TRAIN_START = '<!-- bench:train:start -->';
const TRAIN_END = '<!-- bench:train:end -->';
/** examples/train.mjs trains for about 3 s at this many epochs on the reference runner. */
const DEFAULT_EPOCHS = 20_000;
const DEFAULT_LOG_LINES = 1_000_000;
/** mermaidLineChart's limit (src/core/report/charts.ts). */
const MAX_CHART_POINTS = 60;
/** "Small": a job summary of a million-line log stays under this (GitHub takes up to 1 MiB per step). */
const SUMMARY_LIMIT_BYTES = 8 * 1024;
/** Other processes busy for more than this share of a core during a run make it unreliable. */
const BUSY_CORES = 0.25;

interface TrainSettings {
  epochs: number;
  logLines: number;
  repeat: number;
  dir: string;
  timeoutMs: number;
  quietMs: number;
  node: string;
}

const mib = (kib: number | undefined): string => (kib === undefined ? '—' : fixed(kib / 1024, 0));

/** What a PATH without nvidia-smi holds: this Node (the training's `node`), bash and python3. */
function noGpuPath(): string {
  const dirs = [...new Set([dirname(process.execPath), '/usr/bin', '/bin'])];
  const found = dirs.find((dir) => existsSync(join(dir, 'nvidia-smi')));
  if (found !== undefined) throw new Error(`${found} holds an nvidia-smi; the suite needs a PATH without one`);
  return dirs.join(delimiter);
}

/** The first `command` on `path`, as the action's child processes find it. */
function onPath(command: string, path: string): string | undefined {
  return path
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find((file) => existsSync(file));
}

/** The inputs the runner sets when a workflow gives `given`: every input's default, then the given ones. */
function runnerInputs(given: Record<string, string>): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs as InputSpecs)) if (spec.default !== undefined) defaults[name] = spec.default;
  return { ...defaults, ...given };
}

/** How the action runs `run:` (src/core/train/run-command.ts): bash -eo pipefail. */
const bashArgs = (command: string): string[] => ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command];

/** A command that prints `lines` lines `step=<i> loss=0.5` in 10,000-line chunks, then writes its metrics. */
function logCommand(lines: number): string {
  const script = `let s="";for(let i=1;i<=${lines};i++){s+="step="+i+" loss=0.5\\n";if(i%10000===0||i===${lines}){process.stdout.write(s);s=""}}`;
  return `node -e '${script}'\necho '{"loss": 0.5}' > "$CD4ML_METRICS_FILE"`;
}

/** Bytes of that command's output. */
function logBytes(lines: number): number {
  let bytes = 0;
  for (let digits = 1, from = 1; from <= lines; digits += 1, from *= 10) {
    const count = Math.min(lines, from * 10 - 1) - from + 1;
    bytes += count * (digits + 15); // `step=`, the digits, ` loss=0.5`, the newline
  }
  return bytes;
}

/** How many times `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// One measured run

interface Measurement {
  ok: boolean;
  seconds: number;
  /** CPU seconds of the whole process tree (the action, bash, the training, pip, nvidia-smi). */
  treeCpuSeconds: number | undefined;
  /** CPU seconds of the measured Node process alone, as the probe reported them. */
  cpuSeconds: number | undefined;
  rssKiB: number | undefined;
  /** Cores other processes kept busy meanwhile (the machine's busy time less this process and its children). */
  otherCores: number | undefined;
  /** The action's duration-seconds output: the training command's own wall time. */
  commandSeconds: number | undefined;
  note: string;
  /** Checks that failed. */
  problems: string[];
  /** The trained model's sha256 and the metrics, for the cross-check of bare and bundle. */
  modelSha256?: string;
  metrics?: Record<string, unknown>;
  gpuSamples?: number;
  summaryBytes?: number;
  chartPoints?: number[];
  linesLogged?: number;
}

async function measured(work: () => Promise<Omit<Measurement, 'treeCpuSeconds' | 'otherCores'>>): Promise<Measurement> {
  const busyBefore = machineBusySeconds();
  const childrenBefore = childrenCpuSeconds();
  const selfBefore = process.cpuUsage();
  const result = await work();
  const self = process.cpuUsage(selfBefore);
  const childrenAfter = childrenCpuSeconds();
  const busyAfter = machineBusySeconds();
  const treeCpuSeconds = childrenBefore === undefined || childrenAfter === undefined ? undefined : childrenAfter - childrenBefore;
  const otherCores =
    busyBefore === undefined || busyAfter === undefined || treeCpuSeconds === undefined
      ? undefined
      : Math.max(0, busyAfter - busyBefore - treeCpuSeconds - (self.user + self.system) / 1e6) / result.seconds;
  return { ...result, treeCpuSeconds, otherCores };
}

function sha256Of(path: string): string | undefined {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : undefined;
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** 1, bare: `node examples/train.mjs` with the CD4ML_* variables the action would set. */
async function trainBare(settings: TrainSettings, path: string, runDir: string): Promise<Measurement> {
  mkdirSync(runDir, { recursive: true });
  const rssFile = join(runDir, 'bare.rss');
  const modelDir = join(runDir, 'model');
  const metricsFile = join(runDir, 'metrics.json');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    PATH: path,
    CD4ML_PARAMS: JSON.stringify({ epochs: settings.epochs }),
    CD4ML_OUTPUT_DIR: modelDir,
    CD4ML_METRICS_FILE: metricsFile,
    CD4ML_SEED: SEED,
    CD4ML_BENCH_RSS_FILE: rssFile,
  };
  return measured(async () => {
    const run = await runProcess(process.execPath, ['--import', PROBE, TRAIN_SCRIPT], env, settings.timeoutMs);
    const probe = readProbe(rssFile);
    const metrics = readJson(metricsFile);
    const modelSha256 = sha256Of(join(modelDir, 'model.onnx'));
    const problems: string[] = [];
    if (run.code !== 0 || run.timedOut) problems.push(failureLine(run, 'no error message'));
    else if (metrics === undefined || modelSha256 === undefined) problems.push('no model.onnx or metrics.json');
    return {
      ok: problems.length === 0,
      seconds: run.seconds,
      cpuSeconds: probe.cpuSeconds,
      rssKiB: probe.rssKiB,
      commandSeconds: undefined,
      note: problems[0] ?? `roc_auc ${typeof metrics?.['roc_auc'] === 'number' ? metrics['roc_auc'].toFixed(4) : '?'}`,
      problems,
      ...(modelSha256 === undefined ? {} : { modelSha256 }),
      ...(metrics === undefined ? {} : { metrics }),
    };
  });
}

/** What the bundle's runs have in common: its outputs checked, the summary read. */
interface BundleResult {
  run: Process;
  outputs: Record<string, string>;
  summary: string;
  problems: string[];
  rssKiB: number | undefined;
  cpuSeconds: number | undefined;
  commandSeconds: number | undefined;
}

async function runTrainBundle(settings: TrainSettings, given: Record<string, string>, path: string, runDir: string, expectedGpu: string): Promise<BundleResult> {
  const { run, outputs, rssKiB, cpuSeconds, failure } = await runBundleMeasured(settings.node, BUNDLE, runnerInputs(given), runDir, settings.timeoutMs, { PATH: path });
  const summaryPath = join(runDir, 'step-summary.md');
  const summary = existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '';
  const problems: string[] = [];
  if (run.code !== 0 || run.timedOut) problems.push(failure);
  else if (outputs['gpu'] !== expectedGpu) problems.push(`gpu output ${JSON.stringify(outputs['gpu'])}, expected ${JSON.stringify(expectedGpu)}`);
  const duration = Number(outputs['duration-seconds']);
  return { run, outputs, summary, problems, rssKiB, cpuSeconds, commandSeconds: Number.isFinite(duration) && outputs['duration-seconds'] !== undefined ? duration : undefined };
}

/** 1 and 2: the same training through the bundle, with or without the GPU stand-in on PATH. */
async function trainBundle(settings: TrainSettings, path: string, runDir: string, expectedGpu: string): Promise<Measurement> {
  mkdirSync(runDir, { recursive: true });
  const modelDir = join(runDir, 'model');
  const given = {
    run: `node ${TRAIN_SCRIPT}`,
    'require-gpu': 'false',
    params: JSON.stringify({ epochs: settings.epochs }),
    seed: SEED,
    data: DATA,
    'model-path': modelDir,
    'metrics-file': join(runDir, 'metrics.json'),
    'metric-regex': METRIC_REGEX,
  };
  return measured(async () => {
    const result = await runTrainBundle(settings, given, path, runDir, expectedGpu);
    const modelSha256 = sha256Of(join(modelDir, 'model.onnx'));
    let metrics: Record<string, unknown> | undefined;
    try {
      metrics = JSON.parse(result.outputs['metrics'] ?? '') as Record<string, unknown>;
    } catch {
      if (result.problems.length === 0) result.problems.push(`metrics output ${JSON.stringify(result.outputs['metrics'])} is not JSON`);
    }
    const samples = /\((\d+) samples\)/.exec(result.summary)?.[1];
    if (result.problems.length === 0 && expectedGpu !== 'none' && samples === undefined) result.problems.push('the summary gives no GPU samples');
    const points = chartPoints(result.summary);
    if (result.problems.length === 0 && points.length !== 2) result.problems.push(`the summary has ${points.length} curves, expected 2 (loss, val_auc)`);
    return {
      ok: result.problems.length === 0,
      seconds: result.run.seconds,
      cpuSeconds: result.cpuSeconds,
      rssKiB: result.rssKiB,
      commandSeconds: result.commandSeconds,
      note:
        result.problems[0] ??
        `gpu ${result.outputs['gpu']}${samples === undefined ? '' : `, ${samples} GPU samples`}, roc_auc ${typeof metrics?.['roc_auc'] === 'number' ? metrics['roc_auc'].toFixed(4) : '?'}`,
      problems: result.problems,
      ...(modelSha256 === undefined ? {} : { modelSha256 }),
      ...(metrics === undefined ? {} : { metrics }),
      ...(samples === undefined ? {} : { gpuSamples: Number(samples) }),
      summaryBytes: Buffer.byteLength(result.summary),
      chartPoints: points,
    };
  });
}

/** The number of values of every Mermaid `line [...]` in a summary. */
function chartPoints(summary: string): number[] {
  return [...summary.matchAll(/^ {2}line \[([^\]]*)\]$/gm)].map((match) => (match[1] as string).split(',').filter((value) => value.trim() !== '').length);
}

/**
 * The stand-in's own stop: started as the action's sampler starts nvidia-smi, sent SIGTERM after
 * `afterSeconds` (the training's length), the seconds until its stdout closes, which is when the
 * action's sampler returns. The stand-in's bash dies at once, but the `sleep` it was waiting on holds
 * the pipe open until it ends; a real `nvidia-smi -l` is one process and closes it as it exits.
 */
async function standInStopSeconds(path: string, afterSeconds: number): Promise<number> {
  const child = spawn(join(GPU_STAND_IN, 'nvidia-smi'), ['--query-gpu=index,utilization.gpu,memory.used', '--format=csv,noheader,nounits', '-l', '5'], {
    env: { ...cleanEnv(), PATH: path },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  child.stdout.resume();
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  await new Promise((done) => setTimeout(done, afterSeconds * 1000));
  const stopped = performance.now();
  child.kill('SIGTERM');
  await closed;
  return (performance.now() - stopped) / 1000;
}

/** `pip freeze` as the action runs it for the record's environment (src/core/train/environment.ts). */
async function pipFreeze(settings: TrainSettings, path: string): Promise<number | undefined> {
  const python = onPath('python3', path);
  if (python === undefined) return undefined;
  const run = await runProcess(python, ['-m', 'pip', 'freeze', '--disable-pip-version-check'], { ...cleanEnv(), PATH: path }, settings.timeoutMs).catch(() => undefined);
  return run !== undefined && run.code === 0 ? run.seconds : undefined;
}

type LogMode = 'devnull' | 'piped';

/** 3, bare: the log command as the action runs it (bash -eo pipefail), its output to /dev/null or piped here. */
async function logBare(settings: TrainSettings, path: string, runDir: string, mode: LogMode): Promise<Measurement> {
  mkdirSync(runDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), PATH: path, CD4ML_METRICS_FILE: join(runDir, 'metrics.json') };
  return measured(async () => {
    const run = await runProcess('bash', bashArgs(logCommand(settings.logLines)), env, settings.timeoutMs, { discardStdout: mode === 'devnull' });
    const problems: string[] = [];
    if (run.code !== 0 || run.timedOut) problems.push(failureLine(run, 'no error message'));
    const linesLogged = mode === 'piped' ? occurrences(run.stdout, 'step=') : undefined;
    if (problems.length === 0 && linesLogged !== undefined && linesLogged !== settings.logLines) problems.push(`read ${linesLogged} lines, expected ${settings.logLines}`);
    return {
      ok: problems.length === 0,
      seconds: run.seconds,
      cpuSeconds: undefined,
      rssKiB: undefined,
      commandSeconds: undefined,
      note: problems[0] ?? (mode === 'devnull' ? 'the printer alone' : `${fixed(linesLogged ?? 0, 0)} lines read`),
      problems,
      ...(linesLogged === undefined ? {} : { linesLogged }),
    };
  });
}

/** 3, through the bundle: every line echoed to the action's log and matched against the metric regex. */
async function logBundle(settings: TrainSettings, path: string, runDir: string): Promise<Measurement> {
  mkdirSync(runDir, { recursive: true });
  const given = {
    run: logCommand(settings.logLines),
    'require-gpu': 'false',
    seed: SEED,
    'model-path': join(runDir, 'model'),
    'metrics-file': join(runDir, 'metrics.json'),
    'metric-regex': METRIC_REGEX,
  };
  return measured(async () => {
    const result = await runTrainBundle(settings, given, path, runDir, 'none');
    const linesLogged = occurrences(result.run.stdout, '\nstep=') + (result.run.stdout.startsWith('step=') ? 1 : 0);
    const points = chartPoints(result.summary);
    const summaryBytes = Buffer.byteLength(result.summary);
    const { problems } = result;
    if (problems.length === 0) {
      if (linesLogged !== settings.logLines) problems.push(`the action's log holds ${linesLogged} of the ${settings.logLines} lines`);
      if (points.length !== 1) problems.push(`the summary has ${points.length} curves, expected 1 (loss)`);
      if (points.some((count) => count > MAX_CHART_POINTS)) problems.push(`a chart has ${Math.max(...points)} points, more than ${MAX_CHART_POINTS}`);
      if (!result.summary.includes(`x-axis "log line" 1 --> ${settings.logLines}`)) problems.push(`the loss chart's x axis does not run to ${settings.logLines}`);
      if (summaryBytes > SUMMARY_LIMIT_BYTES) problems.push(`the summary is ${summaryBytes} bytes, over ${SUMMARY_LIMIT_BYTES}`);
    }
    return {
      ok: problems.length === 0,
      seconds: result.run.seconds,
      cpuSeconds: result.cpuSeconds,
      rssKiB: result.rssKiB,
      commandSeconds: result.commandSeconds,
      note: problems[0] ?? `${fixed(linesLogged, 0)} lines in the action's log; summary ${fixed(summaryBytes, 0)} bytes, chart of ${points.join(', ')} points`,
      problems,
      summaryBytes,
      chartPoints: points,
      linesLogged,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The suite

const CONTENDERS = ['bare', 'bundle', 'bundle-gpu', 'log-devnull', 'log-piped', 'log-bundle'] as const;
type ContenderName = (typeof CONTENDERS)[number];
const LABELS: Record<ContenderName, string> = {
  bare: 'bare: node examples/train.mjs',
  bundle: 'train-on-gpu-runner bundle, no nvidia-smi on PATH',
  'bundle-gpu': 'train-on-gpu-runner bundle, GPU stand-in on PATH',
  'log-devnull': 'bare, stdout to /dev/null',
  'log-piped': 'bare, stdout piped to the harness',
  'log-bundle': 'train-on-gpu-runner bundle',
};

interface Summary {
  runs: Measurement[];
  ok: Measurement[];
  seconds: number;
  commandSeconds: number | undefined;
  /** Median over the runs of the wall time outside the training command (seconds − commandSeconds). */
  outside: number | undefined;
  treeCpu: number | undefined;
  cpu: number | undefined;
  rssKiB: number | undefined;
  busiest: number;
}

function summarize(runs: Measurement[]): Summary | undefined {
  const ok = runs.filter((run) => run.ok);
  if (ok.length === 0) return undefined;
  const defined = (values: (number | undefined)[]): number[] => values.filter((value): value is number => value !== undefined);
  const medianOf = (values: (number | undefined)[]): number | undefined => (defined(values).length === 0 ? undefined : median(defined(values)));
  const rss = defined(ok.map((run) => run.rssKiB));
  return {
    runs,
    ok,
    seconds: median(ok.map((run) => run.seconds)),
    commandSeconds: medianOf(ok.map((run) => run.commandSeconds)),
    outside: medianOf(ok.map((run) => (run.commandSeconds === undefined ? undefined : run.seconds - run.commandSeconds))),
    treeCpu: medianOf(ok.map((run) => run.treeCpuSeconds)),
    cpu: medianOf(ok.map((run) => run.cpuSeconds)),
    rssKiB: rss.length === 0 ? undefined : Math.max(...rss),
    busiest: Math.max(0, ...defined(ok.map((run) => run.otherCores))),
  };
}

export async function runTrainSuite(options: Map<string, string>, command: string): Promise<void> {
  const settings: TrainSettings = {
    epochs: countOption(options, 'epochs', DEFAULT_EPOCHS),
    logLines: countOption(options, 'log-lines', DEFAULT_LOG_LINES),
    repeat: countOption(options, 'repeat', 3),
    dir: resolve(options.get('dir') ?? benchDir()),
    timeoutMs: countOption(options, 'timeout', 1800) * 1000,
    quietMs: Number(options.get('wait-quiet') ?? 30) * 1000,
    node: options.get('node') ?? (existsSync(NODE24) ? NODE24 : process.execPath),
  };
  console.log(
    `\n== train-on-gpu-runner: examples/train.mjs (${settings.epochs.toLocaleString('en-US')} epochs) bare and through the runner backend, with and without the GPU stand-in; ${settings.logLines.toLocaleString('en-US')} log lines ==`,
  );
  if (!existsSync(BUNDLE)) throw new Error(`no bundle at ${relative(ROOT, BUNDLE)}: run npm run build`);
  const path = noGpuPath();
  const gpuPath = `${GPU_STAND_IN}${delimiter}${path}`;
  mkdirSync(settings.dir, { recursive: true });
  for (const entry of readdirSync(settings.dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('train-run-')) rmSync(join(settings.dir, entry.name), { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(settings.dir, 'train-run-'));
  for (const file of [BUNDLE, join(ROOT, TRAIN_SCRIPT), join(ROOT, DATA)]) warmPageCache(file);

  // One untimed run of the bundle: Node, the bundle and python3's pip into the page cache.
  const warm = await logBundle({ ...settings, logLines: 1000 }, path, join(runDir, 'warm-up'));
  console.log(`  warm-up (bundle, a 1,000-line log): ${fixed(warm.seconds, 2)} s${warm.ok ? '' : `, FAILED: ${warm.note}`}`);

  const measurements = new Map<ContenderName, Measurement[]>(CONTENDERS.map((name) => [name, []]));
  const pipSeconds: number[] = [];
  const stopSeconds: number[] = [];
  const run = async (name: ContenderName, round: number, work: () => Promise<Measurement>): Promise<void> => {
    process.stdout.write(`  ${LABELS[name]}${name.startsWith('log-') ? ` (${settings.logLines.toLocaleString('en-US')} lines)` : ''}${settings.repeat > 1 ? ` (${round + 1}/${settings.repeat})` : ''} … `);
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const measurement = await work();
    measurements.get(name)?.push(measurement);
    const busy = measurement.otherCores !== undefined && measurement.otherCores > BUSY_CORES ? ` (other processes kept ${fixed(measurement.otherCores, 2)} cores busy)` : '';
    console.log(`${measurement.ok ? `${fixed(measurement.seconds, 2)} s` : 'FAILED'}: ${measurement.note}${busy}`);
  };
  for (let round = 0; round < settings.repeat; round += 1) {
    await run('bare', round, () => trainBare(settings, path, join(runDir, `bare-${round}`)));
    await run('bundle', round, () => trainBundle(settings, path, join(runDir, `bundle-${round}`), 'none'));
    await run('bundle-gpu', round, () => trainBundle(settings, gpuPath, join(runDir, `bundle-gpu-${round}`), GPU_NAME));
    const gpuCommand = measurements.get('bundle-gpu')?.at(-1)?.commandSeconds;
    if (gpuCommand !== undefined) {
      const stop = await standInStopSeconds(gpuPath, gpuCommand);
      stopSeconds.push(stop);
      console.log(`  the stand-in nvidia-smi stopped after ${fixed(gpuCommand, 2)} s: its pipe closed ${fixed(stop, 2)} s after SIGTERM`);
    }
    process.stdout.write(`  python3 -m pip freeze (the record's environment) … `);
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const pip = await pipFreeze(settings, path);
    if (pip !== undefined) pipSeconds.push(pip);
    console.log(pip === undefined ? 'not available' : `${fixed(pip, 2)} s`);
    await run('log-devnull', round, () => logBare(settings, path, join(runDir, `log-devnull-${round}`), 'devnull'));
    await run('log-piped', round, () => logBare(settings, path, join(runDir, `log-piped-${round}`), 'piped'));
    await run('log-bundle', round, () => logBundle(settings, path, join(runDir, `log-bundle-${round}`)));
  }

  // Checks: every run succeeded; bare and bundle trained the same model.
  const failures: string[] = [];
  for (const name of CONTENDERS) {
    for (const [i, measurement] of (measurements.get(name) ?? []).entries()) {
      for (const problem of measurement.problems) failures.push(`${LABELS[name]}, run ${i + 1}: ${problem}`);
    }
  }
  const bareModels = new Set((measurements.get('bare') ?? []).map((run) => run.modelSha256));
  for (const name of ['bundle', 'bundle-gpu'] as const) {
    for (const [i, measurement] of (measurements.get(name) ?? []).entries()) {
      if (!measurement.ok) continue;
      if (measurement.modelSha256 === undefined || !bareModels.has(measurement.modelSha256) || bareModels.size !== 1) {
        failures.push(`${LABELS[name]}, run ${i + 1}: model.onnx (sha256 ${measurement.modelSha256?.slice(0, 12) ?? 'none'}) differs from the bare run's`);
      }
      const bareMetrics = measurements.get('bare')?.find((run) => run.metrics !== undefined)?.metrics;
      if (JSON.stringify(measurement.metrics) !== JSON.stringify(bareMetrics)) failures.push(`${LABELS[name]}, run ${i + 1}: metrics ${JSON.stringify(measurement.metrics)} differ from the bare run's ${JSON.stringify(bareMetrics)}`);
    }
  }

  const s = Object.fromEntries(CONTENDERS.map((name) => [name, summarize(measurements.get(name) ?? [])])) as Record<ContenderName, Summary | undefined>;
  const pip = pipSeconds.length === 0 ? undefined : median(pipSeconds);
  const standInStop = stopSeconds.length === 0 ? undefined : median(stopSeconds);
  const bare = s.bare;
  const overhead = (row: Summary | undefined, base: Summary | undefined): [string, string] =>
    row === undefined || base === undefined ? ['—', '—'] : [`${row.seconds >= base.seconds ? '+' : ''}${fixed(row.seconds - base.seconds, 2)}`, `${row.seconds >= base.seconds ? '+' : ''}${fixed((100 * (row.seconds - base.seconds)) / base.seconds, 0)}%`];
  const busyNote = (row: Summary): string => (row.busiest > BUSY_CORES ? `; other processes kept up to ${fixed(row.busiest, 2)} cores busy during a run` : '');
  const trainingRow = (name: 'bare' | 'bundle' | 'bundle-gpu'): string[] => {
    const row = s[name];
    if (row === undefined) return [LABELS[name], '—', '—', '—', '—', '—', '—', '—', `failed: ${measurements.get(name)?.[0]?.note ?? 'did not run'}`];
    const [plus, percent] = name === 'bare' ? ['—', '—'] : overhead(row, bare);
    const outside = row.outside === undefined ? '—' : fixed(row.outside, 2);
    let note: string;
    if (name === 'bare') note = `${row.ok[0]?.note ?? ''}; peak RSS of the training process`;
    else if (name === 'bundle') note = `${row.ok[0]?.note ?? ''}; the same model.onnx and metrics as bare${pip === undefined ? '' : `; pip freeze alone takes ${fixed(pip, 2)} s`}`;
    else {
      const [sampler, samplerPercent] = overhead(row, s.bundle);
      note = `${row.ok[0]?.note ?? ''}; ${sampler} s (${samplerPercent}) on the run without nvidia-smi${standInStop === undefined ? '' : `, ${fixed(standInStop, 2)} s of it the stand-in's own stop (see below)`}`;
    }
    return [LABELS[name], fixed(row.seconds, 2), plus, percent, row.commandSeconds === undefined ? '—' : fixed(row.commandSeconds, 2), outside, row.treeCpu === undefined ? '—' : fixed(row.treeCpu, 2), mib(row.rssKiB), note + busyNote(row)];
  };
  const trainingTable = [
    ['training (examples/train.mjs)', 'seconds', 'overhead s', 'overhead %', 'command s', 'outside the command s', 'CPU s (tree)', 'peak RSS (MiB)', 'notes'],
    trainingRow('bare'),
    trainingRow('bundle'),
    trainingRow('bundle-gpu'),
  ];

  const logMB = logBytes(settings.logLines) / 1e6;
  const logRow = (name: 'log-devnull' | 'log-piped' | 'log-bundle'): string[] => {
    const row = s[name];
    if (row === undefined) return [LABELS[name], '—', '—', '—', '—', '—', '—', '—', `failed: ${measurements.get(name)?.[0]?.note ?? 'did not run'}`];
    const during = row.commandSeconds === undefined ? '—' : fixed(settings.logLines / row.commandSeconds, 0);
    const summaryBytes = row.ok[0]?.summaryBytes;
    return [
      LABELS[name],
      fixed(row.seconds, 2),
      fixed(settings.logLines / row.seconds, 0),
      fixed(logMB / row.seconds, 1),
      during,
      row.treeCpu === undefined ? '—' : fixed(row.treeCpu, 2),
      mib(row.rssKiB),
      summaryBytes === undefined ? '—' : fixed(summaryBytes, 0),
      (row.ok[0]?.note ?? '') + (name === 'log-bundle' && s['log-devnull'] !== undefined ? `; ${fixed(row.seconds / s['log-devnull'].seconds, 1)}× the bare run's time` : '') + busyNote(row),
    ];
  };
  const logTable = [
    [`log of ${settings.logLines.toLocaleString('en-US')} lines (${fixed(logMB, 1)} MB)`, 'seconds', 'lines/s', 'MB/s', 'lines/s during the command', 'CPU s (tree)', 'peak RSS (MiB)', 'summary bytes', 'notes'],
    logRow('log-devnull'),
    logRow('log-piped'),
    logRow('log-bundle'),
  ];

  const rounds = settings.repeat === 1 ? 'one run each' : `median of ${settings.repeat} runs each, interleaved (peak RSS: the highest)`;
  const notes: string[] = [];
  if (s.bundle !== undefined && bare !== undefined && s.bundle.commandSeconds !== undefined) {
    const added = s.bundle.seconds - bare.seconds;
    notes.push(
      `Overhead: the bundle takes ${fixed(added, 2)} s (${fixed((100 * added) / bare.seconds, 0)}%) more than the bare training. ${fixed(s.bundle.outside ?? 0, 2)} s of its wall time lie outside the training command: Node 24 and the bundle starting, the inputs, the data's sha256, ${pip === undefined ? '' : `\`python3 -m pip freeze\` for the record's environment (${fixed(pip, 2)} s on its own), `}the record and the summary; the command itself (its duration-seconds output: bash, the training, readline, echo and regex matching of its ${fixed(settings.epochs / 10 + 2, 0)} log lines) took ${fixed(s.bundle.commandSeconds, 2)} s against the bare run's ${fixed(bare.seconds, 2)} s. The cost is fixed, not proportional: at ${settings.epochs.toLocaleString('en-US')} epochs it is ${fixed((100 * added) / bare.seconds, 0)}% of the training; on an hour's training it would be ${fixed((100 * added) / 3600, 2)}%.`,
    );
  }
  if (s['bundle-gpu'] !== undefined && s.bundle !== undefined) {
    const gpu = s['bundle-gpu'];
    const added = gpu.seconds - s.bundle.seconds;
    const outsideAdded = gpu.outside !== undefined && s.bundle.outside !== undefined ? gpu.outside - s.bundle.outside : undefined;
    notes.push(
      `GPU: with the stand-in nvidia-smi first on PATH the action probes twice (\`--query-gpu=index,name,memory.total,driver_version\` and the plain header, for the CUDA version) and streams \`--query-gpu=index,utilization.gpu,memory.used -l 5\` beside the training (${gpu.ok[0]?.gpuSamples ?? '?'} samples: the stand-in prints its 5 at 0.2 s intervals, then idles in a \`sleep 1\` loop), stopped with SIGTERM after the command. The run takes ${fixed(added, 2)} s more than the one without nvidia-smi (the command ${gpu.commandSeconds !== undefined && s.bundle.commandSeconds !== undefined ? `${fixed(gpu.commandSeconds, 2)} s against ${fixed(s.bundle.commandSeconds, 2)} s` : '?'}, which is the training's own spread), and ${outsideAdded === undefined ? '?' : fixed(outsideAdded, 2)} s more outside the command${standInStop === undefined || outsideAdded === undefined ? '.' : `, of which ${fixed(standInStop, 2)} s is the stand-in's own stop, measured apart (its bash exits at once on SIGTERM, but the orphaned \`sleep 1\` holds the pipe open until it ends, and the sampler waits for the pipe to close; a real \`nvidia-smi -l\` is one process and closes its pipe as it exits): net of it, probing and sampling the GPU cost ${fixed(outsideAdded - standInStop, 2)} s.`}`,
    );
  }
  const logBundleRow = s['log-bundle'];
  if (logBundleRow !== undefined) {
    notes.push(
      `Log: the command prints ${settings.logLines.toLocaleString('en-US')} lines \`step=<i> loss=0.5\` (${fixed(logMB, 1)} MB) from \`node -e\` in 10,000-line writes, then writes its metrics file, under \`bash -eo pipefail\` as the action runs it. Through the bundle every line is split by readline, matched against both metric regexes, kept as a curve point when it matches (every line matches \`loss\`), and echoed to the action's stdout, which the harness reads as the runner does. "lines/s during the command" divides by the action's duration-seconds output (the command's own time, start-up excluded). The action's peak RSS grows with the log: ${mib(logBundleRow.rssKiB)} MiB for ${settings.logLines.toLocaleString('en-US')} lines against ${mib(s.bundle?.rssKiB)} MiB for the training run. The summary's chart is thinned to ${MAX_CHART_POINTS} points per metric, so the summary stays small: ${fixed(logBundleRow.ok[0]?.summaryBytes ?? 0, 0)} bytes for this log (one chart) against ${fixed(s.bundle?.ok[0]?.summaryBytes ?? 0, 0)} for the training's (two charts, the metrics table and the facts); the suite checks at most ${MAX_CHART_POINTS} points per chart, an x axis running to ${settings.logLines.toLocaleString('en-US')}, every line in the action's log, and a summary under ${fixed(SUMMARY_LIMIT_BYTES / 1024, 0)} KiB.`,
    );
  }
  const nodeVersion = versionOf(settings.node, ['--version']) ?? 'unknown';
  const pythonPath = onPath('python3', path);
  const python = pythonPath === undefined ? undefined : versionOf(pythonPath, ['-c', 'import platform; print(platform.python_version())']);
  const pipVersion = pythonPath === undefined ? undefined : versionOf(pythonPath, ['-m', 'pip', '--version'])?.split(' ')[1];
  const machine = [
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- Node ${nodeVersion} runs the bundle (${settings.node === NODE24 ? 'the node24 runtime action.yml declares' : settings.node}); Node ${process.version} (\`node\` on the training's PATH) runs examples/train.mjs and the log command, bare and through the bundle`,
    `- ${pythonPath === undefined ? 'No python3 on the PATH the action gets (so no `pip freeze`)' : `${pythonPath}: Python ${python ?? '?'}${pipVersion === undefined ? '' : `, pip ${pipVersion}`} (the action records its \`pip freeze\`)`}`,
    `- Training: examples/train.mjs, params \`{"epochs": ${settings.epochs}}\`, seed ${SEED}, ${DATA} (${fixed(statSync(join(ROOT, DATA)).size / 1024, 0)} KiB); ${rounds}`,
  ];
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    ...machine,
    '',
    markdownTable(trainingTable, { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] }),
    '',
    markdownTable(logTable, { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] }),
    '',
    ...notes.flatMap((line) => [line, '']),
  ].join('\n');
  console.log(`\n${textTable(trainingTable, (column) => column >= 1 && column <= 7)}\n\n${textTable(logTable, (column) => column >= 1 && column <= 7)}\n`);
  for (const line of notes) console.log(line);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  console.log(`run files: ${runDir}`);
  if (failures.length > 0) {
    throw new Error(`the train suite failed (${failures.length}); nothing was written to ${relative(ROOT, RESULTS)}:\n  ${failures.join('\n  ')}`);
  }
  if (options.has('write-results')) {
    replaceResultsSection(TRAIN_START, TRAIN_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}
