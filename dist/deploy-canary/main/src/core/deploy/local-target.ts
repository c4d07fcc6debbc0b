/**
 * The local deploy target: a deployment directory (`<directory>/<endpoint>/`) whose state.json the
 * model server (local-server.ts) obeys. Each transition is one atomic write of that file, so the live
 * version keeps serving whatever happens: a crash before the write leaves the old state, after it the
 * new one, never a mix.
 *
 * - prepare(v): fetchModel(v) (the action downloads the version's files from the registry into the
 *   deployment directory and returns the ONNX file), then opens and plans the model once to prove it
 *   can serve JSON rows (and releases it).
 * - route(v, percent, mirror): state := { live, candidate: v at percent (mirrorPercent) }.
 * - promote(v): state := { live: v } (the candidate's traffic share becomes 100%).
 * - rollback(v): state := { live } (the candidate removed; live unchanged).
 * - health(v, since): the difference between the server's metrics now and the last scrape taken at
 *   or before `since` (route() and every health() take one): the candidate's and live's requests,
 *   errors and p95 latency (histogram_quantile's linear interpolation within a bucket, see
 *   local-metrics.ts), and the prediction drift, the Jensen–Shannon distance (base 2, in [0, 1])
 *   between the two versions' prediction histograms over that window. Without a scrape at or before
 *   `since` the window is everything since the server started. Metrics come from `metricsUrl` (the
 *   server's /metrics over HTTP) or, for a server in this process, its `metrics` object.
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InputError, ServiceError } from '../errors.js';
import { releaseModel } from '../inference/model-signature.js';
import type { Logger } from '../logger.js';
import { checkPercent, type DeployState, readState, writeState } from './local-state.js';
import { histogramDrift, histogramQuantile, type MetricsScrape, parsePrometheusText, scrapeDelta, scrapeOf, type VersionMetrics } from './local-metrics.js';
import { openServingModel } from './predict.js';
import type { Clock, DeployTarget, HealthSnapshot } from './types.js';

/** The in-process counters of a server in this process (ModelServer.metrics). */
export interface MetricsSource {
  render(): string;
}

export interface LocalTargetOptions {
  /** Where deployments live (e.g. `.cd4ml/deploy`); this endpoint's is `<directory>/<endpoint>`. */
  directory: string;
  endpoint: string;
  /** Puts the version's files in place and returns its ONNX file's path (e.g. through ModelRegistry.download). */
  fetchModel: (version: number) => Promise<string>;
  /** The columns a [N, F] model takes, in order, as the server is started with. */
  features?: readonly string[] | undefined;
  /** The server's /metrics URL (e.g. `http://127.0.0.1:8080/metrics`). */
  metricsUrl?: string | undefined;
  /** A server in this process: its counters (used when metricsUrl is unset). */
  metrics?: MetricsSource | undefined;
  clock: Clock;
  logger: Logger;
}

export interface LocalTarget extends DeployTarget {
  /** The deployment directory (holds state.json; the server's `directory`). */
  readonly deploymentDirectory: string;
  /** The state as written now; undefined before the first deployment. */
  state(): Promise<DeployState | undefined>;
}

const ENDPOINT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** `<directory>/<endpoint>`, after checking the endpoint is one safe path segment. */
export function deploymentDirectory(directory: string, endpoint: string): string {
  if (!ENDPOINT.test(endpoint) || endpoint.includes('..')) {
    throw new InputError(`Input "endpoint" is "${endpoint}"; expected a name of letters, digits, ".", "_" and "-" (up to 63, starting with a letter or digit), e.g. churn-model.`);
  }
  return join(directory, endpoint);
}

/** How many scrapes are kept for baselines (a rollout takes one per step). */
const KEPT_SCRAPES = 64;

