/**
 * The evaluate-gate suite of `npm run bench` (bench/run.ts dispatches here with `--suite gate`): a
 * 1,000,000-row evaluation of a small ONNX model (bench/models/mlp.onnx, baseline mlp-baseline.onnx,
 * data from bench/gate-data.ts), measured in one run, each figure the median of `--repeat` runs:
 *
 * 1. Inference: the table is read once with readEvaluationTable; then a bare onnxruntime-node loop
 *    (session.run over the same 8192-row subarray batches of table.features, keeping every output
 *    tensor's data) against scoreModel, the code the action runs, on the same session. Also for
 *    test/fixtures/models/logistic.onnx, a model so small that fixed per-row costs dominate.
 * 2. Bootstrap: both models' scores as the action's ScoredRows (binary, threshold 0.5), then
 *    bootstrapScoredRows (every binary metric, paired, seed 42) with 1 thread and with 2 (workers
 *    started on the committed bundle, dist/evaluate-gate/index.js, as in the action).
 * 3. Peer: scikit-learn's usual bootstrap of ROC AUC (bench/peers/sklearn_bootstrap.py) on the same
 *    scores, K resamples timed and extrapolated.
 * 4. End to end: `node dist/evaluate-gate/index.js` as the runner starts it, with INPUT_* variables,
 *    bench/gate.policy.yaml, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; wall time and peak RSS.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { markdownTable } from 'markdown-table';
import * as ort from 'onnxruntime-node';
import { localFileSource } from '../src/core/data/local-file.js';
import { readEvaluationTable, type EvaluationTable } from '../src/core/evaluation/evaluation-table.js';
import { encodeLabels } from '../src/core/evaluation/labels.js';
import { drawCounts, ResampledValues, type BootstrapSamples } from '../src/core/gate/bootstrap.js';
import { bootstrapScoredRows } from '../src/core/gate/bootstrap-threads.js';
import { evaluatorsFor, type ScoredRows } from '../src/core/gate/evaluators.js';
import { DEFAULT_BATCH_SIZE, openModel, planInputs, scoreModel, type LoadedModel } from '../src/core/inference/score-model.js';
import { GATE_DEFAULT_ROWS, GATE_FEATURES, ensureGateDataset } from './gate-data.js';
import { benchDir, countOption, DEFAULT_SEED } from './generate-data.js';
import {
  cleanEnv,
  cpuModel,
  failureLine,
  fixed,
  lastJsonLine,
  machineBusySeconds,
  median,
  NODE24,
  replaceResultsSection,
  RESULTS,
  ROOT,
  runBundleMeasured,
  runProcess,
  textTable,
  versionOf,
  waitForQuiet,
  warmPageCache,
} from './harness.js';

const BUNDLE = join(ROOT, 'dist/evaluate-gate/index.js');
const CANDIDATE = join(ROOT, 'bench/models/mlp.onnx');
const BASELINE = join(ROOT, 'bench/models/mlp-baseline.onnx');
const LOGISTIC = join(ROOT, 'test/fixtures/models/logistic.onnx');
const POLICY = join(ROOT, 'bench/gate.policy.yaml');
const SKLEARN = join(ROOT, 'bench/peers/sklearn_bootstrap.py');
const GATE_START = '<!-- bench:gate:start -->';
const GATE_END = '<!-- bench:gate:end -->';
/** The targets the suite checks its figures against. */
const TARGET_RATIO = 0.8;
const TARGET_BOOTSTRAP_SECONDS = 10;
/** Other processes busy for more than this share of a core during a measurement make it unreliable. */
const BUSY_CORES = 0.1;

interface GateSettings {
  rows: number;
  seed: number;
  repeat: number;
  resamples: number;
  sklearnResamples: number;
  dir: string;
  timeoutMs: number;
  quietMs: number;
  node: string;
  python: string;
}

/** One timed run: wall seconds, and how many cores the rest of the machine kept busy meanwhile. */
interface Timing {
  seconds: number;
  /** CPU seconds of this process meanwhile, all threads (undefined for another process's run). */
  cpuSeconds?: number;
  otherCores: number | undefined;
}

