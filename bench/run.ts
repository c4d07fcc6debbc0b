/**
 * `npm run bench`: the benchmark suites, each measured in one run and described in bench/RESULTS.md.
 *
 * - validate: profile and validate one generated CSV with validate-data (the committed bundle, run
 *   as GitHub's runner runs it), pandas and DuckDB, in the same run, on the same file, and compare
 *   wall time, rows/s, MB/s and peak RSS.
 * - gate: evaluate-gate on a 1,000,000-row evaluation of a small ONNX model: inference throughput
 *   against a bare onnxruntime-node loop, the paired bootstrap at 1 and 2 threads, scikit-learn's
 *   bootstrap as a peer, and the bundle end to end (bench/gate.ts).
 * - drift: check-drift end to end on the generated CSV against its drifted variant, pandas + scipy as
 *   a peer, and compareProfiles on two stored 100-column profiles (bench/drift.ts).
 * - registry: register-model end to end on a generated 256 MiB model into a file:// registry (wall
 *   time, MB/s, peak RSS against a 4 KiB control), the download in process, and 1/5/20/50 concurrent
 *   registrations of one model on file://, s3:// (s3rver behind the conditional-write proxy) and
 *   github (the fake GitHub): throughput and compare-and-swap retries (bench/registry.ts).
 * - train: what train-on-gpu-runner's runner backend costs on top of the training: examples/train.mjs
 *   bare against the bundle (without and with the nvidia-smi stand-in), and the throughput of a
 *   1,000,000-line log through the bundle with the size of the summary it writes (bench/train.ts).
 *
 * Usage: npm run bench -- [--suite validate|gate|drift|registry|train|demo|all] [--rows N] [--gate-rows N] [--seed S]
 *          [--dir DIR] [--force] [--only cd4ml,pandas,duckdb] [--repeat N] [--resamples N] [--sklearn-resamples K]
 *          [--model-mib N] [--writers LIST] [--backends LIST] [--epochs N] [--log-lines N] [--timeout SECONDS]
 *          [--wait-quiet SECONDS] [--node PATH] [--python PATH] [--write-results]
 *
 *   --suite NAME           validate, gate, drift, registry, train, demo, or all (default): which suites to run
 *   --rows N               validate: rows of the generated CSV (default 5,000,000; 200k and 5M are accepted)
 *   --gate-rows N          gate: rows of the evaluation CSV (default 1,000,000)
 *   --seed S               generator seed (every suite but train; registry: of the model file's bytes)
 *   --dir DIR              work directory for the CSVs, the registry's model file and run files (default
 *                          $BENCH_DIR, else <tmpdir>/cd4ml-bench); a file is reused when its marker matches
 *   --force                regenerate the CSVs (and the registry's model file) even when they could be reused
 *   --only LIST            validate: run only these contenders
 *   --repeat N             validate: run every contender N times (interleaved; default 1); gate, train:
 *                          repeat every measurement N times (default 3); drift, registry: default 1;
 *                          report medians (and the highest RSS)
 *   --resamples N          gate: bootstrap resamples (default 1000)
 *   --sklearn-resamples K  gate: resamples timed for scikit-learn's bootstrap, extrapolated (default 20)
 *   --model-mib N          registry: size of the generated model file in MiB (default 256)
 *   --writers LIST         registry: concurrent registrations per contention run (default 1,5,20,50)
 *   --backends LIST        registry: file,s3,github (default all three)
 *   --epochs N             train: epochs of examples/train.mjs (default 20,000, about 3 s of training)
 *   --log-lines N          train: lines the log-throughput command prints (default 1,000,000)
 *   --timeout SECONDS      per contender run (default 1800)
 *   --wait-quiet SECONDS   before each run, wait up to this long for other processes to leave the
 *                          machine quiet (default 30; 0: do not wait); runs that other processes
 *                          slowed anyway are flagged in the notes
 *   --node PATH            the Node that runs the bundles (default Node 24 from tools/node24, the
 *                          runtime action.yml declares, else this Node); train: the training command's
 *                          `node` is the harness's Node, first on the PATH the command gets
 *   --python PATH          the Python for pandas and scikit-learn (default /usr/bin/python3)
 *   --write-results        replace each suite's measured section of bench/RESULTS.md with this run's results
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { markdownTable } from 'markdown-table';
import { runDemoSuite } from './demo.js';
import { runDriftSuite } from './drift.js';
import { runGateSuite } from './gate.js';
import { runRegistrySuite } from './registry.js';
import { runTrainSuite } from './train.js';
import { benchDir, countOption, DEFAULT_ROWS, DEFAULT_SEED, ensureDataset, parseArgs, type Dataset } from './generate-data.js';
import {
  cleanEnv,
  cpuModel,
  failureLine,
  fixed,
  lastJsonLine,
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
} from './harness.js';

const BUNDLE = join(ROOT, 'dist/validate-data/index.js');
const SCHEMA = 'bench/bench.schema.yaml';
const RESULTS_START = '<!-- bench:results:start -->';
const RESULTS_END = '<!-- bench:results:end -->';
const CONTENDERS = ['cd4ml', 'pandas', 'duckdb'] as const;
type ContenderName = (typeof CONTENDERS)[number];
const LABELS: Record<ContenderName, string> = { cd4ml: 'cd4ml validate-data', pandas: 'pandas', duckdb: 'DuckDB' };

interface Settings {
  dir: string;
  timeoutMs: number;
  /** How long to wait for the machine to be quiet before each run. */
  quietMs: number;
  node: string;
  python: string;
}

