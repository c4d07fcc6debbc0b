/**
 * The local deploy target's model server (node:http, onnxruntime-node on the CPU). It serves the
 * versions `state.json` names (local-state.ts) and obeys that file alone:
 *
 * - `POST /predict` with `{"rows": [{…}, …]}` (or one row object): routed to the candidate with
 *   probability percent/100, else to live (chooseRoute, with the `random` option); answers 200
 *   `{"version": n, "predictions": [...]}` (one number per row, or an array per row for models with
 *   several outputs per row). In shadow (mirrorPercent) live answers and the candidate also scores the
 *   same rows after the answer is sent; its result is only recorded in the metrics.
 *   A body that is not JSON, not rows, lacks a feature or exceeds `maxBodyBytes` is refused (400, 413)
 *   with `{"error": "<one line>"}` and counted in cd4ml_client_errors_total, never against a version;
 *   a model failure answers 500 `{"error": …, "version": n}` and counts as an error of that version.
 * - `GET /health`: 200 `{"status":"ok","live":7,"candidate":8|null,"percent":10}` (and `mirrorPercent`
 *   in shadow).
 * - `GET /metrics`: the Prometheus text (local-metrics.ts).
 *
 * State changes: every request first reads state.json (a few hundred bytes, tens of microseconds) and
 * compares its text with that of the state it serves — a check on mtime alone could miss two writes
 * within the file system's timestamp granularity; on a change it opens the models of versions it
 * does not hold yet, and only then switches, so the next request follows the new state. If
 * the new state cannot be read or its models cannot be loaded, the server logs why and keeps serving
 * the state it had (the previous version keeps serving); it tries again when the file changes again.
 * A model no longer named is released once the requests using it are done.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describeError, InputError } from '../errors.js';
import { releaseModel } from '../inference/model-signature.js';
import type { Logger } from '../logger.js';
import { chooseRoute, type DeployState, parseState, resolveModelPath, statePath } from './local-state.js';
import { METRICS_CONTENT_TYPE, ServerMetrics } from './local-metrics.js';
import { featureMatrix, openServingModel, parseRequest, predictionsJson, predictionValues, RequestError, type Row, type RowPredictions, scoreMatrix, type ServingModel } from './predict.js';

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface ModelServerOptions {
  /** The deployment directory, holding state.json. */
  directory: string;
  /** 0 for any free port. */
  port: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string | undefined;
  /** The columns a [N, F] model takes, in order; unset for models with one input per column. */
  features?: readonly string[] | undefined;
  logger: Logger;
  /** Uniform on [0, 1): the routing draws (default Math.random; a seeded generator in tests). */
  random?: (() => number) | undefined;
  /** Upper bounds of the prediction histogram (default 20 equal-width bins on [0, 1]). */
  predictionBuckets?: readonly number[] | undefined;
  /** Largest request body accepted, bytes (default 16 MiB). */
  maxBodyBytes?: number | undefined;
}

export interface ModelServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  /** The in-process counters (what /metrics renders), for a target in the same process. */
  readonly metrics: ServerMetrics;
  /** Resolves once the shadow scoring started so far has finished. */
  settled(): Promise<void>;
  /** Stops accepting requests, waits for shadow scoring, releases the models. */
  close(): Promise<void>;
}

interface LoadedVersion {
  version: number;
  path: string;
  serving: ServingModel;
  inflight: number;
  retired: boolean;
}

interface Serving {
  state: DeployState;
  /** The text of state.json it was read from. */
  stamp: string;
  models: Map<number, LoadedVersion>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The text of state.json; undefined when there is none. */
async function stateText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the deployment directory is readable.`);
  }
}

function describeState(state: DeployState): string {
  const candidate = state.candidate;
  if (candidate === undefined) return `version ${state.live.version} (all traffic)`;
  const mirror = candidate.mirrorPercent === undefined ? '' : `, mirrored ${candidate.mirrorPercent}%`;
  return `live version ${state.live.version} (${100 - candidate.percent}%), candidate version ${candidate.version} (${candidate.percent}%${mirror})`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) reject(new HttpError(413, `The request body is ${size} bytes, over the server's limit of ${limit}; send fewer rows per request.`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

/** Starts the server on `port` (0: any free port) serving the state in `directory`. */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const { directory, logger, features } = options;
  const random = options.random ?? Math.random;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const path = statePath(directory);
  const metrics = new ServerMetrics({ predictionBuckets: options.predictionBuckets });
  const pending = new Set<Promise<void>>();