/** Times `work` in this process; the machine's other load is its busy time less this process's CPU. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; timing: Timing }> {
  const busyBefore = machineBusySeconds();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const busyAfter = machineBusySeconds();
  const own = (cpu.user + cpu.system) / 1e6;
  const otherCores = busyBefore === undefined || busyAfter === undefined ? undefined : Math.max(0, busyAfter - busyBefore - own) / seconds;
  return { value, timing: { seconds, cpuSeconds: own, otherCores } };
}

/** The median seconds of some timings, and a note when other processes were busy during any of them. */
function summary(timings: readonly Timing[]): { seconds: number; cpuSeconds: number | undefined; best: number; worst: number; busy: string | undefined } {
  const seconds = timings.map((timing) => timing.seconds);
  const cpu = timings.map((timing) => timing.cpuSeconds).filter((value) => value !== undefined);
  const busy = timings.map((timing) => timing.otherCores ?? 0).filter((cores) => cores > BUSY_CORES);
  return {
    seconds: median(seconds),
    cpuSeconds: cpu.length === 0 ? undefined : median(cpu),
    best: Math.min(...seconds),
    worst: Math.max(...seconds),
    busy: busy.length === 0 ? undefined : `other processes busy during ${busy.length} of ${timings.length} runs (up to ${fixed(Math.max(...busy), 1)} cores)`,
  };
}

const spread = (s: { best: number; worst: number }, digits = 2): string => `best ${fixed(s.best, digits)} s, worst ${fixed(s.worst, digits)} s`;

/**
 * The bare loop scoreModel is measured against: session.run over the same zero-copy batches of the
 * feature matrix, fetching the same output and keeping every output tensor's data.
 */
async function bareLoop(model: LoadedModel, table: EvaluationTable, output: string): Promise<Float32Array[]> {
  const input = model.session.inputNames[0]!;
  const width = table.featureNames.length;
  const kept: Float32Array[] = [];
  for (let start = 0; start < table.rows; start += DEFAULT_BATCH_SIZE) {
    const n = Math.min(DEFAULT_BATCH_SIZE, table.rows - start);
    const feeds = { [input]: new ort.Tensor('float32', table.features.subarray(start * width, (start + n) * width), [n, width]) };
    const result = await model.session.run(feeds, [output]);
    kept.push(result[output]!.data as Float32Array);
  }
  return kept;
}

interface InferenceResult {
  model: string;
  features: number;
  bare: ReturnType<typeof summary>;
  scored: ReturnType<typeof summary>;
  rows: number;
}

/** Passes over the table per inference run, each kind's passes interleaved with the other's. */
const INFERENCE_PASSES = 10;

/**
 * The bare loop and scoreModel, `repeat` runs after warm-up passes (the first passes run before the
 * JIT has compiled the loops). A run makes INFERENCE_PASSES passes of each, alternating (which goes
 * first alternates too), so that a slow spell of the machine falls on both; its time for each is the
 * median of its passes, and the machine's other load is measured over the whole run.
 */
async function measureInference(name: string, model: LoadedModel, table: EvaluationTable, settings: GateSettings): Promise<{ result: InferenceResult; values: Float64Array }> {
  const plan = planInputs(model, table.featureNames, table.columns);
  const output = plan.output.name;
  let values: Float64Array = new Float64Array(0);
  const bareRun = () => bareLoop(model, table, output);
  const scoredRun = async () => {
    values = (await scoreModel(model, plan, table)).values;
  };
  for (let pass = 0; pass < INFERENCE_PASSES; pass += 1) {
    await bareRun();
    await scoredRun();
  }
  const bare: Timing[] = [];
  const scored: Timing[] = [];
  for (let round = 0; round < settings.repeat; round += 1) {
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const passes = { bare: [] as number[], scored: [] as number[] };
    const { timing } = await timed(async () => {
      for (let pass = 0; pass < INFERENCE_PASSES; pass += 1) {
        for (const which of (round + pass) % 2 === 0 ? (['bare', 'scored'] as const) : (['scored', 'bare'] as const)) {
          const started = performance.now();
          await (which === 'bare' ? bareRun() : scoredRun());
          passes[which].push((performance.now() - started) / 1000);
        }
      }
    });
    bare.push({ seconds: median(passes.bare), otherCores: timing.otherCores });
    scored.push({ seconds: median(passes.scored), otherCores: timing.otherCores });
  }
  const result = { model: name, features: table.featureNames.length, bare: summary(bare), scored: summary(scored), rows: table.rows };
  console.log(
    `  ${name}: bare onnxruntime ${fixed(table.rows / result.bare.seconds, 0)} rows/s, scoreModel ${fixed(table.rows / result.scored.seconds, 0)} rows/s, ratio ${fixed((100 * result.bare.seconds) / result.scored.seconds, 1)}%`,
  );
  return { result, values };
}

