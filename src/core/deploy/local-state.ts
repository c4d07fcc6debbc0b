/**
 * The local deploy target's one switch: `state.json` in the deployment directory
 * (`.cd4ml/deploy/<endpoint>/`), naming the live version and, during a rollout, the candidate with
 * its traffic share:
 *
 *     { "live": { "version": 7, "modelPath": "versions/v7/model/model.onnx" },
 *       "candidate": { "version": 8, "modelPath": "versions/v8/model/model.onnx", "percent": 10, "mirrorPercent": 0 },
 *       "updatedAt": "2024-07-01T12:00:00.000Z" }
 *
 * A model path is relative to the deployment directory (or absolute). Every transition is one atomic
 * write (write-file-atomic.ts: a temporary file renamed over the old one), so a reader — the model
 * server — sees the old state or the new one, never half of one, and a crash at any point leaves the
 * last state that was written whole: the version it names keeps serving.
 *
 * chooseRoute is the routing rule the server applies per request: the candidate with probability
 * percent/100 (one draw of `random`, uniform on [0, 1)), else live; a request answered by live is
 * also mirrored to the candidate with probability mirrorPercent/100 (a second, independent draw).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';

export const STATE_FILE = 'state.json';

export interface ServedVersion {
  version: number;
  /** The model's ONNX file, relative to the deployment directory or absolute. */
  modelPath: string;
}

export interface CandidateVersion extends ServedVersion {
  /** The share of requests the candidate answers, percent (0–100). */
  percent: number;
  /** Shadow: the share of live-answered requests the candidate also scores (not returned), percent (0–100). */
  mirrorPercent?: number;
}

export interface DeployState {
  live: ServedVersion;
  candidate?: CandidateVersion;
  /** ISO 8601, when this state was written. */
  updatedAt: string;
}

export function statePath(directory: string): string {
  return join(directory, STATE_FILE);
}

/** The model file a state names, as a path usable from the current directory. */
export function resolveModelPath(directory: string, modelPath: string): string {
  return isAbsolute(modelPath) ? modelPath : resolve(directory, modelPath);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function versionOf(value: unknown, where: string, field: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new InputError(`${where}: ${field} is ${JSON.stringify(value)}; expected a model version, a whole number from 1.`);
}

function pathOf(value: unknown, where: string, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new InputError(`${where}: ${field} is ${JSON.stringify(value)}; expected the path of the version's ONNX file.`);
}

function percentOf(value: unknown, where: string, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) return value;
  throw new InputError(`${where}: ${field} is ${JSON.stringify(value)}; expected a percentage from 0 to 100.`);
}

/** Checks a percentage given to the target (route) the same way the state file's are checked. */
export function checkPercent(value: number, field: string): number {
  return percentOf(value, 'route', field);
}

/** Parses and checks the text of a state file; `where` names it in messages. */
export function parseState(text: string, where: string): DeployState {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where} is not valid JSON (${(error as Error).message}); restore it from a deployment, or remove it to start over.`);
  }
  if (!isRecord(document) || !isRecord(document['live'])) {
    throw new InputError(`${where}: expected an object with "live": { "version", "modelPath" } (and optionally "candidate"); restore it from a deployment, or remove it to start over.`);
  }
  const liveDoc = document['live'];
  const live: ServedVersion = { version: versionOf(liveDoc['version'], where, 'live.version'), modelPath: pathOf(liveDoc['modelPath'], where, 'live.modelPath') };
  const updatedAt = document['updatedAt'];
  if (typeof updatedAt !== 'string') throw new InputError(`${where}: updatedAt is ${JSON.stringify(updatedAt)}; expected an ISO 8601 time.`);
  const state: DeployState = { live, updatedAt };
  const candidateDoc = document['candidate'];
  if (candidateDoc !== undefined && candidateDoc !== null) {
    if (!isRecord(candidateDoc)) throw new InputError(`${where}: candidate is ${JSON.stringify(candidateDoc)}; expected { "version", "modelPath", "percent" }.`);
    const candidate: CandidateVersion = {
      version: versionOf(candidateDoc['version'], where, 'candidate.version'),
      modelPath: pathOf(candidateDoc['modelPath'], where, 'candidate.modelPath'),
      percent: percentOf(candidateDoc['percent'], where, 'candidate.percent'),
    };
    if (candidateDoc['mirrorPercent'] !== undefined) candidate.mirrorPercent = percentOf(candidateDoc['mirrorPercent'], where, 'candidate.mirrorPercent');
    if (candidate.version === live.version) {
      throw new InputError(`${where}: the candidate is version ${candidate.version}, which is also the live version; a candidate is another version.`);
    }
    state.candidate = candidate;
  }
  return state;
}

/** The deployment's state; undefined when nothing was deployed there yet (no state.json). */
export async function readState(directory: string): Promise<DeployState | undefined> {
  const path = statePath(directory);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the deployment directory is readable.`);
  }
  return parseState(text, path);
}

/** Writes the state whole or not at all (the only switch the server obeys). */
export async function writeState(directory: string, state: DeployState): Promise<void> {
  const document: DeployState = { live: { version: state.live.version, modelPath: state.live.modelPath }, updatedAt: state.updatedAt };
  if (state.candidate !== undefined) {
    const { version, modelPath, percent, mirrorPercent } = state.candidate;
    document.candidate = { version, modelPath, percent, ...(mirrorPercent === undefined ? {} : { mirrorPercent }) };
  }
  // Checked as a reader will check it, so a bad state is refused here rather than by the server.
  parseState(JSON.stringify(document), statePath(directory));
  await writeFileAtomic(statePath(directory), `${JSON.stringify(document, null, 2)}\n`, 'The deployment state');
}

export interface Route {
  /** The version that answers. */
  version: number;
  /** True when the candidate also scores the request in the shadow (live answered). */
  mirror: boolean;
}

/** Where one request goes (see the file header); `random` is uniform on [0, 1). */
export function chooseRoute(state: DeployState, random: () => number): Route {
  const candidate = state.candidate;
  if (candidate === undefined) return { version: state.live.version, mirror: false };
  if (candidate.percent > 0 && random() < candidate.percent / 100) return { version: candidate.version, mirror: false };
  const mirrorPercent = candidate.mirrorPercent ?? 0;
  return { version: state.live.version, mirror: mirrorPercent > 0 && random() < mirrorPercent / 100 };
}
