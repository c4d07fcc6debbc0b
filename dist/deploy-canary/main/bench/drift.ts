/**
 * The check-drift suite of `npm run bench` (bench/run.ts dispatches here with `--suite drift`),
 * measured in one run, each figure the median of `--repeat` runs:
 *
 * 1. End to end: `node dist/check-drift/index.js` as the runner starts it (INPUT_* variables,
 *    GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, `on-drift: issue` and no token, so nothing leaves
 *    the machine) with the generated 5,000,000-row CSV as the reference and its drifted variant
 *    (bench/generate-data.ts `drift`, another seed) as the current data; wall time and peak RSS.
 * 2. Peer: pandas + scipy (bench/peers/pandas_drift.py) on the same two files.
 * 3. Stored profiles: two profiles of a generated 100-column CSV (60 continuous columns, so their
 *    sketches are used, 20 small integers, 20 categories), made with validate-data's core; then
 *    compareProfiles(reference, current) in process (median of 20 runs), and the bundle end to end on
 *    the two profile files.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, release, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { markdownTable } from 'markdown-table';
import { compareProfiles } from '../src/core/drift/compare-profiles.js';
import type { Logger } from '../src/core/logger.js';
import { parseProfile } from '../src/core/profile/profile.js';
import { validateDataset } from '../src/core/scan/validate-dataset.js';
import { benchDir, countOption, DEFAULT_ROWS, DEFAULT_SEED, ensureDataset, prng, type Dataset } from './generate-data.js';
import {
  cleanEnv,
  cpuModel,
  failureLine,
  fixed,
  lastJsonLine,
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

const BUNDLE = join(ROOT, 'dist/check-drift/index.js');
const PEER = join(ROOT, 'bench/peers/pandas_drift.py');
const DRIFT_START = '<!-- bench:drift:start -->';
const DRIFT_END = '<!-- bench:drift:end -->';
/** The targets the suite checks its figures against. */
const TARGET_SPEEDUP = 8;
const TARGET_RSS_MIB = 300;
const TARGET_COMPARE_MS = 100;
/** The stored-profile comparison: columns, rows of the profiled CSV, timed runs. */
const WIDE_COLUMNS = 100;
const WIDE_ROWS = 100_000;
const COMPARE_RUNS = 20;
/** Bump when the wide CSV's bytes change, so cached profiles are remade. */
const WIDE_VERSION = 1;

interface DriftSettings {
  rows: number;
  seed: number;
  repeat: number;
  dir: string;
  timeoutMs: number;
  quietMs: number;
  node: string;
  python: string;
}

interface Run {
  ok: boolean;
  seconds: number;
  rssKiB: number | undefined;
  cpuSeconds: number | undefined;
  note: string;
  report: Record<string, unknown>;
}

const silent: Logger = { debug: () => {}, info: () => {}, warning: () => {}, error: () => {}, group: (_title, work) => work() };

/** The bundle as the runner starts it, on `reference` and `current` (CSV files or profile JSONs). */
async function bundleRun(settings: DriftSettings, reference: string, current: string, runDir: string): Promise<Run> {
  // `issue` with no token and no repository: the action warns and skips the issue; nothing is sent.
  const { run, outputs, rssKiB, cpuSeconds, failure } = await runBundleMeasured(
    settings.node,
    BUNDLE,
    { reference, current, 'drift-share': '0.5', 'on-drift': 'issue' },
    runDir,
    settings.timeoutMs,
  );
  const ok = run.code === 0 && !run.timedOut && outputs['drifted'] !== undefined;
  const driftJson = join(runDir, 'cd4ml/check-drift/drift.json');
  const report: Record<string, unknown> = { ...outputs };
  if (existsSync(driftJson)) report['drift'] = JSON.parse(readFileSync(driftJson, 'utf8')) as unknown;
  const note = ok
    ? `drifted=${outputs['drifted']}, drift-share=${fixed(Number(outputs['drift-share']), 2)}, drifted columns ${(JSON.parse(outputs['drifted-columns'] ?? '[]') as string[]).join(', ') || 'none'}`
    : failure;
  return { ok, seconds: run.seconds, rssKiB, cpuSeconds, note, report };
}