/** A .npy file (format 1.0) of a little-endian typed array, for numpy.load. */
function writeNpy(path: string, array: Uint8Array | Float64Array): void {
  const descr = array instanceof Uint8Array ? '|u1' : '<f8';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${array.length},), }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  writeFileSync(path, Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(array.buffer, array.byteOffset, array.byteLength)]));
}

/** The roc_auc delta's values of two bootstrap runs are the same (threads must not change the result). */
function sameSamples(a: BootstrapSamples, b: BootstrapSamples): boolean {
  const x = a.delta![a.names.indexOf('roc_auc')]!;
  const y = b.delta![b.names.indexOf('roc_auc')]!;
  return x.length === y.length && x.every((value, i) => Object.is(value, y[i]));
}

interface EndToEnd {
  ok: boolean;
  seconds: number;
  rssKiB: number | undefined;
  cpuSeconds: number | undefined;
  otherCores: number | undefined;
  note: string;
  /** "Bootstrap took X s." from the log. */
  bootstrapSeconds: number | undefined;
}

async function endToEnd(settings: GateSettings, data: string, runDir: string): Promise<EndToEnd> {
  // As the runner sets them: every input given, the rest at their action.yml defaults.
  const inputs = {
    model: CANDIDATE,
    'baseline-model': BASELINE,
    data,
    format: 'auto',
    label: 'label',
    features: GATE_FEATURES.join(','),
    policy: POLICY,
    threshold: '0.5',
    bootstrap: String(settings.resamples),
    seed: '42',
    comment: 'false',
    'check-name': 'cd4ml/evaluate-gate',
    'fail-on-regression': 'true',
  };
  const busyBefore = machineBusySeconds();
  const { run, outputs, rssKiB, cpuSeconds, failure } = await runBundleMeasured(settings.node, BUNDLE, inputs, runDir, settings.timeoutMs);
  const busyAfter = machineBusySeconds();
  const ok = run.code === 0 && !run.timedOut;
  const took = /Bootstrap took ([\d.]+) s/.exec(run.stdout);
  const otherCores = busyBefore === undefined || busyAfter === undefined || cpuSeconds === undefined ? undefined : Math.max(0, busyAfter - busyBefore - cpuSeconds) / run.seconds;
  return {
    ok,
    seconds: run.seconds,
    rssKiB,
    cpuSeconds,
    otherCores,
    note: ok ? `passed=${outputs['passed'] ?? '?'}` : failure,
    bootstrapSeconds: took === null ? undefined : Number(took[1]),
  };
}

/** When the bundle is older than a source file it bundles, a note saying so (npm run build updates it). */
function staleBundle(): string | undefined {
  if (!existsSync(BUNDLE)) return undefined;
  const built = statSync(BUNDLE).mtimeMs;
  const newer: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && statSync(path).mtimeMs > built) newer.push(relative(ROOT, path));
    }
  };
  visit(join(ROOT, 'src'));
  return newer.length === 0 ? undefined : `dist/evaluate-gate is older than ${newer.length} source file(s) (${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}): run \`npm run build\` to measure them`;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function gateSettings(options: Map<string, string>): GateSettings {
  return {
    rows: countOption(options, 'gate-rows', GATE_DEFAULT_ROWS),
    seed: countOption(options, 'seed', DEFAULT_SEED),
    repeat: countOption(options, 'repeat', 3),
    resamples: countOption(options, 'resamples', 1000),
    sklearnResamples: countOption(options, 'sklearn-resamples', 20),
    dir: resolve(options.get('dir') ?? benchDir()),
    timeoutMs: countOption(options, 'timeout', 1800) * 1000,
    quietMs: options.get('wait-quiet') === '0' ? 0 : countOption(options, 'wait-quiet', 30) * 1000,
    node: options.get('node') ?? (existsSync(NODE24) ? NODE24 : process.execPath),
    python: options.get('python') ?? '/usr/bin/python3',
  };
}

const rate = (rows: number, seconds: number): string => fixed(rows / seconds, 0);
const verdict = (met: boolean): string => (met ? 'met' : 'not met');