/** One run of one contender. */
interface Measurement {
  ok: boolean;
  /** Wall time from spawn to exit, measured here. */
  seconds: number;
  /** Peak RSS in KiB, as the contender's process reported it. */
  rssKiB: number | undefined;
  /** CPU seconds (user + system) of the contender's process, as it reported them. */
  cpuSeconds: number | undefined;
  /** CPU seconds the rest of the machine used meanwhile (busy time from /proc/stat, less the contender's). */
  otherCpuSeconds: number | undefined;
  /** One line: why it failed, or what it reported (rows, the contender's own timings). */
  note: string;
  /** Parsed JSON line of a peer, or the action's outputs. */
  report: Record<string, unknown>;
  /** The profile the contender wrote, for cross-checks. */
  profilePath: string | undefined;
}

interface Contender {
  name: ContenderName;
  /** Why it cannot run here, or undefined. */
  unavailable: string | undefined;
  run(dataset: Dataset, runDir: string): Promise<Measurement>;
}

function cd4ml(settings: Settings): Contender {
  const bundleMissing = existsSync(BUNDLE) ? undefined : `no bundle at ${relative(ROOT, BUNDLE)}`;
  return {
    name: 'cd4ml',
    unavailable: bundleMissing,
    async run(dataset, runDir) {
      const profile = join(runDir, 'profile.json');
      const inputs = { data: dataset.path, schema: SCHEMA, 'profile-output': profile, 'fail-on': 'never', 'max-examples': '5', comment: 'false', format: 'auto' };
      const { run, outputs, rssKiB, cpuSeconds, failure } = await runBundleMeasured(settings.node, BUNDLE, inputs, runDir, settings.timeoutMs);
      const ok = run.code === 0 && !run.timedOut;
      let note: string;
      if (ok) {
        const shown = ['rows', 'valid', 'errors', 'warnings'].filter((name) => outputs[name] !== undefined);
        note = shown.length === 0 ? 'no outputs' : shown.map((name) => `${name}=${outputs[name]}`).join(', ');
        if (outputs['rows'] !== undefined && Number(outputs['rows']) !== dataset.marker.rows) {
          note += ` (the file has ${dataset.marker.rows} rows)`;
        }
      } else {
        note = failure;
      }
      return {
        ok,
        seconds: run.seconds,
        rssKiB,
        cpuSeconds,
        otherCpuSeconds: undefined,
        note,
        report: outputs,
        profilePath: ok && existsSync(profile) ? profile : undefined,
      };
    },
  };
}