async function peerRun(settings: DriftSettings, reference: string, current: string): Promise<Run> {
  const run = await runProcess(settings.python, [PEER, reference, current], cleanEnv(), settings.timeoutMs);
  const report = lastJsonLine(run.stdout);
  const ok = run.code === 0 && !run.timedOut && report !== undefined;
  return {
    ok,
    seconds: run.seconds,
    rssKiB: typeof report?.['maxrss_kib'] === 'number' ? report['maxrss_kib'] : undefined,
    cpuSeconds: typeof report?.['cpu_s'] === 'number' ? report['cpu_s'] : undefined,
    note: ok ? `import ${report['import_s']} s, read_csv ${report['read_s']} s, statistics ${report['stats_s']} s` : failureLine(run, 'no report line'),
    report: report ?? {},
  };
}

/** Median seconds and CPU, highest RSS, and the middle run's note, of the runs that succeeded. */
function summarize(runs: Run[]): { ok: boolean; seconds: number; cpu: number | undefined; rssKiB: number | undefined; note: string; spread: string; report: Record<string, unknown> } {
  const good = runs.filter((run) => run.ok);
  if (good.length === 0) return { ok: false, seconds: Number.NaN, cpu: undefined, rssKiB: undefined, note: `failed: ${runs[0]?.note ?? 'did not run'}`, spread: '', report: {} };
  const times = good.map((run) => run.seconds);
  const cpu = good.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
  const rss = good.map((run) => run.rssKiB).filter((value): value is number => value !== undefined);
  return {
    ok: true,
    seconds: median(times),
    cpu: cpu.length === 0 ? undefined : median(cpu),
    rssKiB: rss.length === 0 ? undefined : Math.max(...rss),
    note: good[0]!.note + (good.length < runs.length ? `; ${runs.length - good.length} of ${runs.length} runs failed` : ''),
    spread: good.length > 1 ? `best ${fixed(Math.min(...times), 2)} s, worst ${fixed(Math.max(...times), 2)} s` : '',
    report: good[0]!.report,
  };
}

/**
 * A 100-column CSV: x0…x59 continuous (normal, 3 decimals: tens of thousands of distinct values, so
 * the profiles keep KLL sketches), n0…n19 small integers (0–9), c0…c19 categories (8 codes). The
 * drifted variant shifts every third continuous column by 0.3 sd and changes every fourth category mix.
 */