export async function runGateSuite(options: Map<string, string>, command: string): Promise<void> {
  const settings = gateSettings(options);
  if (!existsSync(BUNDLE)) throw new Error(`no bundle at ${relative(ROOT, BUNDLE)}: run npm run build`);
  const stale = staleBundle();
  if (stale !== undefined) console.log(`note: ${stale}`);
  const onnxruntime = packageVersion('onnxruntime-node');

  console.log(`\nevaluate-gate: ${settings.rows.toLocaleString('en-US')} rows, seed ${settings.seed}, in ${settings.dir}`);
  const dataset = await ensureGateDataset({ rows: settings.rows, seed: settings.seed, dir: settings.dir, model: CANDIDATE, onnxruntimeVersion: onnxruntime, force: options.has('force') });
  const mb = dataset.marker.bytes / 1e6;
  const generation = dataset.generated ? `generated in ${fixed(dataset.marker.seconds, 2)} s` : `reused (generated earlier in ${fixed(dataset.marker.seconds, 2)} s)`;
  console.log(`  ${dataset.path}: ${fixed(mb, 1)} MB, ${fixed(100 * dataset.marker.positives, 1)}% positives, ${generation}`);
  console.log(`  page cache warmed: read in ${fixed(warmPageCache(dataset.path), 2)} s`);

  for (const entry of readdirSync(settings.dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('gate-run-')) rmSync(join(settings.dir, entry.name), { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(settings.dir, 'gate-run-'));

  // 1. Inference.
  const source = await localFileSource(dataset.path);
  const reading = await timed(() => readEvaluationTable([source], { format: 'auto', features: GATE_FEATURES, label: 'label', categorical: ['segment'] }));
  const table = reading.value;
  console.log(`  readEvaluationTable: ${fixed(reading.timing.seconds, 2)} s (${rate(table.rows, reading.timing.seconds)} rows/s)`);
  const narrow = await readEvaluationTable([await localFileSource(dataset.path)], { format: 'auto', features: ['x0', 'x1', 'x2'], categorical: [] });
  const candidateModel = await openModel(CANDIDATE, 'mlp.onnx');
  const baselineModel = await openModel(BASELINE, 'mlp-baseline.onnx');
  const logisticModel = await openModel(LOGISTIC, 'logistic.onnx');
  console.log(`inference (median of ${settings.repeat} runs of ${INFERENCE_PASSES} interleaved passes):`);
  const mlp = await measureInference('mlp.onnx (8 → 32 → 16 → 1)', candidateModel, table, settings);
  const logistic = await measureInference('logistic.onnx (3 → 1)', logisticModel, narrow, settings);
  const baselineValues = (await scoreModel(baselineModel, planInputs(baselineModel, table.featureNames, table.columns), table)).values;

  // 2. Bootstrap, on the scores as the action builds them.
  const labels = encodeLabels(table.label!, 'label', { task: 'binary', predictionWidth: 1 }).binary!;
  const rows: ScoredRows = { task: 'binary', labels, candidate: mlp.values, baseline: baselineValues, classes: 2, threshold: 0.5 };
  const evaluators = evaluatorsFor(rows);
  const aucAt = evaluators.candidate.names.indexOf('roc_auc');
  const point = { candidate: evaluators.candidate.evaluate()[aucAt]!, baseline: evaluators.baseline!.evaluate()[aucAt]! };
  const bootstrapOptions = { resamples: settings.resamples, seed: 42 };
  const one: Timing[] = [];
  const two: Timing[] = [];
  let samples: BootstrapSamples | undefined;
  let agree = true;
  // The same with ROC AUC alone (the 10 s target is set for it), at 2 threads.
  const aucOnly: ScoredRows = { ...rows, binaryMetrics: ['roc_auc'] };
  const auc: Timing[] = [];
  let aucAgree = true;
  console.log(`bootstrap: ${settings.resamples} resamples of ${table.rows.toLocaleString('en-US')} rows, paired (median of ${settings.repeat}):`);
  const configurations = [
    { label: `1 thread, ${evaluators.candidate.names.length} metrics`, threads: 1, rows, into: one },
    { label: `2 threads, ${evaluators.candidate.names.length} metrics`, threads: 2, rows, into: two },
    { label: '2 threads, ROC AUC only', threads: 2, rows: aucOnly, into: auc },
  ];
  for (let round = 0; round < settings.repeat; round += 1) {
    for (const configuration of round % 2 === 0 ? configurations : [...configurations].reverse()) {
      if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
      const { threads } = configuration;
      const run = await timed(() => bootstrapScoredRows(configuration.rows, bootstrapOptions, { threads, script: threads === 1 ? undefined : BUNDLE }));
      configuration.into.push(run.timing);
      console.log(`  ${configuration.label}: ${fixed(run.timing.seconds, 2)} s`);
      if (samples === undefined) samples = run.value;
      else if (configuration.rows === aucOnly) aucAgree &&= sameSamples(samples, run.value);
      else agree &&= sameSamples(samples, run.value);
    }
  }
  const oneThread = summary(one);
  const twoThreads = summary(two);
  const aucThreads = summary(auc);
  const interval = new ResampledValues(samples!.delta![aucAt]!).interval(0.95);
  // Where the time goes at 1 thread: drawing the multinomial counts, and each model's metrics under
  // them, each timed over a tenth of the resamples.
  const parts = Math.max(1, Math.round(settings.resamples / 10));
  // Byte counts, as pairedBootstrap draws them.
  const counts = new Uint8Array(table.rows);
  const perPart = async (work: (b: number) => void): Promise<number> => (await timed(async () => {
    for (let b = 0; b < parts; b += 1) work(b);
  })).timing.seconds / parts;
  const breakdown = {
    draw: await perPart((b) => drawCounts(counts, 42, b)),
    candidate: await perPart(() => evaluators.candidate.evaluate(counts)),
    baseline: await perPart(() => evaluators.baseline!.evaluate(counts)),
  };
  const breakdownTotal = breakdown.draw + breakdown.candidate + breakdown.baseline;

  // 3. scikit-learn's bootstrap of ROC AUC on the same scores.
  const scores = join(runDir, 'scores');
  mkdirSync(scores);
  writeNpy(join(scores, 'labels.npy'), labels);
  writeNpy(join(scores, 'candidate.npy'), rows.candidate);
  writeNpy(join(scores, 'baseline.npy'), rows.baseline!);
  const sklearnVersion = versionOf(settings.python, ['-c', 'import sklearn; print(sklearn.__version__)']);
  const sklearnRuns: Record<string, unknown>[] = [];
  let sklearnFailure: string | undefined;
  if (sklearnVersion !== undefined) {
    console.log(`scikit-learn bootstrap (ROC AUC only, ${settings.sklearnResamples} resamples timed, median of ${settings.repeat}):`);
    for (let round = 0; round < settings.repeat && sklearnFailure === undefined; round += 1) {
      if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
      const args = [SKLEARN, scores, '--resamples', String(settings.sklearnResamples), '--extrapolate-to', String(settings.resamples)];
      const run = await runProcess(settings.python, args, cleanEnv(), settings.timeoutMs);
      const report = lastJsonLine(run.stdout);
      if (run.code !== 0 || report === undefined) sklearnFailure = failureLine(run, 'no report line');
      else {
        sklearnRuns.push(report);
        console.log(`  ${report['per_resample_s']} s per resample → ${report['extrapolated_s']} s for ${settings.resamples} (extrapolated)`);
      }
    }
  }
  const sklearnPer = sklearnRuns.length === 0 ? undefined : median(sklearnRuns.map((report) => Number(report['per_resample_s'])));
  const sklearnAuc = sklearnRuns[0]?.['auc_candidate'];

  // 4. End to end.
  const e2e: EndToEnd[] = [];
  console.log(`end to end: ${relative(ROOT, BUNDLE)} with ${relative(ROOT, settings.node)} (median of ${settings.repeat}):`);
  for (let round = 0; round < settings.repeat; round += 1) {
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const dirForRun = mkdtempSync(join(runDir, 'e2e-'));
    const run = await endToEnd(settings, dataset.path, dirForRun);
    e2e.push(run);
    console.log(`  ${run.ok ? `${fixed(run.seconds, 2)} s` : 'failed'}: ${run.note}${run.bootstrapSeconds === undefined ? '' : `, bootstrap ${run.bootstrapSeconds} s`}`);
  }
  const e2eGood = e2e.filter((run) => run.ok);
  const e2eSummary = e2eGood.length === 0 ? undefined : summary(e2eGood.map((run) => ({ seconds: run.seconds, otherCores: run.otherCores })));
  const e2eRss = e2eGood.map((run) => run.rssKiB).filter((value): value is number => value !== undefined);
  const e2eCpu = e2eGood.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  const e2eBootstrap = e2eGood.map((run) => run.bootstrapSeconds).filter((value): value is number => value !== undefined);

  // Tables.
  const ratio = (r: InferenceResult): number => r.bare.seconds / r.scored.seconds;
  const inferenceTable = [
    ['model', 'rows', 'bare onnxruntime rows/s', 'scoreModel rows/s', 'scoreModel / bare', `target ≥ ${TARGET_RATIO * 100}%`, 'notes'],
    ...[mlp.result, logistic.result].map((r, i) => [
      `${r.model}, ${r.features} features`,
      r.rows.toLocaleString('en-US'),
      rate(r.rows, r.bare.seconds),
      rate(r.rows, r.scored.seconds),
      `${fixed(100 * ratio(r), 1)}%`,
      i === 0 ? verdict(ratio(r) >= TARGET_RATIO) : `(note only) ${verdict(ratio(r) >= TARGET_RATIO)}`,
      [
        `bare ${spread(r.bare, 3)}`,
        `scoreModel ${spread(r.scored, 3)}`,
        // Both kinds' passes share a run, so their runs saw the same load.
        ...(r.bare.busy === undefined ? [] : [r.bare.busy]),
      ].join('; '),
    ]),
  ];
  const bootstrapTable = [
    ['bootstrap', 'seconds', 'CPU s', 'resamples/s', `target < ${TARGET_BOOTSTRAP_SECONDS} s`, 'notes'],
    [
      `cd4ml, 1 thread, ${evaluators.candidate.names.length} metrics`,
      fixed(oneThread.seconds, 2),
      oneThread.cpuSeconds === undefined ? '—' : fixed(oneThread.cpuSeconds, 2),
      fixed(settings.resamples / oneThread.seconds, 0),
      '—',
      [spread(oneThread), ...(oneThread.busy === undefined ? [] : [oneThread.busy])].join('; '),
    ],
    [
      `cd4ml, 2 threads, ${evaluators.candidate.names.length} metrics`,
      fixed(twoThreads.seconds, 2),
      twoThreads.cpuSeconds === undefined ? '—' : fixed(twoThreads.cpuSeconds, 2),
      fixed(settings.resamples / twoThreads.seconds, 0),
      verdict(twoThreads.seconds < TARGET_BOOTSTRAP_SECONDS),
      [spread(twoThreads), `${fixed(oneThread.seconds / twoThreads.seconds, 2)}× the 1-thread speed`, ...(twoThreads.busy === undefined ? [] : [twoThreads.busy])].join('; '),
    ],
    [
      'cd4ml, 2 threads, ROC AUC only',
      fixed(aucThreads.seconds, 2),
      aucThreads.cpuSeconds === undefined ? '—' : fixed(aucThreads.cpuSeconds, 2),
      fixed(settings.resamples / aucThreads.seconds, 0),
      verdict(aucThreads.seconds < TARGET_BOOTSTRAP_SECONDS),
      [spread(aucThreads), ...(aucThreads.busy === undefined ? [] : [aucThreads.busy])].join('; '),
    ],
    sklearnPer === undefined
      ? ['scikit-learn, ROC AUC only', '—', '—', '—', '—', sklearnFailure ?? `skipped: scikit-learn does not import with ${settings.python}`]
      : [
          `scikit-learn, ROC AUC only, 1 thread (extrapolated)`,
          `≈ ${fixed(sklearnPer * settings.resamples, 0)}`,
          '—',
          fixed(1 / sklearnPer, 1),
          '—',
          `extrapolated from ${settings.sklearnResamples} timed resamples: ${fixed(sklearnPer, 3)} s each; ${fixed((sklearnPer * settings.resamples) / aucThreads.seconds, 0)}× cd4ml's 2-thread ROC AUC time, ${fixed((sklearnPer * settings.resamples) / twoThreads.seconds, 0)}× its all-metrics time`,
        ],
  ];
  const e2eTable = [
    ['end to end', 'seconds', 'CPU s', 'peak RSS (MiB)', 'notes'],
    e2eSummary === undefined
      ? ['evaluate-gate bundle', '—', '—', '—', `failed: ${e2e[0]?.note ?? 'did not run'}`]
      : [
          'evaluate-gate bundle',
          fixed(e2eSummary.seconds, 2),
          e2eCpu.length === 0 ? '—' : fixed(median(e2eCpu), 2),
          e2eRss.length === 0 ? '—' : fixed(Math.max(...e2eRss) / 1024, 0),
          [
            e2eGood[0]!.note,
            ...(e2eBootstrap.length === 0 ? [] : [`bootstrap ${fixed(median(e2eBootstrap), 1)} s of it (the action's log)`]),
            spread(e2eSummary),
            ...(e2eGood.length < e2e.length ? [`${e2e.length - e2eGood.length} of ${e2e.length} runs failed`] : []),
            ...(e2eSummary.busy === undefined ? [] : [e2eSummary.busy]),
          ].join('; '),
        ],
  ];

  const nodeVersion = versionOf(settings.node, ['--version']) ?? 'unknown';
  const python = versionOf(settings.python, ['-c', 'import platform, numpy; print(platform.python_version(), numpy.__version__)'])?.split(' ');
  const checks = [
    `ROC AUC on the full data: candidate ${point.candidate.toFixed(4)}, baseline ${point.baseline.toFixed(4)}; Δ ${(point.candidate - point.baseline).toFixed(4)}, 95% paired interval ${interval[0].toFixed(4)} to ${interval[1].toFixed(4)}.`,
    typeof sklearnAuc === 'number'
      ? `scikit-learn's roc_auc_score of the candidate on the same scores: ${sklearnAuc.toFixed(4)} (${Math.abs(sklearnAuc - point.candidate) < 1e-9 ? 'the same' : `differs by ${Math.abs(sklearnAuc - point.candidate).toExponential(1)}`}).`
      : undefined,
    agree && aucAgree
      ? `1 and 2 threads, and ROC AUC alone, gave the same ${settings.resamples} resampled ROC AUC deltas in every run.`
      : 'WARNING: the runs gave different resampled ROC AUC deltas (1 vs 2 threads, or all metrics vs ROC AUC alone).',
    `Where a resample's time goes (1 thread, each part timed over ${parts} resamples): drawing the counts ${fixed(breakdown.draw * 1000, 1)} ms, the candidate's ${evaluators.candidate.names.length} metrics ${fixed(breakdown.candidate * 1000, 1)} ms, the baseline's ${fixed(breakdown.baseline * 1000, 1)} ms; ${fixed(breakdownTotal * 1000, 1)} ms in all, ${fixed(breakdownTotal * settings.resamples, 1)} s for ${settings.resamples} resamples.`,
  ].filter((line) => line !== undefined);

  const machine = [
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- Node ${process.version} runs the in-process figures (tsx, the sources); Node ${nodeVersion} runs the bundle end to end (${settings.node === NODE24 ? 'the node24 runtime action.yml declares' : settings.node}); onnxruntime-node ${onnxruntime}`,
    `- scikit-learn ${sklearnVersion ?? 'not available'}, numpy ${python?.[1] ?? '?'} (Python ${python?.[0] ?? '?'})`,
    `- Data: ${table.rows.toLocaleString('en-US')} rows, ${fixed(mb, 1)} MB (seed ${dataset.marker.seed}, ${fixed(100 * dataset.marker.positives, 1)}% positives), ${generation}; readEvaluationTable ${fixed(reading.timing.seconds, 2)} s; every figure the median of ${settings.repeat} runs (inference: each run's median of ${INFERENCE_PASSES} interleaved passes)`,
  ];
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    ...machine,
    '',
    markdownTable(inferenceTable, { align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] }),
    '',
    markdownTable(bootstrapTable, { align: ['l', 'r', 'r', 'r', 'l', 'l'] }),
    '',
    markdownTable(e2eTable, { align: ['l', 'r', 'r', 'r', 'l'] }),
    '',
    ...checks,
  ].join('\n');

  const numeric = (columns: number[]) => (column: number) => columns.includes(column);
  console.log(`\n${textTable(inferenceTable, numeric([1, 2, 3, 4]))}\n\n${textTable(bootstrapTable, numeric([1, 2, 3]))}\n\n${textTable(e2eTable, numeric([1, 2, 3]))}\n`);
  for (const line of checks) console.log(line);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  console.log(`run files: ${runDir}`);
  if (options.has('write-results')) {
    replaceResultsSection(GATE_START, GATE_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}