function pandas(settings: Settings, pandasVersion: string | undefined): Contender {
  return {
    name: 'pandas',
    unavailable: pandasVersion === undefined ? `pandas does not import with ${settings.python}` : undefined,
    async run(dataset, runDir) {
      const profile = join(runDir, 'pandas-profile.json');
      const args = [join(ROOT, 'bench/peers/pandas_profile.py'), dataset.path, '--dates', 'signup_date', '--profile-output', profile];
      const run = await runProcess(settings.python, args, cleanEnv(), settings.timeoutMs);
      const report = lastJsonLine(run.stdout);
      const ok = run.code === 0 && !run.timedOut && report !== undefined;
      return {
        ok,
        seconds: run.seconds,
        rssKiB: typeof report?.['maxrss_kib'] === 'number' ? report['maxrss_kib'] : undefined,
        cpuSeconds: typeof report?.['cpu_s'] === 'number' ? report['cpu_s'] : undefined,
        otherCpuSeconds: undefined,
        note: ok ? `read_csv ${report['read_s']} s, profile ${report['profile_s']} s, import ${report['import_s']} s` : failureLine(run, 'no report line'),
        report: report ?? {},
        profilePath: ok ? profile : undefined,
      };
    },
  };
}

function duckdb(settings: Settings): Contender {
  return {
    name: 'duckdb',
    unavailable: existsSync(join(ROOT, 'node_modules/@duckdb/node-api')) ? undefined : '@duckdb/node-api is not installed (npm ci)',
    async run(dataset, runDir) {
      const profile = join(runDir, 'duckdb-profile.json');
      const rss = join(runDir, 'duckdb.rss');
      const args = [
        '--import',
        'tsx',
        '--import',
        PROBE,
        join(ROOT, 'bench/peers/duckdb-profile.ts'),
        dataset.path,
        '--categories',
        'country,plan',
        '--profile-output',
        profile,
      ];
      const run = await runProcess(process.execPath, args, { ...cleanEnv(), CD4ML_BENCH_RSS_FILE: rss }, settings.timeoutMs);
      const report = lastJsonLine(run.stdout);
      const ok = run.code === 0 && !run.timedOut && report !== undefined;
      return {
        ok,
        seconds: run.seconds,
        ...readProbe(rss),
        otherCpuSeconds: undefined,
        note: ok ? `query ${report['query_s']} s, ${report['threads']} threads, import ${report['import_s']} s` : failureLine(run, 'no report line'),
        report: report ?? {},
        profilePath: ok ? profile : undefined,
      };
    },
  };
}

/** Runs one contender and measures what the rest of the machine did meanwhile. */
async function measure(contender: Contender, dataset: Dataset, runDir: string): Promise<Measurement> {
  const before = machineBusySeconds();
  const measurement = await contender.run(dataset, runDir);
  const after = machineBusySeconds();
  if (before !== undefined && after !== undefined && measurement.cpuSeconds !== undefined) {
    measurement.otherCpuSeconds = Math.max(0, after - before - measurement.cpuSeconds);
  }
  return measurement;
}

interface Row {
  name: ContenderName;
  /** undefined when it did not run or no run succeeded. */
  seconds: number | undefined;
  cpuSeconds: number | undefined;
  rssKiB: number | undefined;
  note: string;
  runs: Measurement[];
}

