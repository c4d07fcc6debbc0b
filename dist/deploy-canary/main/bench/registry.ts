/**
 * The model registry suite of `npm run bench` (bench/run.ts dispatches here with `--suite registry`),
 * measured in one run, each figure the median of `--repeat` runs (default 1):
 *
 * 1. End to end: `node dist/register-model/index.js` as the runner starts it (INPUT_* variables,
 *    GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, under bench/rss-probe.mjs) registering a generated
 *    256 MiB model file (seeded AES-256-CTR keystream bytes, made once into the bench directory and
 *    reused while its marker matches) into a fresh file:// registry: wall seconds, MB/s, peak RSS. The
 *    same bundle registering a 4 KiB model is the control: the two peaks differ by what the file's
 *    size costs in memory (target: under 10% of the file's size, since files are hashed and copied as
 *    streams). The record the action wrote must give the file's sha256 and size.
 * 2. Download: `cd4ml registry download`'s work in process, IndexedRegistry.resolve then .download
 *    from that registry (a copy to `<file>.partial`, its sha256 checked in a stream, a rename):
 *    seconds and MB/s, and how much this process's RSS grew meanwhile (sampled every 10 ms).
 * 3. Contention: N concurrent registrations of one model (N = 1, 5, 20, 50; 4 KiB model files, each
 *    its own content and run id) in this process through one IndexedRegistry against
 *    (a) file:// (createFileStorage on a fresh directory),
 *    (b) s3:// through the SDK to s3rver behind test/fakes/conditional-s3-proxy.ts, which gives
 *        PutObject S3's If-Match / If-None-Match semantics (s3rver ignores them),
 *    (c) github against test/fakes/github-server.ts (a fresh FakeGitHub per run, every request checked
 *        against GitHub's OpenAPI description) with createGitHubClient(…, { retries: 0, throttle: false }).
 *    The storage's writeIndex is wrapped to count compare-and-swap writes attempted and succeeded
 *    (succeeded must be exactly 2N: one reservation and one commit each; every other attempt lost a
 *    race and was followed by a reread and a retry with jittered backoff). The versions must be
 *    exactly 1..N, in the results and in list(); the suite fails loudly, before writing any result,
 *    when they are not. One untimed registration per backend warms the code up first.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, release, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { markdownTable } from 'markdown-table';
import type { Logger } from '../src/core/logger.js';
import { createFileStorage } from '../src/core/registry/file-storage.js';
import { IndexedRegistry } from '../src/core/registry/indexed-registry.js';
import type { LocalFile, ModelRecord, PutContext, RegistrationRequest, RegistrationResult, RegistryStorage } from '../src/core/registry/types.js';
import { createS3RegistryStorage } from '../src/platform/aws/s3-registry-storage.js';
import { createGitHubClient } from '../src/platform/github/client.js';
import { createGitHubRegistryStorage } from '../src/platform/github/registry-storage.js';
import { startConditionalS3Proxy, type ConditionalS3Proxy } from '../test/fakes/conditional-s3-proxy.js';
import { FakeGitHub } from '../test/fakes/github-server.js';
import { S3RVER_CREDENTIALS, startS3rver, type LocalS3 } from '../test/support/s3rver.js';
import { benchDir, countOption, DEFAULT_SEED } from './generate-data.js';
import { cpuModel, fixed, median, NODE24, replaceResultsSection, RESULTS, ROOT, runBundleMeasured, textTable, versionOf, waitForQuiet, warmPageCache } from './harness.js';

const BUNDLE = join(ROOT, 'dist/register-model/index.js');
const REGISTRY_START = '<!-- bench:registry:start -->';
const REGISTRY_END = '<!-- bench:registry:end -->';
const MiB = 1024 * 1024;
/** The end-to-end model's size (MiB) unless --model-mib says otherwise. */
const DEFAULT_MODEL_MIB = 256;
/** The size of the contention runs' model files and of the control's. */
const SMALL_BYTES = 4096;
const DEFAULT_WRITERS = [1, 5, 20, 50];
const BACKENDS = ['file', 's3', 'github'] as const;
type BackendName = (typeof BACKENDS)[number];
const LABELS: Record<BackendName, string> = { file: 'file://', s3: 's3:// (s3rver + proxy)', github: 'github (fake)' };
/** Bump when the model file's bytes for a given seed and size change, so a cached one is remade. */
const MODEL_VERSION = 1;
/**
 * The target: registering the big file adds under this share of its size to the bundle's peak RSS,
 * compared with registering the 4 KiB control (the bundle alone holds about 125 MiB).
 */
