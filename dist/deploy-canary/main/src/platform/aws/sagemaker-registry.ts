/**
 * The `sagemaker://` registry: a `ModelRegistry` on SageMaker Model Registry, with the files in S3.
 *
 * Mapping. A model is a model package group (the URI's group, or the model's name with plain
 * `sagemaker://`); one group holds one model, so a name other than the group's is refused. A version
 * is a model package of the group, and its number is SageMaker's ModelPackageVersion (1, 2, 3…,
 * handed out by SageMaker, never reused). The files live under the URI's `artifacts=s3://bucket/prefix`:
 *
 *   <prefix>/<name>/<registration key>/model/<path>       the model's files (uploaded before the package exists)
 *   <prefix>/<name>/<registration key>/profile.json       the data profile
 *   <prefix>/<name>/<registration key>/metrics.json       the ModelMetrics statistics report
 *   <prefix>/<name>/<registration key>/registration.json  the staged registration: the record without its version
 *   <prefix>/<name>/versions/<version>/record.json        the model record, written once the version is known
 *   <prefix>/<name>/versions/<version>/model-card.md      the model card
 *   <prefix>/<name>/audit/<time>-<sequence>-<random>.json one alias move each (append-only)
 *
 * The parts, each with its own notes: the SageMaker calls and the group of a model
 * (sagemaker-groups.ts), registration and how an interrupted one is finished
 * (sagemaker-registration.ts), aliases, production as SageMaker approval, and the audit trail
 * (sagemaker-aliases.ts), reading records (sagemaker-records.ts), the S3 objects
 * (sagemaker-registry-artifacts.ts) and the names and metadata SageMaker accepts
 * (sagemaker-registry-mapping.ts).
 *
 * Complexity (n versions): registering lists the group (n/100 requests) plus a constant number of
 * calls, and n DescribeModelPackage calls when the alias to move is not production; resolving a
 * version is one listing, one describe and one S3 read; resolving or moving an alias other than
 * production describes every version (8 at a time), as do list() (which also reads every record) and
 * parent lookups. history() reads one object per alias move.
 *
 * IAM: sagemaker:DescribeModelPackageGroup, CreateModelPackageGroup, ListModelPackageGroups,
 * CreateModelPackage, DescribeModelPackage, ListModelPackages and UpdateModelPackage on the group and
 * its packages; s3:PutObject, s3:GetObject and s3:ListBucket on the artifacts bucket and prefix
 * (s3:AbortMultipartUpload too for model files over 256 MiB).
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../../core/logger.js';
import { mapLimit } from '../../core/map-limit.js';
import { checkAlias, checkModelName } from '../../core/registry/names.js';
import type {
  Actor,
  AliasEvent,
  ModelRecord,
  ModelRegistry,
  RegistrationRequest,
  RegistrationResult,
  VersionSelector,
  VersionSummary,
} from '../../core/registry/types.js';
import { describeLocation } from '../../core/registry/uri.js';
import { checkBytes, downloadVerified, fileOf } from '../../core/registry/verified-files.js';
import { s3Client } from './clients.js';
import { Aliases, CONCURRENCY, aliasesOf } from './sagemaker-aliases.js';
import { sagemakerClient } from './sagemaker-client.js';
import { ModelGroups, type SageMakerLocation, highestApproved } from './sagemaker-groups.js';
import { RecordReader } from './sagemaker-records.js';
import { ArtifactStore } from './sagemaker-registry-artifacts.js';
import { Registrar } from './sagemaker-registration.js';
import { META, PRODUCTION } from './sagemaker-registry-mapping.js';

export type { SageMakerLocation } from './sagemaker-groups.js';

export interface SageMakerRegistryOptions {
  /** A ready SageMaker client (tests, or a caller with its own configuration); else one from sagemaker-client.ts. */
  sagemaker?: SageMakerClient;
  /** A ready S3 client for the artifacts; else one from clients.ts. */
  s3?: S3Client;
  /** The SageMaker endpoint for the client built here (a test server); the environment's otherwise. */
  endpoint?: string;
  /** The region when the URI has no `region=`; the environment's otherwise. */
  region?: string;
  /** The random part of audit object names (injected for tests). */
  random?: () => string;
  logger?: Logger;
}

export function createSageMakerRegistry(location: SageMakerLocation, options: SageMakerRegistryOptions = {}): SageMakerRegistry {
  return new SageMakerRegistry(location, options);
}

export class SageMakerRegistry implements ModelRegistry {
  readonly description: string;
  private readonly groups: ModelGroups;
  private readonly artifacts: ArtifactStore;
  private readonly aliases: Aliases;
  private readonly records: RecordReader;
  private readonly registrar: Registrar;