function summarize(name: ContenderName, runs: Measurement[], unavailable: string | undefined): Row {
  const none = { name, seconds: undefined, cpuSeconds: undefined, rssKiB: undefined, runs };
  if (unavailable !== undefined) return { ...none, note: `skipped: ${unavailable}` };
  const good = runs.filter((run) => run.ok);
  if (good.length === 0) return { ...none, note: `failed: ${runs[0]?.note ?? 'did not run'}` };
  const rss = good.map((run) => run.rssKiB).filter((value): value is number => value !== undefined);
  const cpu = good.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  const failed = runs.length - good.length;
  // Other processes busy for more than a tenth of a core during a run make its wall time unreliable.
  const busy = good.map((run) => (run.otherCpuSeconds ?? 0) / run.seconds).filter((cores) => cores > 0.1);
  const times = good.map((run) => run.seconds);
  const middle = good.reduce((closest, run) => (Math.abs(run.seconds - median(times)) < Math.abs(closest.seconds - median(times)) ? run : closest));
  const note = [
    middle.note,
    ...(good.length > 1 ? [`best ${fixed(Math.min(...times), 2)} s, worst ${fixed(Math.max(...times), 2)} s`] : []),
    ...(failed > 0 ? [`${failed} of ${runs.length} runs failed`] : []),
    ...(busy.length > 0
      ? [`other processes busy during ${good.length === 1 ? 'the run' : `${busy.length} of ${good.length} runs`} (up to ${fixed(Math.max(...busy), 1)} cores)`]
      : []),
  ].join('; ');
  return {
    name,
    seconds: median(good.map((run) => run.seconds)),
    cpuSeconds: cpu.length === 0 ? undefined : median(cpu),
    rssKiB: rss.length === 0 ? undefined : Math.max(...rss),
    note,
    runs,
  };
}

function tableRows(rows: Row[], dataset: Dataset): string[][] {
  const bySeconds = (name: ContenderName): number | undefined => rows.find((row) => row.name === name)?.seconds;
  const speedUp = (row: Row, peer: ContenderName): string => {
    const peerSeconds = bySeconds(peer);
    if (row.seconds === undefined || peerSeconds === undefined) return '—';
    return row.name === peer ? '1.00×' : `${fixed(peerSeconds / row.seconds, 2)}×`;
  };
  const header = ['contender', 'seconds', 'CPU s', 'rows/s', 'MB/s', 'peak RSS (MiB)', 'vs pandas', 'vs DuckDB', 'notes'];
  const body = rows.map((row) => {
    if (row.seconds === undefined) return [LABELS[row.name], '—', '—', '—', '—', '—', '—', '—', row.note];
    return [
      LABELS[row.name],
      fixed(row.seconds, 2),
      row.cpuSeconds === undefined ? '—' : fixed(row.cpuSeconds, 2),
      fixed(dataset.marker.rows / row.seconds, 0),
      fixed(dataset.marker.bytes / 1e6 / row.seconds, 1),
      row.rssKiB === undefined ? '—' : fixed(row.rssKiB / 1024, 0),
      speedUp(row, 'pandas'),
      speedUp(row, 'duckdb'),
      row.note,
    ];
  });
  return [header, ...body];
}

interface ProfileCounts {
  rows: number;
  /** Nulls per column. */
  nulls: Map<string, number>;
}

/**
 * Rows and per-column nulls from a contender's profile: the peers write `columns` as an object by
 * name, validate-data as an array of `{ name, nulls }`.
 */