const RSS_GROWTH_TARGET = 0.1;
const MODEL_NAME = 'bench-model';
const CONTENDED = 'contended';
const GIT_SHA = 'c0ffee'.padEnd(40, '0');
const REPOSITORY = { owner: 'bench', repo: 'models' };
const TOKEN = 'bench-token';

interface RegistrySettings {
  modelMiB: number;
  seed: number;
  repeat: number;
  writers: number[];
  backends: BackendName[];
  dir: string;
  timeoutMs: number;
  quietMs: number;
  node: string;
}

const silent: Logger = { debug: () => {}, info: () => {}, warning: () => {}, error: () => {}, group: (_title, work) => work() };

const rssMiB = (kib: number | undefined): string => (kib === undefined ? '—' : fixed(kib / 1024, 0));
const verdict = (met: boolean): string => (met ? 'met' : 'not met');

// ---------------------------------------------------------------------------------------------
// The model files

interface ModelFile {
  path: string;
  bytes: number;
  sha256: string;
  generated: boolean;
  seconds: number;
}

/**
 * `mib` MiB of AES-256-CTR keystream keyed by the seed (incompressible and reproducible), written in
 * 8 MiB chunks and hashed as written; reused while `<file>.json` matches and the size is right.
 */
function ensureModelFile(dir: string, mib: number, seed: number, force: boolean): ModelFile {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `registry-model-${mib}MiB-${seed}.bin`);
  const markerPath = `${path}.json`;
  const bytes = mib * MiB;
  if (!force && existsSync(path) && existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as { version?: number; seed?: number; bytes?: number; sha256?: unknown; seconds?: number };
    if (marker.version === MODEL_VERSION && marker.seed === seed && marker.bytes === bytes && typeof marker.sha256 === 'string' && statSync(path).size === bytes) {
      return { path, bytes, sha256: marker.sha256, generated: false, seconds: marker.seconds ?? 0 };
    }
  }
  rmSync(markerPath, { force: true });
  const started = performance.now();
  const key = createHash('sha256').update(`cd4ml-bench-registry-model-${seed}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(8 * MiB);
  const hash = createHash('sha256');
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    for (let written = 0; written < bytes; written += zeros.length) {
      const chunk = cipher.update(zeros.subarray(0, Math.min(zeros.length, bytes - written)));
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  const sha256 = hash.digest('hex');
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(markerPath, `${JSON.stringify({ version: MODEL_VERSION, seed, bytes, sha256, seconds: Number(seconds.toFixed(2)) })}\n`);
  return { path, bytes, sha256, generated: true, seconds };
}

/** `count` small model files of random bytes under `dir`, hashed, as the registry takes them. */
function smallModels(dir: string, count: number): LocalFile[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `small-${i}.bin`);
    const bytes = randomBytes(SMALL_BYTES);
    writeFileSync(file, bytes);
    return { path: 'model.bin', file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  });
}

// ---------------------------------------------------------------------------------------------
// 1 and 2: the bundle end to end, and the download in process

interface BundleMeasure {
  ok: boolean;
  seconds: number;
  rssKiB: number | undefined;
  cpuSeconds: number | undefined;
  note: string;
}

/** register-model's bundle registering `model` into a fresh file:// registry at `registryDir`. */
async function registerWithBundle(settings: RegistrySettings, model: { path: string; bytes: number; sha256: string }, registryDir: string, runDir: string): Promise<BundleMeasure> {
  const { run, outputs, rssKiB, cpuSeconds, failure } = await runBundleMeasured(
    settings.node,
    BUNDLE,
    { name: MODEL_NAME, model: model.path, registry: `file://${registryDir}` },
    runDir,
    settings.timeoutMs,
  );
  if (run.code !== 0 || run.timedOut) return { ok: false, seconds: run.seconds, rssKiB, cpuSeconds, note: failure };
  const problems: string[] = [];
  if (outputs['version'] !== '1') problems.push(`version output ${JSON.stringify(outputs['version'])}, expected "1"`);
  const recordPath = outputs['record'];
  const stored = join(registryDir, MODEL_NAME, 'v1', 'model', basename(model.path));
  if (recordPath === undefined || !existsSync(recordPath)) {
    problems.push('no record output');
  } else {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as ModelRecord;
    const file = record.files.find((candidate) => candidate.path === `model/${basename(model.path)}`);
    if (file === undefined) problems.push(`the record has no model/${basename(model.path)}`);
    else if (file.sha256 !== model.sha256 || file.size !== model.bytes) problems.push(`the record gives sha256 ${file.sha256} and ${file.size} bytes; the file has ${model.sha256} and ${model.bytes}`);
  }
  if (!existsSync(stored) || statSync(stored).size !== model.bytes) problems.push(`the registry holds no ${model.bytes}-byte copy at ${relative(registryDir, stored)}`);
  return {
    ok: problems.length === 0,
    seconds: run.seconds,
    rssKiB,
    cpuSeconds,
    note: problems.length === 0 ? `version 1, record sha256 ${model.sha256.slice(0, 12)}… matches the file` : problems.join('; '),
  };
}