  async function load(state: DeployState, stamp: string, held: Map<number, LoadedVersion>): Promise<Serving> {
    const models = new Map<number, LoadedVersion>();
    const opened: LoadedVersion[] = [];
    const wanted = [state.live, ...(state.candidate === undefined ? [] : [state.candidate])];
    try {
      for (const { version, modelPath } of wanted) {
        const resolved = resolveModelPath(directory, modelPath);
        const existing = held.get(version);
        if (existing !== undefined && existing.path === resolved) {
          models.set(version, existing);
          continue;
        }
        const serving = await openServingModel(resolved, `version ${version} (${modelPath})`, features);
        const loaded: LoadedVersion = { version, path: resolved, serving, inflight: 0, retired: false };
        opened.push(loaded);
        models.set(version, loaded);
      }
    } catch (error) {
      for (const loaded of opened) await releaseModel(loaded.serving.model);
      throw error;
    }
    return { state, stamp, models };
  }

  const initialText = await stateText(path);
  if (initialText === undefined) {
    throw new InputError(`No deployment in ${directory}: ${path} does not exist; deploy a version there first (deploy-canary with target local).`);
  }
  let current = await load(parseState(initialText, path), initialText, new Map());
  metrics.setTraffic(current.state);
  logger.info(`Model server: serving ${describeState(current.state)} from ${directory}.`);
  /** The state.json text (undefined: the file is gone) that could not be served, until it changes. */
  let failed: { stamp: string | undefined } | undefined;
  let reloading: Promise<void> | undefined;

  function retire(loaded: LoadedVersion): void {
    loaded.retired = true;
    if (loaded.inflight === 0) void releaseModel(loaded.serving.model).catch(() => undefined);
  }

  async function reload(stamp: string | undefined): Promise<void> {
    if (stamp === undefined) {
      logger.warning(`${path} was removed; the server keeps serving ${describeState(current.state)}.`);
      failed = { stamp };
      return;
    }
    let next: Serving;
    try {
      next = await load(parseState(stamp, path), stamp, current.models);
    } catch (error) {
      logger.error(`The deployment state changed but cannot be served (${describeError(error)}); the server keeps serving ${describeState(current.state)}.`);
      failed = { stamp };
      return;
    }
    const previous = current;
    current = next;
    failed = undefined;
    metrics.setTraffic(next.state);
    for (const loaded of previous.models.values()) if (next.models.get(loaded.version) !== loaded) retire(loaded);
    logger.info(`Model server: now serving ${describeState(next.state)}.`);
  }

  /** Follows state.json when it changed since the state served now (see the file header). */
  async function refresh(): Promise<void> {
    while (reloading !== undefined) await reloading;
    const stamp = await stateText(path);
    if (stamp === current.stamp || (failed !== undefined && stamp === failed.stamp)) return;
    if (reloading === undefined) reloading = reload(stamp).finally(() => (reloading = undefined));
    await reloading;
  }

  /** Keeps a model from being released while a request may still use it. */
  function hold(loaded: LoadedVersion): void {
    loaded.inflight += 1;
  }

  function unhold(loaded: LoadedVersion): void {
    loaded.inflight -= 1;
    if (loaded.retired && loaded.inflight === 0) void releaseModel(loaded.serving.model).catch(() => undefined);
  }