function writeWideCsv(path: string, rows: number, seed: number, drift: boolean): void {
  const random = prng(seed);
  const header = [
    ...Array.from({ length: 60 }, (_, i) => `x${i}`),
    ...Array.from({ length: 20 }, (_, i) => `n${i}`),
    ...Array.from({ length: 20 }, (_, i) => `c${i}`),
  ];
  const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const fd = openSync(path, 'w');
  try {
    let chunk = `${header.join(',')}\n`;
    for (let row = 0; row < rows; row += 1) {
      const cells: string[] = [];
      for (let i = 0; i < 60; i += 1) {
        const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        cells.push((10 * i + (1 + i / 10) * normal + (drift && i % 3 === 0 ? 0.3 * (1 + i / 10) : 0)).toFixed(3));
      }
      for (let i = 0; i < 20; i += 1) cells.push(String(Math.floor(random() * 10)));
      for (let i = 0; i < 20; i += 1) {
        const u = random();
        cells.push(codes[Math.floor((drift && i % 4 === 0 ? u * u : u ** 1.5) * codes.length)]!);
      }
      chunk += `${cells.join(',')}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** The two stored profiles of the wide CSV, made once with validate-data's core and cached in `dir`. */
async function wideProfiles(dir: string, seed: number): Promise<{ reference: string; current: string; made: boolean; seconds: number }> {
  const name = (side: string) => join(dir, `wide-${WIDE_COLUMNS}x${WIDE_ROWS}-${seed}-v${WIDE_VERSION}-${side}.profile.json`);
  const paths = { reference: name('reference'), current: name('current') };
  if (existsSync(paths.reference) && existsSync(paths.current)) return { ...paths, made: false, seconds: 0 };
  const started = performance.now();
  for (const [side, drift, sideSeed] of [['reference', false, seed], ['current', true, seed + 1]] as const) {
    const csv = join(dir, `wide-${side}.csv`);
    writeWideCsv(csv, WIDE_ROWS, sideSeed, drift);
    const { profile } = await validateDataset({ data: [csv], format: 'auto', cwd: ROOT, maxExamples: 0, failOn: 'never', workerScript: undefined, threads: 1, logger: silent });
    writeFileSync(`${paths[side]}.partial`, JSON.stringify(profile));
    rmSync(csv);
    writeFileSync(paths[side], readFileSync(`${paths[side]}.partial`));
    rmSync(`${paths[side]}.partial`);
  }
  return { ...paths, made: true, seconds: (performance.now() - started) / 1000 };
}

const verdict = (met: boolean): string => (met ? 'met' : 'not met');

/** The cd4ml score next to the peer's figure for the same method, per column. */
function agreement(cd4ml: Record<string, unknown>, peer: Record<string, unknown>): string[] {
  const drift = cd4ml['drift'] as { columns?: { column: string; method?: string; score: number | null; drifted: boolean; note?: string }[] } | undefined;
  const peerColumns = (peer['columns'] ?? {}) as Record<string, Record<string, number>>;
  const key: Record<string, string> = { wasserstein: 'wasserstein', jensenshannon: 'jensenshannon', ks: 'ks_p', psi: 'psi', chisquare: 'chi2_p' };
  const lines: string[] = [];
  for (const column of drift?.columns ?? []) {
    const peerValue = column.method === undefined ? undefined : peerColumns[column.column]?.[key[column.method] ?? ''];
    const ours = column.method === undefined || typeof column.score !== 'number' ? `not compared (${column.note ?? 'no method'})` : `${column.method} ${column.score.toFixed(4)}${column.drifted ? ' (drift)' : ''}`;
    lines.push(`\`${column.column}\` ${ours}${peerValue === undefined ? '' : `, scipy ${peerValue.toFixed(4)}`}`);
  }
  return lines;
}

