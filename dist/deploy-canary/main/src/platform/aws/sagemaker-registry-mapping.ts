/**
 * How a cd4ml registration maps onto a SageMaker model package, in one place: the names SageMaker
 * accepts, the description that carries the registration key (ListModelPackages returns the
 * description, not the metadata, so a re-run finds its package with one listing), the
 * CustomerMetadataProperties keys and their limits, the approval texts and the ModelMetrics report.
 *
 * SageMaker's limits (API reference, CreateModelPackage / CustomerMetadataMap / ClientToken):
 * - model package group names: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`, so no `_` or `.`;
 * - CustomerMetadataProperties: at most 50 entries; keys 1–128 and values 1–256 characters of
 *   letters, digits, spaces and `_ . : / = + - @`; an entry that would break them is left out;
 * - ClientToken: 1–36 characters of `[a-zA-Z0-9-]`, scoped to the account;
 * - descriptions (package, approval): at most 1024 characters.
 */
import { createHash } from 'node:crypto';
import type { GateResult, ModelRecord } from '../../core/registry/types.js';

/** SageMaker's pattern for model package group names. */
export const GROUP_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** The alias that is SageMaker's own approval: `production` ⇔ ModelApprovalStatus Approved. */
export const PRODUCTION = 'production';

export const APPROVED = 'Approved';
export const REJECTED = 'Rejected';
export const PENDING = 'PendingManualApproval';

/** CustomerMetadataProperties keys written by cd4ml. */
export const META = {
  name: 'cd4ml.name',
  registrationKey: 'cd4ml.registration-key',
  gitSha: 'cd4ml.git-sha',
  runUrl: 'cd4ml.run-url',
  createdAt: 'cd4ml.created-at',
  gate: 'cd4ml.gate',
  /** The staged registration (written before CreateModelPackage): s3://…/<name>/<key>/registration.json. */
  staged: 'cd4ml.staged',
  /** The final record and card (written once the version is known): s3://…/<name>/versions/<V>/…. */
  record: 'cd4ml.record',
  card: 'cd4ml.card',
  metricPrefix: 'cd4ml.metric.',
  aliasPrefix: 'cd4ml.alias.',
} as const;

export const MAX_METADATA = 50;
/** Metrics copied into the metadata (the record has them all); leaves room for aliases. */
export const MAX_METADATA_METRICS = 10;
const METADATA_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const MAX_DESCRIPTION = 1024;

export function isGroupName(name: string): boolean {
  return GROUP_NAME.test(name);
}

/** Whether a key and value fit SageMaker's CustomerMetadataProperties constraints. */
export function fitsMetadata(key: string, value: string): boolean {
  return key.length <= 128 && value.length <= 256 && METADATA_TEXT.test(key) && METADATA_TEXT.test(value);
}

export function aliasKey(alias: string): string {
  return `${META.aliasPrefix}${alias}`;
}

/** The aliases a package's metadata gives it (`cd4ml.alias.<alias>=true`), sorted. */
export function metadataAliases(metadata: Record<string, string>): string[] {
  return Object.entries(metadata)
    .filter(([key, value]) => key.startsWith(META.aliasPrefix) && value === 'true')
    .map(([key]) => key.slice(META.aliasPrefix.length))
    .sort();
}

/**
 * The ClientToken of a registration: 36 hex characters of sha256(group, key). SageMaker scopes
 * tokens to the account, not the group, and the registration key does not name the model, so the
 * group is hashed in: the same files registered as two models in one run are two packages.
 */
export function clientToken(group: string, key: string): string {
  return createHash('sha256').update(`${group}\n${key}`).digest('hex').slice(0, 36);
}

const MARKER = 'cd4ml registration ';

/** The package description: says what it is and carries the registration key, which ListModelPackages returns. */
export function packageDescription(name: string, key: string, record: Pick<ModelRecord, 'lineage'>): string {
  const commit = record.lineage.gitSha === undefined ? '' : ` from commit ${record.lineage.gitSha.slice(0, 12)}`;
  return truncate(`${name}${commit}, registered by cd4ml-actions (${MARKER}${key}).`, MAX_DESCRIPTION);
}

/** The registration key in a package description, if cd4ml wrote it. */
export function registrationKeyIn(description: string | undefined): string | undefined {
  const match = /cd4ml registration ([A-Za-z0-9_-]+)/.exec(description ?? '');
  return match?.[1];
}

/**
 * The metadata of a new package: the key figures a reviewer sees in SageMaker Studio, and where the
 * staged registration is. Entries that do not fit SageMaker's limits are left out (the record has
 * everything); at most MAX_METADATA_METRICS metrics, in name order.
 */
export function packageMetadata(record: ModelRecord, stagedUri: string): Record<string, string> {
  const entries: Array<[string, string | undefined]> = [
    [META.name, record.name],
    [META.registrationKey, record.registrationKey],
    [META.gitSha, record.lineage.gitSha],
    [META.runUrl, record.lineage.runUrl],
    [META.createdAt, record.createdAt],
    [META.gate, record.gate === undefined ? undefined : record.gate.passed ? 'passed' : 'failed'],
    [META.staged, stagedUri],
  ];
  const metadata: Record<string, string> = {};
  for (const [key, value] of entries) if (value !== undefined && fitsMetadata(key, value)) metadata[key] = value;
  let metrics = 0;
  for (const name of Object.keys(record.metrics).sort()) {
    if (metrics >= MAX_METADATA_METRICS) break;
    const key = `${META.metricPrefix}${name}`;
    const value = String(record.metrics[name]);
    if (!fitsMetadata(key, value)) continue;
    metadata[key] = value;
    metrics += 1;
  }
  return metadata;
}

/**
 * The ModelMetrics statistics report (ModelQuality.Statistics, application/json), in the shape
 * SageMaker's model quality reports use (`<group>: {<metric>: {value}}`), plus the gate's verdict.
 */
export function metricsReport(metrics: Record<string, number>, gate: GateResult | undefined): string {
  const values = Object.fromEntries(
    Object.keys(metrics)
      .sort()
      .map((name) => [name, { value: metrics[name] }]),
  );
  return `${JSON.stringify({ version: 0, cd4ml_metrics: values, ...(gate === undefined ? {} : { cd4ml_gate: gate }) }, null, 2)}\n`;
}

/** An approval description (≤ 1024 characters) saying who moved production where, and why. */
export function approvalText(action: 'approve' | 'reject', alias: string, version: number, actor: { actor?: string; runUrl?: string }, reason: string): string {
  const by = actor.actor === undefined ? '' : ` by ${actor.actor}`;
  const run = actor.runUrl === undefined ? '' : ` in ${actor.runUrl}`;
  const text =
    action === 'approve'
      ? `cd4ml: ${alias} moved to version ${version}${by}${run} (${reason}).`
      : `cd4ml: rejected because ${alias} moved to the lower version ${version}${by}${run} (${reason}); the highest Approved version is ${alias}.`;
  return truncate(text, MAX_DESCRIPTION);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Key segments joined with `/`, empty ones (an empty prefix) left out. */
export function joinKey(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}