  async function score(loaded: LoadedVersion, rows: readonly Row[]): Promise<RowPredictions> {
    hold(loaded);
    try {
      const start = performance.now();
      // A client error (RequestError) propagates with nothing recorded against the version.
      const matrix = featureMatrix(rows, loaded.serving.plan);
      try {
        const predictions = await scoreMatrix(loaded.serving, matrix);
        metrics.recordRequest(loaded.version, 'ok', (performance.now() - start) / 1000);
        metrics.recordPredictions(loaded.version, predictionValues(predictions));
        return predictions;
      } catch (error) {
        metrics.recordRequest(loaded.version, 'error', (performance.now() - start) / 1000);
        // The model's name in the message is `version N (path)`; one line, as every answer's error.
        throw new HttpError(500, describeError(error).split('\n')[0]!);
      }
    } finally {
      unhold(loaded);
    }
  }

  /** Scores the rows with the candidate after live answered; `loaded` is held by the caller and released here. */
  function mirror(loaded: LoadedVersion, rows: readonly Row[]): void {
    const work = score(loaded, rows).finally(() => unhold(loaded)).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof RequestError) {
          // The live version took these rows, the candidate cannot: the candidate's failure.
          metrics.recordRequest(loaded.version, 'error', undefined);
        }
        logger.warning(`Shadow: candidate version ${loaded.version} failed on a mirrored request: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  async function predict(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let rows: Row[];
    try {
      const body = await readBody(request, maxBodyBytes);
      await refresh();
      rows = parseRequest(body);
    } catch (error) {
      if (error instanceof RequestError || error instanceof HttpError) {
        metrics.recordClientError();
        sendJson(response, error instanceof HttpError ? error.status : 400, { error: error.message });
        return;
      }
      throw error;
    }
    const serving = current;
    const route = chooseRoute(serving.state, random);
    const loaded = serving.models.get(route.version)!;
    const shadow = route.mirror && serving.state.candidate !== undefined ? serving.models.get(serving.state.candidate.version) : undefined;
    if (shadow !== undefined) hold(shadow); // a reload while live scores must not release it
    try {
      const predictions = await score(loaded, rows);
      sendJson(response, 200, { version: route.version, predictions: predictionsJson(predictions) });
    } catch (error) {
      if (shadow !== undefined) unhold(shadow);
      if (error instanceof RequestError) {
        metrics.recordClientError();
        sendJson(response, 400, { error: error.message });
        return;
      }
      if (error instanceof HttpError) {
        logger.warning(error.message);
        sendJson(response, error.status, { error: error.message, version: route.version });
        return;
      }
      throw error;
    }
    if (shadow !== undefined) mirror(shadow, rows);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'POST /predict':
        return predict(request, response);
      case 'GET /health': {
        await refresh();
        const { state } = current;
        const candidate = state.candidate;
        sendJson(response, 200, {
          status: 'ok',
          live: state.live.version,
          candidate: candidate?.version ?? null,
          percent: candidate?.percent ?? 0,
          ...(candidate?.mirrorPercent === undefined ? {} : { mirrorPercent: candidate.mirrorPercent }),
        });
        return;
      }
      case 'GET /metrics': {
        await refresh();
        const text = metrics.render();
        response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
        response.end(text);
        return;
      }
    }
    const allowed = url.pathname === '/predict' ? 'POST' : url.pathname === '/health' || url.pathname === '/metrics' ? 'GET' : undefined;
    request.resume();
    if (allowed !== undefined) {
      response.setHeader('allow', allowed);
      sendJson(response, 405, { error: `${request.method ?? ''} ${url.pathname} is not served; use ${allowed}.` });
    } else sendJson(response, 404, { error: `${url.pathname} is not served; the server answers POST /predict, GET /health and GET /metrics.` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error(`Model server: ${describeError(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error; see the server log' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    for (const loaded of current.models.values()) await releaseModel(loaded.serving.model);
    throw new InputError(`The model server cannot listen on port ${options.port} (${(error as NodeJS.ErrnoException).code ?? String(error)}); choose another port, or 0 for any free one.`);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info(`Model server: listening on ${url}.`);

  const settled = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  let closing: Promise<void> | undefined;
  return {
    url,
    metrics,
    settled,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await settled();
        while (reloading !== undefined) await reloading;
        for (const loaded of current.models.values()) if (!loaded.retired) await releaseModel(loaded.serving.model);
      })()),
  };
}
