/**
 * The aliases of a sagemaker:// registry. `production` is SageMaker's own approval: it resolves to
 * the highest version whose ModelApprovalStatus is Approved (what SageMaker deployments and Studio
 * treat as approved). Moving production to version V approves V, then rejects every higher Approved
 * version, with an ApprovalDescription saying to which version, by whom, from which run and why;
 * lower Approved versions stay Approved. Other aliases are CustomerMetadataProperties
 * `cd4ml.alias.<alias>=true`: a move adds the key to the new holder, records the event, then removes
 * it from the old holder. If a move is interrupted between those steps, the alias is on two versions;
 * it resolves to the one the latest audit event names (the old one until the event is written), and
 * the next move of the alias clears the other. Every move is one JSON object (an `AliasEvent`) under
 * `<prefix>/<name>/audit/` in the artifacts, which history() lists in time order; for production the
 * event is written after the approvals changed.
 *
 * Complexity (n versions): resolving or moving an alias other than production describes every
 * version (8 at a time); reading the audit trail reads one object per alias move.
 */
import { randomBytes } from 'node:crypto';
import { InputError, ServiceError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import { aliasEvent } from '../../core/registry/alias-event.js';
import { NotInRegistryError } from '../../core/registry/not-found.js';
import { describeSelector } from '../../core/registry/names.js';
import type { Actor, AliasEvent, VersionSelector } from '../../core/registry/types.js';
import { type ModelGroups, type PackageSummary, highestApproved } from './sagemaker-groups.js';
import type { ArtifactStore } from './sagemaker-registry-artifacts.js';
import { APPROVED, MAX_METADATA, PRODUCTION, REJECTED, aliasKey, approvalText, joinKey, metadataAliases } from './sagemaker-registry-mapping.js';

/** SageMaker describes and S3 reads at once. */
export const CONCURRENCY = 8;

export class Aliases {
  constructor(
    private readonly groups: ModelGroups,
    private readonly artifacts: ArtifactStore,
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    private readonly registry: string,
    /** The random part of audit object names. */
    private readonly random: () => string = () => randomBytes(4).toString('hex'),
  ) {}

  /**
   * Moves `alias` to `version`; returns the version it pointed at before. `always` records the event
   * even when the alias already pointed there (a re-run finishing an interrupted registration).
   */
  async move(name: string, group: string, alias: string, version: number, actor: Actor, reason: string, now: Date, always: boolean): Promise<{ previous?: number }> {
    const what = `cannot move the alias ${alias} of ${name} to version ${version}`;
    const summaries = await this.groups.versionsOf(name, group, what);
    const target = summaries.find((entry) => entry.version === version);
    if (target === undefined) throw await this.unknown(name, group, summaries, { version }, what);

    if (alias === PRODUCTION) {
      const approved = summaries.filter((entry) => entry.approval === APPROVED);
      const previous = highestApproved(summaries);
      if (previous === version && !always) return { previous };
      if (target.approval !== APPROVED) {
        await this.groups.update({ ModelPackageArn: target.arn, ModelApprovalStatus: APPROVED, ApprovalDescription: approvalText('approve', alias, version, actor, reason) }, group, what);
      }
      for (const higher of approved.filter((entry) => entry.version > version)) {
        await this.groups.update({ ModelPackageArn: higher.arn, ModelApprovalStatus: REJECTED, ApprovalDescription: approvalText('reject', alias, version, actor, reason) }, group, what);
      }
      const moved = previous === version ? undefined : previous;
      await this.writeEvent(name, aliasEvent(alias, version, moved, actor, reason, now), now);
      return moved === undefined ? {} : { previous: moved };
    }

    const key = aliasKey(alias);
    const described = await mapLimit(summaries, CONCURRENCY, async (summary) => ({ summary, metadata: await this.groups.metadata(summary, group, what) }));
    const holding = described.filter(({ metadata }) => metadata[key] === 'true');
    const previous = await this.current(name, alias, holding.map(({ summary }) => summary.version));
    const others = holding.filter(({ summary }) => summary.version !== version);
    if (previous === version && others.length === 0 && !always) return { previous };
    const targetMetadata = described.find(({ summary }) => summary.version === version)?.metadata ?? {};
    if (targetMetadata[key] !== 'true') {
      if (Object.keys(targetMetadata).length >= MAX_METADATA) {
        throw new InputError(
          `${this.registry}: ${name} v${version} already has ${MAX_METADATA} metadata properties, SageMaker's limit, so the alias ${alias} cannot be added to it; move some of its other aliases away first.`,
        );
      }
      await this.groups.update({ ModelPackageArn: target.arn, CustomerMetadataProperties: { [key]: 'true' } }, group, what);
    }
    const moved = previous === version ? undefined : previous;
    await this.writeEvent(name, aliasEvent(alias, version, moved, actor, reason, now), now);
    for (const { summary } of others) await this.groups.update({ ModelPackageArn: summary.arn, CustomerMetadataPropertiesToRemove: [key] }, group, what);
    return moved === undefined ? {} : { previous: moved };
  }

  /** The version `alias` points at, or undefined. */
  async holderOf(name: string, group: string, summaries: PackageSummary[], alias: string, what: string): Promise<number | undefined> {
    if (alias === PRODUCTION) return highestApproved(summaries);
    const key = aliasKey(alias);
    const holding = await mapLimit(summaries, CONCURRENCY, async (summary) => ((await this.groups.metadata(summary, group, what))[key] === 'true' ? summary.version : undefined));
    return this.current(name, alias, holding.filter((version): version is number => version !== undefined));
  }

  /** Every alias's current version, from every version's metadata. */
  async holders(name: string, versions: Array<{ version: number; metadata: Record<string, string> }>): Promise<Map<string, number>> {
    const byAlias = new Map<string, number[]>();
    for (const { version, metadata } of versions) {
      for (const alias of metadataAliases(metadata)) if (alias !== PRODUCTION) byAlias.set(alias, [...(byAlias.get(alias) ?? []), version]);
    }
    const result = new Map<string, number>();
    for (const [alias, holding] of byAlias) {
      const version = await this.current(name, alias, holding);
      if (version !== undefined) result.set(alias, version);
    }
    return result;
  }

  /** The aliases of one version as they are now. */
  async aliasesNow(group: string, version: number, what: string): Promise<string[]> {
    const summaries = await this.groups.summaries(group, what);
    const summary = summaries.find((entry) => entry.version === version);
    if (summary === undefined) return [];
    return aliasesOf(version, summaries, await this.groups.metadata(summary, group, what));
  }

  /** Whether the audit trail records the registration's move of `alias` to `version`. */
  async registeredAlias(name: string, alias: string, version: number): Promise<boolean> {
    return (await this.events(name)).some((event) => event.alias === alias && event.version === version && event.reason === 'register');
  }

  /** The audit trail, oldest first (object names start with the time, then a sequence number). */
  async events(name: string): Promise<AliasEvent[]> {
    const artifacts = this.groups.requireArtifacts(`reading the alias history of ${name}`);
    const keys = await this.artifacts.list(artifacts.bucket, `${joinKey(artifacts.prefix, name, 'audit')}/`);
    const texts = await mapLimit(keys, CONCURRENCY, (key) => this.artifacts.getText(this.artifacts.uri(artifacts.bucket, key)));
    const events: AliasEvent[] = [];
    for (const [index, text] of texts.entries()) {
      if (text === undefined) continue;
      const uri = this.artifacts.uri(artifacts.bucket, keys[index] as string);
      let value: AliasEvent;
      try {
        value = JSON.parse(text) as AliasEvent;
      } catch (error) {
        throw new ServiceError(`${this.registry}: the audit event ${uri} is not JSON (${(error as Error).message}); restore it from the bucket's object versions.`);
      }
      if (typeof value.alias !== 'string' || typeof value.version !== 'number' || typeof value.at !== 'string' || typeof value.reason !== 'string') {
        throw new ServiceError(`${this.registry}: ${uri} is not an alias event; restore it from the bucket's object versions.`);
      }
      events.push(value);
    }
    return events;
  }

  /** The refusal of a version or alias the model does not have, naming the versions and aliases it has. */
  async unknown(name: string, group: string, summaries: PackageSummary[], selector: VersionSelector, what: string): Promise<NotInRegistryError> {
    const versions = summaries.map((entry) => entry.version);
    const have = versions.length === 0 ? 'no versions yet' : versions.length <= 10 ? `versions ${versions.join(', ')}` : `versions ${versions[0]} to ${versions.at(-1)} (${versions.length})`;
    const loaded = await mapLimit(summaries, CONCURRENCY, async (summary) => ({ version: summary.version, metadata: await this.groups.metadata(summary, group, what) }));
    const aliases = [...(await this.holders(name, loaded))];
    const approved = highestApproved(summaries);
    if (approved !== undefined) aliases.push([PRODUCTION, approved]);
    const listed = aliases.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([alias, version]) => `${alias} → ${version}`);
    return new NotInRegistryError(`${this.registry}: ${name} has no ${describeSelector(selector)}; it has ${have}${listed.length === 0 ? ' and no aliases' : `; aliases ${listed.join(', ')}`}.`);
  }

  /** Of the versions holding an alias, the current one: the only one, else the one the latest audit event names, else the highest. */
  private async current(name: string, alias: string, holding: number[]): Promise<number | undefined> {
    if (holding.length <= 1) return holding[0];
    if (this.groups.location.artifacts !== undefined) {
      const latest = (await this.events(name)).filter((event) => event.alias === alias).at(-1);
      if (latest !== undefined && holding.includes(latest.version)) return latest.version;
    }
    return Math.max(...holding);
  }

  private async writeEvent(name: string, event: AliasEvent, now: Date): Promise<void> {
    const artifacts = this.groups.requireArtifacts(`moving the alias ${event.alias} of ${name}`);
    const folder = joinKey(artifacts.prefix, name, 'audit');
    const sequence = (await this.artifacts.list(artifacts.bucket, `${folder}/`)).length + 1;
    const stamp = now.toISOString().replace(/[-:]/g, '');
    await this.artifacts.putText(artifacts.bucket, `${folder}/${stamp}-${String(sequence).padStart(8, '0')}-${this.random()}.json`, `${JSON.stringify(event, null, 2)}\n`);
  }
}

/** A version's aliases: production when it is the highest Approved version, and its metadata aliases. */
export function aliasesOf(version: number, summaries: PackageSummary[], metadata: Record<string, string>): string[] {
  const aliases = metadataAliases(metadata).filter((alias) => alias !== PRODUCTION);
  if (highestApproved(summaries) === version) aliases.push(PRODUCTION);
  return aliases.sort();
}