export function createLocalTarget(options: LocalTargetOptions): LocalTarget {
  const { clock, logger, fetchModel, features } = options;
  const home = deploymentDirectory(options.directory, options.endpoint);
  const prepared = new Map<number, string>();
  const scrapes: Array<{ at: number; scrape: MetricsScrape }> = [];

  /** The path as state.json keeps it: relative to the deployment directory when inside it. */
  function statePathOf(modelPath: string): string {
    const absolute = resolve(modelPath);
    const inside = relative(resolve(home), absolute);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside.split('\\').join('/') : absolute;
  }

  async function prepare(candidate: number): Promise<void> {
    await mkdir(home, { recursive: true });
    const path = await fetchModel(candidate);
    const serving = await openServingModel(path, `version ${candidate} (${path})`, features);
    await releaseModel(serving.model);
    prepared.set(candidate, statePathOf(path));
    logger.info(`Local target ${options.endpoint}: version ${candidate} is ready (${path}, sha256 ${serving.model.sha256.slice(0, 12)}…).`);
  }

  async function modelPathOf(candidate: number, state: DeployState | undefined): Promise<string> {
    const known = prepared.get(candidate) ?? (state?.candidate?.version === candidate ? state.candidate.modelPath : undefined);
    if (known !== undefined) return known;
    await prepare(candidate);
    return prepared.get(candidate)!;
  }

  async function readMetrics(): Promise<MetricsScrape | undefined> {
    if (options.metricsUrl !== undefined) {
      const url = options.metricsUrl;
      let text: string;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        text = await response.text();
      } catch (error) {
        throw new ServiceError(`The model server's metrics at ${url} cannot be read (${(error as Error).message}); check that the server is running there.`);
      }
      return scrapeOf(parsePrometheusText(text, url));
    }
    if (options.metrics !== undefined) return scrapeOf(parsePrometheusText(options.metrics.render(), 'the model server metrics'));
    return undefined;
  }

  /** A scrape for later baselines; a failure only loses the baseline (health() then counts from the start). */
  async function remember(): Promise<void> {
    try {
      const scrape = await readMetrics();
      if (scrape === undefined) return;
      scrapes.push({ at: clock.now(), scrape });
      if (scrapes.length > KEPT_SCRAPES) scrapes.shift();
    } catch (error) {
      logger.debug(`Local target ${options.endpoint}: no metrics baseline (${(error as Error).message}).`);
    }
  }

  function versionHealth(metrics: VersionMetrics | undefined): { requests: number; errors: number; latencyP95Ms?: number } {
    if (metrics === undefined) return { requests: 0, errors: 0 };
    const result: { requests: number; errors: number; latencyP95Ms?: number } = { requests: metrics.ok + metrics.error, errors: metrics.error };
    if (metrics.duration !== undefined) {
      const p95 = histogramQuantile(0.95, metrics.duration);
      if (Number.isFinite(p95)) result.latencyP95Ms = p95 * 1000;
    }
    return result;
  }

  async function write(state: DeployState): Promise<void> {
    await writeState(home, state);
  }

  const target: LocalTarget = {
    description: `local (${home})`,
    deploymentDirectory: home,

    state: () => readState(home),

    async liveVersion() {
      return (await readState(home))?.live.version;
    },

    prepare,

    async route(candidate, percent, mirrorPercent) {
      checkPercent(percent, 'percent');
      if (mirrorPercent !== undefined) checkPercent(mirrorPercent, 'mirrorPercent');
      const state = await readState(home);
      if (state === undefined) {
        throw new InputError(`Nothing is live at ${home} yet, so there is no traffic to split; the first version goes live with promote (strategy all-at-once).`);
      }
      if (state.live.version === candidate) throw new InputError(`Version ${candidate} is already live at ${home}; a candidate is another version.`);
      const modelPath = await modelPathOf(candidate, state);
      await write({
        live: state.live,
        candidate: { version: candidate, modelPath, percent, ...(mirrorPercent === undefined ? {} : { mirrorPercent }) },
        updatedAt: new Date(clock.now()).toISOString(),
      });
      const mirror = mirrorPercent === undefined ? '' : `, mirroring ${mirrorPercent}%`;
      logger.info(`Local target ${options.endpoint}: version ${candidate} takes ${percent}% of requests${mirror}; version ${state.live.version} the rest.`);
      await remember();
    },

    async health(candidate, sinceMs): Promise<HealthSnapshot> {
      const current = await readMetrics();
      if (current === undefined) {
        throw new InputError(
          `The local target ${options.endpoint} has no metrics to read: start the model server on ${home} and give its /metrics URL (metricsUrl), or run it in this process.`,
        );
      }
      let baseline: MetricsScrape | undefined;
      for (const entry of scrapes) if (entry.at <= sinceMs) baseline = entry.scrape;
      if (baseline === undefined) logger.debug(`Local target ${options.endpoint}: no scrape at or before ${sinceMs}; counting everything since the server started.`);
      scrapes.push({ at: clock.now(), scrape: current });
      if (scrapes.length > KEPT_SCRAPES) scrapes.shift();
      const delta = scrapeDelta(current, baseline);
      const state = await readState(home);
      const liveVersion = state?.live.version;
      const candidateMetrics = delta.versions.get(candidate);
      const snapshot: HealthSnapshot = { candidate: versionHealth(candidateMetrics), alarms: [] };
      if (liveVersion !== undefined && liveVersion !== candidate) {
        const liveMetrics = delta.versions.get(liveVersion);
        snapshot.live = versionHealth(liveMetrics);
        const drift = histogramDrift(candidateMetrics?.predictions, liveMetrics?.predictions);
        if (drift !== undefined && Number.isFinite(drift)) snapshot.predictionDrift = drift;
      }
      return snapshot;
    },

    async promote(candidate) {
      const state = await readState(home);
      if (state?.live.version === candidate) {
        logger.info(`Local target ${options.endpoint}: version ${candidate} is already live.`);
        return;
      }
      const modelPath = await modelPathOf(candidate, state);
      await write({ live: { version: candidate, modelPath }, updatedAt: new Date(clock.now()).toISOString() });
      logger.info(`Local target ${options.endpoint}: version ${candidate} is live${state === undefined ? '' : ` (was version ${state.live.version})`}.`);
    },

    async rollback(candidate) {
      const state = await readState(home);
      if (state === undefined) {
        logger.info(`Local target ${options.endpoint}: nothing is deployed; nothing to roll back.`);
        return;
      }
      if (state.candidate?.version !== candidate) {
        if (state.live.version === candidate) logger.warning(`Local target ${options.endpoint}: version ${candidate} is live (it was promoted); rollback leaves it serving.`);
        else logger.info(`Local target ${options.endpoint}: version ${candidate} takes no traffic; version ${state.live.version} serves everything.`);
        return;
      }
      await write({ live: state.live, updatedAt: new Date(clock.now()).toISOString() });
      logger.info(`Local target ${options.endpoint}: rolled back version ${candidate}; version ${state.live.version} serves everything.`);
    },
  };
  return target;
}