function profileCounts(path: string): ProfileCounts | undefined {
  try {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as { rows?: unknown; columns?: unknown };
    const entries: [string, unknown][] = Array.isArray(profile.columns)
      ? (profile.columns as { name?: unknown; nulls?: unknown }[]).map((column) => [String(column.name), column.nulls])
      : Object.entries((profile.columns ?? {}) as Record<string, { nulls?: unknown }>).map(([name, column]) => [name, column.nulls]);
    const nulls = new Map(entries.filter(([, value]) => value !== undefined).map(([name, value]) => [name, Number(value)]));
    return typeof profile.rows === 'number' || typeof profile.rows === 'string' ? { rows: Number(profile.rows), nulls } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the contenders' profiles agree on rows and per-column null counts (each against DuckDB, else pandas). */
function crossCheck(rows: Row[]): string[] {
  const counts = new Map<ContenderName, ProfileCounts>();
  for (const row of rows) {
    const path = row.runs.find((run) => run.ok)?.profilePath;
    const loaded = path === undefined ? undefined : profileCounts(path);
    if (loaded !== undefined) counts.set(row.name, loaded);
  }
  const referenceName: ContenderName | undefined = counts.has('duckdb') ? 'duckdb' : counts.has('pandas') ? 'pandas' : undefined;
  if (referenceName === undefined) return [];
  const reference = counts.get(referenceName) as ProfileCounts;
  const lines: string[] = [];
  for (const [name, other] of counts) {
    if (name === referenceName) continue;
    const differences = [...reference.nulls].filter(([column, nulls]) => other.nulls.has(column) && other.nulls.get(column) !== nulls).map(([column]) => column);
    const missing = [...reference.nulls.keys()].filter((column) => !other.nulls.has(column));
    lines.push(
      other.rows === reference.rows && differences.length === 0 && missing.length === 0
        ? `${LABELS[name]} and ${LABELS[referenceName]} agree: ${reference.rows.toLocaleString('en-US')} rows, the same null count in every column.`
        : `${LABELS[name]} and ${LABELS[referenceName]} disagree: rows ${other.rows} vs ${reference.rows}` +
            (differences.length > 0 ? `; null counts differ in ${differences.map((column) => `${column} (${other.nulls.get(column)} vs ${reference.nulls.get(column)})`).join(', ')}` : '') +
            (missing.length > 0 ? `; no null count for ${missing.join(', ')}` : '') +
            '.',
    );
  }
  return lines;
}

/** The validate suite: validate-data, pandas and DuckDB on one generated CSV. */
async function runValidateSuite(options: Map<string, string>): Promise<void> {
  const rows = countOption(options, 'rows', DEFAULT_ROWS);
  const seed = countOption(options, 'seed', DEFAULT_SEED);
  const repeat = countOption(options, 'repeat', 1);
  const dir = resolve(options.get('dir') ?? benchDir());
  const settings: Settings = {
    dir,
    timeoutMs: countOption(options, 'timeout', 1800) * 1000,
    quietMs: options.get('wait-quiet') === '0' ? 0 : countOption(options, 'wait-quiet', 30) * 1000,
    node: options.get('node') ?? (existsSync(NODE24) ? NODE24 : process.execPath),
    python: options.get('python') ?? '/usr/bin/python3',
  };
  const only = (options.get('only') ?? CONTENDERS.join(',')).split(',').map((name) => name.trim());
  for (const name of only) if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`--only: no contender ${name} (${CONTENDERS.join(', ')})`);

  console.log(`dataset: ${rows.toLocaleString('en-US')} rows, seed ${seed}, in ${dir}`);
  const generationStarted = performance.now();
  const dataset = ensureDataset({
    rows,
    seed,
    dir,
    force: options.has('force'),
    progress: (done) => process.stdout.write(`  generated ${done.toLocaleString('en-US')} rows\n`),
  });
  const mb = dataset.marker.bytes / 1e6;
  const generation = dataset.generated
    ? `generated in ${fixed((performance.now() - generationStarted) / 1000, 2)} s (${fixed(mb / dataset.marker.seconds, 0)} MB/s)`
    : `reused (generated earlier in ${fixed(dataset.marker.seconds, 2)} s)`;
  console.log(`  ${dataset.path}: ${fixed(mb, 1)} MB, ${generation}`);
  console.log(`  page cache warmed: read in ${fixed(warmPageCache(dataset.path), 2)} s`);

  const nodeVersion = versionOf(settings.node, ['--version']) ?? 'unknown';
  const pandasVersion = versionOf(settings.python, ['-c', 'import pandas; print(pandas.__version__)']);
  const all = [cd4ml(settings), pandas(settings, pandasVersion), duckdb(settings)];
  const contenders = all.filter((contender) => only.includes(contender.name));

  // Each run keeps its files (profiles, outputs, reports) in a fresh run-* folder; earlier ones go.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('run-')) rmSync(join(dir, entry.name), { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(dir, 'run-'));
  const measurements = new Map<ContenderName, Measurement[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 1; round <= repeat; round += 1) {
    for (const contender of contenders) {
      if (contender.unavailable !== undefined) continue;
      const dirForRun = mkdtempSync(join(runDir, `${contender.name}-`));
      process.stdout.write(`running ${LABELS[contender.name]}${repeat > 1 ? ` (${round}/${repeat})` : ''} … `);
      if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
      const measurement = await measure(contender, dataset, dirForRun);
      measurements.get(contender.name)?.push(measurement);
      console.log(`${measurement.ok ? `${fixed(measurement.seconds, 2)} s` : 'failed'}: ${measurement.note}`);
    }
  }
  const results = contenders.map((contender) => summarize(contender.name, measurements.get(contender.name) ?? [], contender.unavailable));

  const duckdbReport = results.find((row) => row.name === 'duckdb')?.runs.find((run) => run.ok)?.report;
  const duckdbPackage = (JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/node-api/package.json'), 'utf8')) as { version: string }).version;
  const table = tableRows(results, dataset);
  const machine = [
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- Node ${nodeVersion} runs the bundle (${settings.node === NODE24 ? 'the node24 runtime action.yml declares' : settings.node}); Node ${process.version} runs the harness and DuckDB`,
    `- pandas ${pandasVersion ?? 'not available'} (Python ${versionOf(settings.python, ['-c', 'import platform; print(platform.python_version())']) ?? '?'}), DuckDB ${typeof duckdbReport?.['duckdb'] === 'string' ? duckdbReport['duckdb'] : '?'} (@duckdb/node-api ${duckdbPackage}, ${typeof duckdbReport?.['threads'] === 'number' ? duckdbReport['threads'] : '?'} threads)`,
    `- Dataset: ${dataset.marker.rows.toLocaleString('en-US')} rows, ${fixed(mb, 1)} MB (seed ${dataset.marker.seed}), ${generation}; ${repeat === 1 ? 'one run per contender' : `median of ${repeat} runs per contender`}`,
  ];
  const checks = crossCheck(results);
  const command = commandLine();
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    ...machine,
    '',
    markdownTable(table, { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] }),
    ...(checks.length > 0 ? ['', ...checks] : []),
  ].join('\n');

  console.log(`\n${textTable(table, (column) => column >= 1 && column <= 7)}\n`);
  for (const line of checks) console.log(line);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  console.log(`run files: ${runDir}`);

  if (options.has('write-results')) {
    replaceResultsSection(RESULTS_START, RESULTS_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}

/** The command as run, without --write-results, for the results' "Measured with" line. */
function commandLine(): string {
  const shown = process.argv.slice(2).filter((arg) => arg !== '--write-results');
  return `npm run bench${shown.length === 0 ? '' : ` -- ${shown.join(' ')}`}`;
}

const SUITES = ['validate', 'gate', 'drift', 'registry', 'train', 'demo', 'all'] as const;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const suite = options.get('suite') ?? 'all';
  if (!(SUITES as readonly string[]).includes(suite)) throw new Error(`--suite: no suite ${JSON.stringify(suite)} (${SUITES.join(', ')})`);
  if (suite === 'validate' || suite === 'all') await runValidateSuite(options);
  if (suite === 'gate' || suite === 'all') await runGateSuite(options, commandLine());
  if (suite === 'drift' || suite === 'all') await runDriftSuite(options, commandLine());
  if (suite === 'registry' || suite === 'all') await runRegistrySuite(options, commandLine());
  if (suite === 'train' || suite === 'all') await runTrainSuite(options, commandLine());
  if (suite === 'demo' || suite === 'all') await runDemoSuite(options, commandLine());
}

await main();
