/**
 * What a registration is made of, independent of the backend: the key that makes a re-run return
 * the version it already made, the model record, and the gate result read from evaluate-gate's
 * output.
 */
import { createHash } from 'node:crypto';
import { readMetricsJson } from '../gate/metrics-file.js';
import type { GateResult, ModelRecord, RegistrationRequest, StoredFile } from './types.js';
import { RECORD_FORMAT, RECORD_VERSION } from './types.js';
import { formatReference } from './names.js';

/** JSON with object keys sorted at every depth, so equal content hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256Text = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The sha256 of what is registered: the model files (path and sha256), metrics, params and profile. */
export function contentHash(request: Pick<RegistrationRequest, 'files' | 'metrics' | 'params' | 'profile'>): string {
  return sha256Text(
    canonicalJson({
      files: request.files.map((file) => [file.path, file.sha256]).sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
      metrics: request.metrics,
      params: request.params,
      profile: request.profile === undefined ? null : sha256Text(request.profile.text),
    }),
  );
}

/**
 * One registration: the workflow run (its id; re-running a job keeps it) and the content. The same
 * key means the same registration, so a re-run returns the version made before. Outside a workflow
 * (no run id) equal content is the same registration.
 */
export function registrationKey(request: RegistrationRequest): string {
  const run = request.lineage.runId === undefined ? 'local' : `run:${request.lineage.repository ?? ''}:${request.lineage.runId}`;
  return sha256Text(`${run}\n${contentHash(request)}`).slice(0, 40);
}

export interface RecordParts {
  version: number;
  registrationKey: string;
  files: StoredFile[];
  /** The profile file's sha256, when a profile was registered. */
  profileSha256?: string;
  parentVersion?: number;
}

/** The model record of a new version. */
export function buildRecord(request: RegistrationRequest, parts: RecordParts): ModelRecord {
  const lineage = { ...request.lineage, ...(parts.parentVersion === undefined ? {} : { parentVersion: parts.parentVersion }) };
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_VERSION,
    name: request.name,
    version: parts.version,
    uri: formatReference(request.name, parts.version),
    createdAt: request.now.toISOString(),
    registrationKey: parts.registrationKey,
    files: parts.files,
    metrics: request.metrics,
    ...(request.gate === undefined ? {} : { gate: request.gate }),
    params: request.params,
    ...(request.profile === undefined || parts.profileSha256 === undefined
      ? {}
      : { profile: { rows: request.profile.document.rows, columns: request.profile.document.columns.length, sha256: parts.profileSha256 } }),
    lineage,
    environment: request.environment,
    aliases: [],
    ...(request.attestation === undefined ? {} : { attestation: request.attestation }),
  };
}

/** The record as stored: without the aliases, which change after the version is made. */
export function storedRecordText(record: ModelRecord): string {
  const { aliases: _aliases, ...stored } = record;
  return `${JSON.stringify(stored, null, 2)}\n`;
}

/**
 * The numbers of a metrics document (DVC flat or nested, or evaluate-gate's `cd4ml-evaluation`
 * output), and the gate's result when it is the latter.
 */
export function metricsOf(value: unknown, origin: string): { metrics: Record<string, number>; gate?: GateResult } {
  const metrics = Object.fromEntries(readMetricsJson(value, origin).values);
  const document = value as { format?: unknown; passed?: unknown; verdict?: unknown; baseline?: unknown; outcomes?: unknown };
  if (document.format !== 'cd4ml-evaluation' || typeof document.passed !== 'boolean') return { metrics };
  const outcomes = Array.isArray(document.outcomes) ? (document.outcomes as Array<{ metric?: unknown; check?: unknown; status?: unknown }>) : [];
  const baseline = describeBaseline(document.baseline);
  return {
    metrics,
    gate: {
      passed: document.passed,
      verdict: typeof document.verdict === 'string' ? document.verdict : document.passed ? 'passed' : 'failed',
      ...(baseline === undefined ? {} : { baseline }),
      rules: outcomes.map((outcome) => ({ metric: String(outcome.metric), rule: String(outcome.check), status: ruleStatus(outcome.status) })),
    },
  };
}

function describeBaseline(baseline: unknown): string | undefined {
  if (typeof baseline !== 'object' || baseline === null) return undefined;
  const side = baseline as { kind?: unknown; path?: unknown; origin?: unknown };
  if (typeof side.path === 'string') return side.path;
  if (typeof side.origin === 'string') return side.origin;
  return undefined;
}

function ruleStatus(status: unknown): 'pass' | 'fail' | 'skipped' {
  return status === 'fail' || status === 'skipped' ? status : 'pass';
}