interface DownloadMeasure {
  seconds: number;
  bytes: number;
  files: number;
  rssGrowthBytes: number;
}

/** `cd4ml registry download`'s work: resolve the version, then download every file, each sha256-checked. */
async function downloadInProcess(registryDir: string, destination: string, expectedSha256: string): Promise<DownloadMeasure> {
  const registry = new IndexedRegistry(createFileStorage(registryDir), { logger: silent });
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  let written: string[];
  let record: ModelRecord;
  try {
    record = await registry.resolve(MODEL_NAME, { version: 1 });
    written = await registry.download(record, destination);
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const model = record.files.find((file) => file.path.startsWith('model/'));
  if (model === undefined || model.sha256 !== expectedSha256 || !written.includes(model.path)) {
    throw new Error(`registry download: the downloaded version does not hold the model with sha256 ${expectedSha256} (it wrote ${written.join(', ')})`);
  }
  return { seconds, bytes: record.files.reduce((sum, file) => sum + file.size, 0), files: written.length, rssGrowthBytes: peak - baseline };
}

// ---------------------------------------------------------------------------------------------
// 3: contention

/** The compare-and-swap traffic of one run, counted around the storage. */
interface IndexCounts {
  reads: number;
  attempted: number;
  succeeded: number;
}

/** The storage with its index reads and writes counted; everything else passes through. */
function counted(storage: RegistryStorage, counts: IndexCounts): RegistryStorage {
  const publish = storage.publish;
  return {
    description: storage.description,
    readIndex: async (name) => {
      counts.reads += 1;
      return storage.readIndex(name);
    },
    writeIndex: async (name, text, token) => {
      counts.attempted += 1;
      const written = await storage.writeIndex(name, text, token);
      if (written) counts.succeeded += 1;
      return written;
    },
    models: () => storage.models(),
    putFiles: (name, version, files, context) => storage.putFiles(name, version, files, context),
    ...(publish === undefined ? {} : { publish: (name: string, version: number, context: PutContext) => publish.call(storage, name, version, context) }),
    readFile: (file) => storage.readFile(file),
    downloadFile: (file, destination) => storage.downloadFile(file, destination),
  };
}

/** What a backend's server saw during one run, beyond the counted index traffic. */
interface ServerCounts {
  /** HTTP requests (github: API requests; s3: conditional PUTs of the index seen by the proxy). */
  requests?: number;
  /** github: requests other than GET. */
  writes?: number;
  /** github: the writes that created the registry branch (git trees, commits, refs, and the PUT that found no branch). */
  setupWrites?: number;
  /** s3: conditional PUTs of the index the proxy refused (412, 404, 409). */
  refused?: number;
}

interface OpenedRegistry {
  storage: RegistryStorage;
  /** Tears the run's registry down and says what its server saw; throws on a fake's violations. */
  close(): Promise<ServerCounts>;
}

interface Backend {
  name: BackendName;
  open(tag: string): Promise<OpenedRegistry>;
  stop(): Promise<void>;
}

function fileBackend(runDir: string): Backend {
  return {
    name: 'file',
    async open(tag) {
      const directory = join(runDir, `file-${tag}`);
      return {
        storage: createFileStorage(directory),
        async close() {
          rmSync(directory, { recursive: true, force: true });
          return {};
        },
      };
    },
    async stop() {},
  };
}

async function s3Backend(): Promise<Backend> {
  const bucket = 'cd4ml-bench-registry';
  const server: LocalS3 = await startS3rver();
  let proxy: ConditionalS3Proxy | undefined;
  try {
    await server.seed(bucket, {});
    proxy = await startConditionalS3Proxy({ upstream: server.endpoint, credentials: S3RVER_CREDENTIALS });
  } catch (error) {
    await proxy?.stop();
    await server.stop();
    throw error;
  }
  const through = proxy;
  return {
    name: 's3',
    async open(tag) {
      // An SDK client as a workflow has one (default checksum settings), path-style, through the proxy.
      const client = new S3Client({ endpoint: through.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
      const prefix = `bench/${tag}`;
      const seen = through.writes.length;
      return {
        storage: createS3RegistryStorage({ bucket, prefix, client }),
        async close() {
          client.destroy();
          const writes = through.writes.slice(seen).filter((write) => write.key.startsWith(`${prefix}/`));
          return { requests: writes.length, refused: writes.filter((write) => write.status !== 200).length };
        },
      };
    },
    async stop() {
      await through.stop();
      await server.stop();
    },
  };
}

function githubBackend(): Backend {
  return {
    name: 'github',
    async open() {
      const fake = new FakeGitHub();
      fake.addToken(TOKEN, { login: 'github-actions[bot]', type: 'Bot' });
      await fake.start();
      const client = createGitHubClient(TOKEN, { apiUrl: fake.url, logger: silent, retries: 0, throttle: false });
      return {
        storage: createGitHubRegistryStorage({ client, repository: REPOSITORY, logger: silent }),
        async close() {
          await fake.stop();
          if (fake.violations.length > 0) throw new Error(`the fake GitHub saw requests that GitHub's OpenAPI description refuses: ${fake.violations.slice(0, 3).join('; ')}`);
          const writes = fake.requests.filter((request) => request.method !== 'GET');
          const setup = writes.filter((request) => request.operationId.startsWith('git/') || (request.operationId === 'repos/create-or-update-file-contents' && request.status === 404));
          return { requests: fake.requests.length, writes: writes.length, setupWrites: setup.length };
        },
      };
    },
    async stop() {},
  };
}

function contendedRequest(file: LocalFile, i: number): RegistrationRequest {
  return {
    name: CONTENDED,
    files: [file],
    metrics: { roc_auc: 0.8 + i / 10_000 },
    params: { writer: i },
    lineage: { gitSha: GIT_SHA, repository: `${REPOSITORY.owner}/${REPOSITORY.repo}`, runId: String(10_000 + i), runUrl: `https://github.com/bench/models/actions/runs/${10_000 + i}` },
    environment: {},
    now: new Date(),
  };
}

interface ContentionRun {
  backend: BackendName;
  writers: number;
  seconds: number;
  counts: IndexCounts;
  server: ServerCounts;
  /** Seconds each registration took, from its start to its result. */
  latencies: number[];
  /** Why the run's outcome is wrong (versions not 1..N, lost entries), or empty. */
  failures: string[];
}

async function contend(backend: Backend, writers: number, files: LocalFile[], tag: string): Promise<ContentionRun> {
  const counts: IndexCounts = { reads: 0, attempted: 0, succeeded: 0 };
  const opened = await backend.open(tag);
  const registry = new IndexedRegistry(counted(opened.storage, counts), { logger: silent });
  const requests = files.slice(0, writers).map((file, i) => contendedRequest(file, i));
  const latencies: number[] = [];
  let results: RegistrationResult[] = [];
  const failures: string[] = [];
  let listed: number[] = [];
  const started = performance.now();
  let seconds: number;
  try {
    results = await Promise.all(
      requests.map(async (request) => {
        const from = performance.now();
        const result = await registry.register(request);
        latencies.push((performance.now() - from) / 1000);
        return result;
      }),
    );
    seconds = (performance.now() - started) / 1000;
    listed = (await registry.list(CONTENDED)).map((entry) => entry.version);
  } catch (error) {
    seconds = (performance.now() - started) / 1000;
    failures.push(`a registration failed: ${(error as Error).message}`);
  }
  let server: ServerCounts = {};
  try {
    server = await opened.close();
  } catch (error) {
    failures.push((error as Error).message);
  }
  if (failures.length === 0) {
    const expected = Array.from({ length: writers }, (_, i) => i + 1);
    const versions = results.map((result) => result.record.version).sort((a, b) => a - b);
    if (versions.join(',') !== expected.join(',')) failures.push(`the registrations got versions ${versions.join(', ')}, not 1..${writers}`);
    if (listed.join(',') !== expected.join(',')) failures.push(`list() gives versions ${listed.join(', ')}, not 1..${writers}`);
    const notCreated = results.filter((result) => !result.created).length;
    if (notCreated > 0) failures.push(`${notCreated} registrations reported created: false`);
    if (counts.succeeded !== 2 * writers) failures.push(`${counts.succeeded} index writes succeeded, not ${2 * writers} (one reservation and one commit per registration)`);
    if (server.refused !== undefined && server.refused !== counts.attempted - counts.succeeded) {
      failures.push(`the proxy refused ${server.refused} conditional index writes, but ${counts.attempted - counts.succeeded} writes reported a lost race`);
    }
  }
  return { backend: backend.name, writers, seconds, counts, server, latencies, failures };
}

/** Median seconds of the runs, summed counts (per run on average), and every failure. */
function summarizeContention(runs: ContentionRun[]): ContentionRun & { rounds: number } {
  const first = runs[0] as ContentionRun;
  const mean = (pick: (run: ContentionRun) => number | undefined): number | undefined => {
    const values = runs.map(pick).filter((value): value is number => value !== undefined);
    return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const server: ServerCounts = {};
  const requests = mean((run) => run.server.requests);
  const writes = mean((run) => run.server.writes);
  const refused = mean((run) => run.server.refused);
  const setupWrites = mean((run) => run.server.setupWrites);
  if (requests !== undefined) server.requests = requests;
  if (writes !== undefined) server.writes = writes;
  if (setupWrites !== undefined) server.setupWrites = setupWrites;
  if (refused !== undefined) server.refused = refused;
  return {
    backend: first.backend,
    writers: first.writers,
    seconds: median(runs.map((run) => run.seconds)),
    counts: { reads: mean((run) => run.counts.reads) ?? 0, attempted: mean((run) => run.counts.attempted) ?? 0, succeeded: mean((run) => run.counts.succeeded) ?? 0 },
    server,
    latencies: runs.flatMap((run) => run.latencies),
    failures: runs.flatMap((run) => run.failures),
    rounds: runs.length,
  };
}

// ---------------------------------------------------------------------------------------------
// The suite

function listOption<T extends string>(options: Map<string, string>, name: string, allowed: readonly T[], fallback: readonly T[]): T[] {
  const text = options.get(name);
  if (text === undefined) return [...fallback];
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (items.length === 0 || unknown.length > 0) throw new Error(`--${name}: expected a comma-separated list of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
  return items as T[];
}

function writersOption(options: Map<string, string>): number[] {
  const text = options.get('writers');
  if (text === undefined) return DEFAULT_WRITERS;
  const values = text.split(',').map((item) => Number(item.trim()));
  if (values.length === 0 || values.some((value) => !Number.isSafeInteger(value) || value < 1)) throw new Error(`--writers: expected positive integers separated by commas (e.g. 1,5,20,50), got ${JSON.stringify(text)}`);
  return values;
}

const packageVersion = (name: string): string => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
};

export async function runRegistrySuite(options: Map<string, string>, command: string): Promise<void> {
  const settings: RegistrySettings = {
    modelMiB: countOption(options, 'model-mib', DEFAULT_MODEL_MIB),
    seed: countOption(options, 'seed', DEFAULT_SEED),
    repeat: countOption(options, 'repeat', 1),
    writers: writersOption(options),
    backends: listOption(options, 'backends', BACKENDS, BACKENDS),
    dir: resolve(options.get('dir') ?? benchDir()),
    timeoutMs: countOption(options, 'timeout', 1800) * 1000,
    quietMs: Number(options.get('wait-quiet') ?? 30) * 1000,
    node: options.get('node') ?? (existsSync(NODE24) ? NODE24 : process.execPath),
  };
  console.log(`\n== model registry: register-model on a ${settings.modelMiB} MiB model, download, and ${settings.writers.join('/')} concurrent registrations on ${settings.backends.join(', ')} ==`);
  if (!existsSync(BUNDLE)) throw new Error(`no bundle at ${relative(ROOT, BUNDLE)}: run npm run build`);

  const model = ensureModelFile(settings.dir, settings.modelMiB, settings.seed, options.has('force'));
  const mb = model.bytes / 1e6;
  console.log(`  ${model.path}: ${fixed(mb, 1)} MB, ${model.generated ? `generated in ${fixed(model.seconds, 2)} s` : 'reused'}; page cache warmed in ${fixed(warmPageCache(model.path), 2)} s`);
  for (const entry of readdirSync(settings.dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('registry-run-')) rmSync(join(settings.dir, entry.name), { recursive: true, force: true });
  }
  const runDir = mkdtempSync(join(settings.dir, 'registry-run-'));
  const [control] = smallModels(join(runDir, 'control'), 1) as [LocalFile];
  const controlModel = { path: control.file, bytes: control.size, sha256: control.sha256 };

  // 1 and 2: the bundle on the big model and on the control, the download in process.
  const big: BundleMeasure[] = [];
  const small: BundleMeasure[] = [];
  const downloads: DownloadMeasure[] = [];
  for (let round = 0; round < settings.repeat; round += 1) {
    const registryDir = join(runDir, `e2e-registry-${round}`);
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const run = await registerWithBundle(settings, model, registryDir, join(runDir, `e2e-${round}`));
    big.push(run);
    console.log(`  register-model, ${settings.modelMiB} MiB model: ${fixed(run.seconds, 2)} s, ${fixed(mb / run.seconds, 0)} MB/s, peak RSS ${rssMiB(run.rssKiB)} MiB: ${run.note}`);
    if (run.ok) {
      const destination = join(runDir, `download-${round}`);
      const download = await downloadInProcess(registryDir, destination, model.sha256);
      downloads.push(download);
      console.log(`  registry download (in process): ${fixed(download.seconds, 2)} s, ${fixed(download.bytes / 1e6 / download.seconds, 0)} MB/s, ${download.files} files, RSS grew ${fixed(download.rssGrowthBytes / MiB, 1)} MiB`);
      rmSync(destination, { recursive: true, force: true });
    }
    rmSync(registryDir, { recursive: true, force: true });
    if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
    const controlRun = await registerWithBundle(settings, controlModel, join(runDir, `control-registry-${round}`), join(runDir, `control-${round}`));
    small.push(controlRun);
    console.log(`  register-model, ${SMALL_BYTES / 1024} KiB model (control): ${fixed(controlRun.seconds, 2)} s, peak RSS ${rssMiB(controlRun.rssKiB)} MiB: ${controlRun.note}`);
  }
  const failures: string[] = [];
  const summarizeBundle = (runs: BundleMeasure[]) => {
    const good = runs.filter((run) => run.ok);
    const rss = good.map((run) => run.rssKiB).filter((value): value is number => value !== undefined);
    const cpu = good.map((run) => run.cpuSeconds).filter((value): value is number => value !== undefined);
    return good.length === 0
      ? undefined
      : { seconds: median(good.map((run) => run.seconds)), rssKiB: rss.length === 0 ? undefined : Math.max(...rss), cpu: cpu.length === 0 ? undefined : median(cpu), note: (good[0] as BundleMeasure).note, runs: runs.length, good: good.length };
  };
  const bigSummary = summarizeBundle(big);
  const smallSummary = summarizeBundle(small);
  for (const run of [...big, ...small]) if (!run.ok) failures.push(`register-model end to end: ${run.note}`);

  // 3: contention.
  const files = smallModels(join(runDir, 'small-models'), Math.max(...settings.writers));
  const contention: Array<ContentionRun & { rounds: number }> = [];
  for (const name of settings.backends) {
    const backend = name === 'file' ? fileBackend(runDir) : name === 's3' ? await s3Backend() : githubBackend();
    try {
      const warm = await contend(backend, 1, files, 'warm-up');
      if (warm.failures.length > 0) failures.push(`${LABELS[name]} warm-up: ${warm.failures.join('; ')}`);
      for (const writers of settings.writers) {
        if (settings.quietMs > 0) await waitForQuiet(settings.quietMs);
        const runs: ContentionRun[] = [];
        for (let round = 0; round < settings.repeat; round += 1) runs.push(await contend(backend, writers, files, `n${writers}-r${round}`));
        const summary = summarizeContention(runs);
        contention.push(summary);
        const lost = summary.counts.attempted - summary.counts.succeeded;
        console.log(
          `  ${LABELS[name]}, ${writers} at once: ${fixed(summary.seconds, 2)} s, ${fixed(writers / summary.seconds, 1)} registrations/s, index writes ${fixed(summary.counts.attempted, 0)} attempted / ${fixed(summary.counts.succeeded, 0)} succeeded (${fixed(lost, 0)} lost races)${summary.failures.length === 0 ? '' : `; FAILED: ${summary.failures.join('; ')}`}`,
        );
        for (const failure of summary.failures) failures.push(`${LABELS[name]}, ${writers} concurrent registrations: ${failure}`);
      }
    } finally {
      await backend.stop();
    }
  }

  // Tables.
  const e2eTable = [
    ['end to end (file:// registry)', 'seconds', 'MB/s', 'CPU s', 'peak RSS (MiB)', `RSS the file adds (target < ${RSS_GROWTH_TARGET * 100}% of its size)`, 'notes'],
    bigSummary === undefined
      ? [`register-model bundle, ${settings.modelMiB} MiB model`, '—', '—', '—', '—', '—', `failed: ${big[0]?.note ?? 'did not run'}`]
      : [
          `register-model bundle, ${settings.modelMiB} MiB model`,
          fixed(bigSummary.seconds, 2),
          fixed(mb / bigSummary.seconds, 0),
          bigSummary.cpu === undefined ? '—' : fixed(bigSummary.cpu, 2),
          rssMiB(bigSummary.rssKiB),
          bigSummary.rssKiB === undefined || smallSummary?.rssKiB === undefined
            ? '—'
            : `${fixed((bigSummary.rssKiB - smallSummary.rssKiB) / 1024, 1)} MiB (${fixed((100 * (bigSummary.rssKiB - smallSummary.rssKiB) * 1024) / model.bytes, 1)}%), ${verdict(((bigSummary.rssKiB - smallSummary.rssKiB) * 1024) / model.bytes < RSS_GROWTH_TARGET)}`,
          `${bigSummary.note}; peak RSS is ${fixed((100 * (bigSummary.rssKiB ?? 0) * 1024) / model.bytes, 0)}% of the file's size`,
        ],
    smallSummary === undefined
      ? [`register-model bundle, ${SMALL_BYTES / 1024} KiB model (control)`, '—', '—', '—', '—', '—', `failed: ${small[0]?.note ?? 'did not run'}`]
      : [
          `register-model bundle, ${SMALL_BYTES / 1024} KiB model (control)`,
          fixed(smallSummary.seconds, 2),
          '—',
          smallSummary.cpu === undefined ? '—' : fixed(smallSummary.cpu, 2),
          rssMiB(smallSummary.rssKiB),
          '—',
          bigSummary === undefined
            ? 'the bundle alone: Node start-up, the inputs, one registration'
            : `the bundle alone; the ${settings.modelMiB} MiB file takes ${fixed(bigSummary.seconds - smallSummary.seconds, 2)} s more, ${fixed(mb / (bigSummary.seconds - smallSummary.seconds), 0)} MB/s net of start-up`,
        ],
    downloads.length === 0
      ? ['IndexedRegistry.download (in process)', '—', '—', '—', '—', '—', 'not run: the registration failed']
      : [
          'IndexedRegistry.download (in process)',
          fixed(median(downloads.map((run) => run.seconds)), 2),
          fixed(median(downloads.map((run) => run.bytes / 1e6 / run.seconds)), 0),
          '—',
          '—',
          `${fixed(Math.max(...downloads.map((run) => run.rssGrowthBytes)) / MiB, 1)} MiB (this process's RSS growth, sampled every 10 ms)`,
          `resolve, then download ${(downloads[0] as DownloadMeasure).files === 1 ? 'the model file' : `${(downloads[0] as DownloadMeasure).files} files`} (copied to a .partial file, sha256 checked in a stream, renamed)`,
        ],
  ];
  const contentionTable = [
    ['backend', 'writers', 'seconds', 'registrations/s', 'index writes attempted', 'succeeded', 'lost races (retries)', 'retries per registration', 'registration p50 / max s', 'versions 1..N', 'server'],
    ...contention.map((run) => {
      const lost = run.counts.attempted - run.counts.succeeded;
      const sorted = [...run.latencies].sort((a, b) => a - b);
      const server =
        run.backend === 'github'
          ? `${fixed(run.server.requests ?? 0, 0)} API requests, ${fixed(run.server.writes ?? 0, 0)} writes (${fixed(run.server.setupWrites ?? 0, 0)} creating the branch)`
          : run.backend === 's3'
            ? `${fixed(run.server.requests ?? 0, 0)} conditional PUTs, ${fixed(run.server.refused ?? 0, 0)} refused`
            : '';
      return [
        LABELS[run.backend],
        String(run.writers),
        fixed(run.seconds, 3),
        fixed(run.writers / run.seconds, 1),
        fixed(run.counts.attempted, 0),
        fixed(run.counts.succeeded, 0),
        fixed(lost, 0),
        fixed(lost / run.writers, 2),
        sorted.length === 0 ? '—' : `${fixed(median(sorted), 2)} / ${fixed(sorted.at(-1) as number, 2)}`,
        run.failures.length === 0 ? 'yes' : 'NO',
        server,
      ];
    }),
  ];

  const githubRuns = contention.filter((run) => run.backend === 'github' && run.server.writes !== undefined && run.failures.length === 0);
  // Writes of one registration once the branch exists, without lost races: the steady state on github.com.
  const writesPerRegistration =
    githubRuns.length === 0 ? undefined : Math.min(...githubRuns.map((run) => ((run.server.writes ?? 0) - (run.server.setupWrites ?? 0) - (run.counts.attempted - run.counts.succeeded)) / run.writers));
  const rounds = settings.repeat === 1 ? 'one run each' : `median seconds of ${settings.repeat} runs each (counts averaged per run, latencies pooled)`;
  const notes = [
    `Contention runs: ${settings.writers.join(', ')} registrations of one model started at once in this process through one IndexedRegistry (the default retry policy: up to 100 tries, full-jitter backoff from 20 ms capped at 1 s), each with its own ${SMALL_BYTES / 1024} KiB model file and run id, on a fresh registry; ${rounds}. Index writes are counted around the storage's writeIndex: each registration needs one reservation and one commit, so succeeded is 2N and every other attempt lost a compare-and-swap race and was retried. The servers (s3rver, the conditional-write proxy, the fake GitHub) run in the same Node process as the registrations, so the figures measure the protocol's requests and retries on loopback, not network latency.`,
    githubRuns.length === 0
      ? undefined
      : `github: the client runs with throttling off, as against a server without rate limits. Real GitHub paces writes at about one per second per client (the project's client does so, as GitHub asks of integrators, and spaces release creations 3 s apart), and a registration makes ${fixed(writesPerRegistration ?? 0, 0)} writes once the registry branch exists (the index's reservation and commit, the draft release, its asset uploads and release updates), plus one per lost race and, the first time, the branch's creation. On github.com that pacing dominates: about ${fixed(writesPerRegistration ?? 0, 0)} s per registration at the least, against the fractions of a second above, and concurrent registrations in separate workflow runs (separate clients) then contend over seconds, not milliseconds.`,
    `file:// registration reads the model twice (its sha256 while the request is built, then a copy into the registry); the download copies it once and hashes the copy once.`,
  ].filter((line): line is string => line !== undefined);
  const nodeVersion = versionOf(settings.node, ['--version']) ?? 'unknown';
  const machine = [
    `- Machine: ${cpuModel()}, ${availableParallelism()} cores, ${fixed(totalmem() / 2 ** 30, 1)} GiB memory, Linux ${release()}`,
    `- Node ${nodeVersion} runs the bundle (${settings.node === NODE24 ? 'the node24 runtime action.yml declares' : settings.node}); Node ${process.version} runs the download and the contention runs in process (tsx, the sources)`,
    `- s3rver ${packageVersion('s3rver')}, @aws-sdk/client-s3 ${packageVersion('@aws-sdk/client-s3')}, @actions/github ${packageVersion('@actions/github')} (Octokit), requests checked against @octokit/openapi ${packageVersion('@octokit/openapi')}`,
    `- Model: ${settings.modelMiB} MiB (${fixed(mb, 1)} MB) of seeded random bytes (seed ${settings.seed}), in the page cache; ${settings.repeat === 1 ? 'one run each' : `median of ${settings.repeat} runs each`}`,
  ];
  const markdown = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${command}\`.`,
    '',
    ...machine,
    '',
    markdownTable(e2eTable, { align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] }),
    '',
    markdownTable(contentionTable, { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'] }),
    '',
    ...notes.flatMap((line) => [line, '']),
  ].join('\n');
  console.log(`\n${textTable(e2eTable, (column) => column >= 1 && column <= 4)}\n\n${textTable(contentionTable, (column) => column >= 1 && column <= 8)}\n`);
  for (const line of notes) console.log(line);
  console.log(`\n--- markdown ---\n\n${markdown}\n`);
  console.log(`run files: ${runDir}`);
  if (failures.length > 0) {
    throw new Error(`the registry suite failed (${failures.length}); nothing was written to ${relative(ROOT, RESULTS)}:\n  ${failures.join('\n  ')}`);
  }
  if (options.has('write-results')) {
    replaceResultsSection(REGISTRY_START, REGISTRY_END, markdown);
    console.log(`updated ${relative(ROOT, RESULTS)}`);
  }
}