  constructor(location: SageMakerLocation, options: SageMakerRegistryOptions = {}) {
    this.description = describeLocation(location);
    const region = location.region ?? options.region;
    let sagemaker = options.sagemaker;
    let s3 = options.s3;
    this.groups = new ModelGroups(location, this.description, () =>
      (sagemaker ??= sagemakerClient({ ...(region === undefined ? {} : { region }), ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) })),
    );
    this.artifacts = new ArtifactStore(() => (s3 ??= s3Client(region === undefined ? {} : { region })), this.description);
    this.aliases = new Aliases(this.groups, this.artifacts, this.description, options.random);
    this.records = new RecordReader(this.artifacts, this.description);
    this.registrar = new Registrar({
      groups: this.groups,
      artifacts: this.artifacts,
      aliases: this.aliases,
      records: this.records,
      registry: this.description,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  }

  async register(request: RegistrationRequest): Promise<RegistrationResult> {
    return this.registrar.register(request);
  }

  async setAlias(name: string, alias: string, version: number, actor: Actor, reason: string, now: Date): Promise<{ previous?: number }> {
    checkModelName(name, 'name');
    checkAlias(alias, 'alias');
    const group = this.groups.groupFor(name, 'read');
    this.groups.requireArtifacts(`moving the alias ${alias} of ${name}`);
    const { previous } = await this.aliases.move(name, group, alias, version, actor, reason, now, false);
    return previous === undefined ? {} : { previous };
  }

  async resolve(name: string, selector: VersionSelector): Promise<ModelRecord> {
    checkModelName(name, 'name');
    const group = this.groups.groupFor(name, 'read');
    const what = `cannot resolve ${name}@${'version' in selector ? selector.version : selector.alias}`;
    const summaries = await this.groups.versionsOf(name, group, what);
    let version: number | undefined;
    if ('version' in selector) version = selector.version;
    else version = await this.aliases.holderOf(name, group, summaries, checkAlias(selector.alias, 'alias'), what);
    const summary = summaries.find((entry) => entry.version === version);
    if (summary === undefined) throw await this.aliases.unknown(name, group, summaries, selector, what);
    const metadata = await this.groups.metadata(summary, group, what);
    const record = await this.records.recordOf(name, summary, metadata);
    return { ...record, aliases: aliasesOf(summary.version, summaries, metadata) };
  }

  async list(name: string): Promise<VersionSummary[]> {
    checkModelName(name, 'name');
    const group = this.groups.groupFor(name, 'read');
    const what = `cannot list the versions of ${name}`;
    const summaries = await this.groups.versionsOf(name, group, what);
    const loaded = await mapLimit(summaries, CONCURRENCY, async (summary) => {
      const metadata = await this.groups.metadata(summary, group, what);
      const record = metadata[META.registrationKey] === undefined ? undefined : await this.records.recordOf(name, summary, metadata);
      return { summary, metadata, record };
    });
    const holders = await this.aliases.holders(name, loaded.map(({ summary, metadata }) => ({ version: summary.version, metadata })));
    const approved = highestApproved(summaries);
    return loaded.map(({ summary, record }) => {
      const aliases = [...(summary.version === approved ? [PRODUCTION] : []), ...[...holders].filter(([, version]) => version === summary.version).map(([alias]) => alias)].sort();
      return {
        version: summary.version,
        createdAt: record?.createdAt ?? summary.created.toISOString(),
        aliases,
        ...(record?.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }),
        ...(record?.lineage.runUrl === undefined ? {} : { runUrl: record.lineage.runUrl }),
        metrics: record?.metrics ?? {},
      };
    });
  }

  async history(name: string): Promise<AliasEvent[]> {
    checkModelName(name, 'name');
    const group = this.groups.groupFor(name, 'read');
    this.groups.requireArtifacts(`reading the alias history of ${name}`);
    if (!(await this.groups.groupExists(group, `cannot read the alias history of ${name}`))) throw await this.groups.unknownModel(name);
    return this.aliases.events(name);
  }

  async models(): Promise<string[]> {
    return this.groups.models();
  }

  async readFile(record: ModelRecord, path: string): Promise<Uint8Array> {
    const file = fileOf(record, path);
    return checkBytes(await this.artifacts.readFile(file), file, record.uri, file.location);
  }

  async download(record: ModelRecord, directory: string): Promise<string[]> {
    return downloadVerified(
      record,
      directory,
      (file, destination) => this.artifacts.downloadFile(file, destination),
      (file) => file.location,
    );
  }
}