export async function runDriftSuite(options: Map<string, string>, command: string): Promise<void> {
  const settings: DriftSettings = {
    rows: countOption(options, 'rows', DEFAULT_ROWS),
    seed: countOption(options, 'seed', DEFAULT_SEED),
    repeat: countOption(options, 'repeat', 1),
    dir: resolve(options.get('dir') ?? benchDir()),
    timeoutMs: countOption(options, 'timeout', 1800) * 1000,
    quietMs: Number(options.get('wait-quiet') ?? 30) * 1000,
    node: options.get('node') ?? (existsSync(NODE24) ? NODE24 : process.execPath),
    python: options.get('python') ?? '/usr/bin/python3',
  };
  console.log(`\n== check-drift: ${settings.rows.toLocaleString('en-US')} rows against a drifted variant ==`);
  if (!existsSync(BUNDLE)) throw new Error(`no bundle at ${relative(ROOT, BUNDLE)}: run npm run build`);
  const progress = (done: number) => process.stderr.write(`  ${done.toLocaleString('en-US')} rows\n`);
  const force = options.has('force');
  const reference: Dataset = ensureDataset({ rows: settings.rows, seed: settings.seed, dir: settings.dir, force, progress });
  const current: Dataset = ensureDataset({ rows: settings.rows, seed: settings.seed + 1, dir: settings.dir, drift: true, force, progress });
  const mb = (dataset: Dataset) => dataset.marker.bytes / 1e6;
  for (const dataset of [reference, current]) {
    console.log(`  ${dataset.path}: ${fixed(mb(dataset), 1)} MB, ${dataset.generated ? 'generated' : 'reused'}; page cache warmed in ${fixed(warmPageCache(dataset.path), 2)} s`);
  }
  for (const entry of readdirSync(settings.dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('drift-run-')) rmSync(join(settings.dir, entry.name), { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(settings.dir, 'drift-run-'));
  const pandasVersion = versionOf(settings.python, ['-c', 'import pandas, scipy; print(pandas.__version__, scipy.__version__)'])?.split(' ');

  // 1 and 2: the bundle and the peer on the two CSVs, interleaved.
  const cd4mlRuns: Run[] = [];
  const peerRuns: Run[] = [];
  for (let round = 0; round < settings.repeat; round += 1) {
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const run = await bundleRun(settings, reference.path, current.path, join(runDir, `csv-${round}`));
    cd4mlRuns.push(run);
    console.log(`  cd4ml check-drift: ${fixed(run.seconds, 2)} s, ${run.rssKiB === undefined ? '?' : fixed(run.rssKiB / 1024, 0)} MiB: ${run.note}`);
    if (pandasVersion !== undefined) {
      if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
      const peer = await peerRun(settings, reference.path, current.path);
      peerRuns.push(peer);
      console.log(`  pandas + scipy: ${fixed(peer.seconds, 2)} s, ${peer.rssKiB === undefined ? '?' : fixed(peer.rssKiB / 1024, 0)} MiB: ${peer.note}`);
    }
  }
  const cd4ml = summarize(cd4mlRuns);
  const peer = pandasVersion === undefined ? undefined : summarize(peerRuns);

  // 3: two stored profiles of 100 columns.
  const wide = await wideProfiles(settings.dir, settings.seed);
  console.log(`  stored profiles: ${wide.made ? `made in ${fixed(wide.seconds, 1)} s` : 'reused'} (${relative(settings.dir, wide.reference)}, ${relative(settings.dir, wide.current)})`);
  const loadStarted = performance.now();
  const referenceDocument = parseProfile(JSON.parse(readFileSync(wide.reference, 'utf8')), wide.reference);
  const currentDocument = parseProfile(JSON.parse(readFileSync(wide.current, 'utf8')), wide.current);
  const loadMs = performance.now() - loadStarted;
  const compareTimes: number[] = [];
  let result = compareProfiles(referenceDocument, currentDocument, { driftShare: 0.5 });
  const firstMs = (() => {
    const started = performance.now();
    result = compareProfiles(referenceDocument, currentDocument, { driftShare: 0.5 });
    return performance.now() - started;
  })();
  for (let i = 0; i < COMPARE_RUNS; i += 1) {
    const started = performance.now();
    result = compareProfiles(referenceDocument, currentDocument, { driftShare: 0.5 });
    compareTimes.push(performance.now() - started);
  }
  const compareMs = median(compareTimes);
  const sketched = referenceDocument.columns.filter((column) => column.state.sketch !== null).length;
  const methods = new Map<string, number>();
  for (const column of result.columns) methods.set(column.method ?? 'none', (methods.get(column.method ?? 'none') ?? 0) + 1);
  console.log(`  compareProfiles, ${result.columns.length} columns: median ${fixed(compareMs, 2)} ms of ${COMPARE_RUNS} (the call before them ${fixed(firstMs, 2)} ms); ${result.drifted.length} drifted`);
  const storedRuns: Run[] = [];
  for (let round = 0; round < settings.repeat; round += 1) {
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const run = await bundleRun(settings, wide.reference, wide.current, join(runDir, `profiles-${round}`));
    storedRuns.push(run);
    console.log(`  cd4ml check-drift on the stored profiles: ${fixed(run.seconds, 2)} s, ${run.rssKiB === undefined ? '?' : fixed(run.rssKiB / 1024, 0)} MiB`);
  }
  const stored = summarize(storedRuns);

  // Tables.
  const speedUp = cd4ml.ok && peer?.ok === true ? peer.seconds / cd4ml.seconds : undefined;
  const rssMiB = (kib: number | undefined) => (kib === undefined ? '—' : fixed(kib / 1024, 0));
  const e2eTable = [
    ['end to end', 'seconds', 'CPU s', 'peak RSS (MiB)', 'vs pandas + scipy', `target ≥ ${TARGET_SPEEDUP}× and < ${TARGET_RSS_MIB} MiB`, 'notes'],
    cd4ml.ok
      ? [
          'cd4ml check-drift bundle (two CSVs)',
          fixed(cd4ml.seconds, 2),
          cd4ml.cpu === undefined ? '—' : fixed(cd4ml.cpu, 2),
          rssMiB(cd4ml.rssKiB),
          speedUp === undefined ? '—' : `${fixed(speedUp, 2)}×`,
          `speed ${speedUp === undefined ? '—' : verdict(speedUp >= TARGET_SPEEDUP)}, RSS ${cd4ml.rssKiB === undefined ? '—' : verdict(cd4ml.rssKiB / 1024 < TARGET_RSS_MIB)}`,
          [cd4ml.note, cd4ml.spread].filter((part) => part !== '').join('; '),
        ]
      : ['cd4ml check-drift bundle (two CSVs)', '—', '—', '—', '—', '—', cd4ml.note],
    peer === undefined
      ? ['pandas + scipy', '—', '—', '—', '—', '—', `skipped: pandas and scipy do not import with ${settings.python}`]
      : peer.ok
        ? ['pandas + scipy', fixed(peer.seconds, 2), peer.cpu === undefined ? '—' : fixed(peer.cpu, 2), rssMiB(peer.rssKiB), '1.00×', '—', [peer.note, peer.spread].filter((part) => part !== '').join('; ')]
        : ['pandas + scipy', '—', '—', '—', '—', '—', peer.note],
  ];
  const profileTable = [
    ['stored profiles, 100 columns', 'milliseconds', `target < ${TARGET_COMPARE_MS} ms`, 'notes'],
    [
      'compareProfiles (in process)',
      fixed(compareMs, 2),
      verdict(compareMs < TARGET_COMPARE_MS),
      `median of ${COMPARE_RUNS}; best ${fixed(Math.min(...compareTimes), 2)} ms, worst ${fixed(Math.max(...compareTimes), 2)} ms; the call before them ${fixed(firstMs, 2)} ms; reading and parsing both JSON files ${fixed(loadMs, 1)} ms more`,
    ],
    stored.ok
      ? ['cd4ml check-drift bundle (two profile files)', fixed(stored.seconds * 1000, 0), '—', `peak RSS ${rssMiB(stored.rssKiB)} MiB; whole process, Node start-up included; ${stored.note}`]
      : ['cd4ml check-drift bundle (two profile files)', '—', '—', stored.note],
  ];

  const nodeVersion = versionOf(settings.node, ['--version']) ?? 'unknown';
  const agree = peer?.ok === true && cd4ml.ok ? agreement(cd4ml.report, peer.report) : [];
  const checks = [
    agree.length === 0 ? undefined : `Per column, the action's default method and score (from its drift.json) and scipy's figure for the same method on the same data: ${agree.join('; ')}.`,
    `The stored profiles: ${WIDE_COLUMNS} columns of ${WIDE_ROWS.toLocaleString('en-US')} rows each, ${sketched} of them kept as KLL sketches (more than 1,000 distinct values); methods ${[...methods].map(([method, count]) => `${method} ${count}`).join(', ')}; ${result.drifted.length} columns drifted.`,
  ].filter((line) => line !== undefined);
  const machine = [
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- Node ${nodeVersion} runs the bundle (${settings.node === NODE24 ? 'the node24 runtime action.yml declares' : settings.node}); Node ${process.version} runs compareProfiles in process (tsx, the sources)`,
    `- ${pandasVersion === undefined ? 'pandas and scipy not available' : `pandas ${pandasVersion[0]}, scipy ${pandasVersion[1]}`} (${settings.python})`,
    `- Data: reference ${settings.rows.toLocaleString('en-US')} rows, ${fixed(mb(reference), 1)} MB (seed ${settings.seed}); current: the drifted variant, ${fixed(mb(current), 1)} MB (seed ${settings.seed + 1}); ${settings.repeat === 1 ? 'one run each' : `median of ${settings.repeat} runs each`}`,
  ];
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    ...machine,
    '',
    markdownTable(e2eTable, { align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] }),
    '',
    markdownTable(profileTable, { align: ['l', 'r', 'l', 'l'] }),
    '',
    ...checks.flatMap((line) => [line, '']),
  ].join('\n');
  console.log(`\n${textTable(e2eTable, (column) => column >= 1 && column <= 4)}\n\n${textTable(profileTable, (column) => column === 1)}\n`);
  for (const line of checks) console.log(line);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  console.log(`run files: ${runDir}`);
  if (options.has('write-results')) {
    replaceResultsSection(DRIFT_START, DRIFT_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}
