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
 * Registration. The version is only known once CreateModelPackage answers, but the record holds it,
 * so a registration takes these steps, each safe to repeat:
 * 1. DescribeModelPackageGroup, and CreateModelPackageGroup when SageMaker says it does not exist;
 * 2. ListModelPackages: a package whose description carries this registration key (run id + content
 *    hash) is this registration made before, and is returned (see "Interruptions");
 * 3. upload the model files, profile and metrics report, then the staged registration, under the key;
 * 4. CreateModelPackage (PendingManualApproval) with a ClientToken made of the group and the key, so
 *    a retried request returns the same package; the description carries the key and
 *    CustomerMetadataProperties the key figures (name, key, commit, run, time, gate, up to 10 metrics)
 *    and `cd4ml.staged`, the staged registration's URI; ModelMetrics.ModelQuality.Statistics points at
 *    the metrics report; with `image=` in the URI an InferenceSpecification names the image and the
 *    model files (ModelDataUrl for a single .tar.gz, else the uncompressed `model/` prefix as
 *    ModelDataSource), without it the package has none (SageMaker's InferenceSpecification is
 *    optional for versioned packages, and SourceUri is meant for a model's or package's ARN, so none
 *    is set: the files are found through the metadata);
 * 5. write record.json and model-card.md under `versions/<version>/`, then UpdateModelPackage adds
 *    `cd4ml.record` and `cd4ml.card`, which mark the version complete;
 * 6. move the requested alias, if any.
 *
 * Interruptions. A run stopped before step 4 leaves only S3 objects nobody points at; the re-run
 * uploads them again and goes on. A run stopped after step 4 leaves a package without `cd4ml.record`:
 * it still resolves (its record is the staged registration with SageMaker's version filled in, read
 * without writing anything), and the re-run, finding it in step 2, writes its record and card, moves
 * its alias and reports it as created. A complete package is returned as it is (created: false); if
 * its alias move was interrupted (no `register` event for it in the audit trail), the re-run makes it.
 *
 * Aliases. `production` is SageMaker's own approval: it resolves to the highest version whose
 * ModelApprovalStatus is Approved (what SageMaker deployments and Studio treat as approved). Moving
 * production to version V approves V, then rejects every higher Approved version, with an
 * ApprovalDescription saying to which version, by whom, from which run and why; lower Approved
 * versions stay Approved. Other aliases are CustomerMetadataProperties `cd4ml.alias.<alias>=true`:
 * a move adds the key to the new holder, records the event, then removes it from the old holder. If a
 * move is interrupted between those steps, the alias is on two versions; it resolves to the one the
 * latest audit event names (the old one until the event is written), and the next move of the alias
 * clears the other. Every move is one JSON object (an `AliasEvent`) in `audit/`, which history()
 * lists in time order; for production the event is written after the approvals changed.
 *
 * Complexity (n versions): registering lists the group (n/100 requests) plus a constant number of
 * calls, and n DescribeModelPackage calls when the alias to move is not production; resolving a
 * version is one listing, one describe and one S3 read; resolving or moving an alias other than
 * production describes every version (8 at a time), as do list() (which also reads every record) and
 * parent lookups. history() reads one object per alias move.
 *
 * IAM: sagemaker:DescribeModelPackageGroup, CreateModelPackageGroup, ListModelPackageGroups,
 * CreateModelPackage, DescribeModelPackage, ListModelPackages and UpdateModelPackage on the group and
 * its packages; s3:PutObject, s3:GetObject and s3:ListBucket on the artifacts bucket and prefix.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import {
  CreateModelPackageCommand,
  type CreateModelPackageCommandInput,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  type DescribeModelPackageCommandOutput,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  type ModelPackageContainerDefinition,
  type SageMakerClient,
  UpdateModelPackageCommand,
  type UpdateModelPackageCommandInput,
} from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import { InputError, ServiceError } from '../../core/errors.js';
import { sha256File } from '../../core/files/sha256.js';
import type { Logger } from '../../core/logger.js';
import type { ProfileDocument } from '../../core/profile/profile.js';
import { CARD_FILE, PROFILE_FILE, RECORD_FILE } from '../../core/registry/indexed-registry.js';
import { renderModelCard } from '../../core/registry/model-card.js';
import { NotInRegistryError } from '../../core/registry/not-found.js';
import { checkAlias, checkModelName, describeSelector, formatReference } from '../../core/registry/names.js';
import { buildRecord, registrationKey, storedRecordText } from '../../core/registry/registration.js';
import {
  RECORD_FORMAT,
  type Actor,
  type AliasEvent,
  type ModelRecord,
  type ModelRegistry,
  type RegistrationRequest,
  type RegistrationResult,
  type StoredFile,
  type VersionSelector,
  type VersionSummary,
} from '../../core/registry/types.js';
import { describeLocation, type RegistryLocation } from '../../core/registry/uri.js';
import { s3Client } from './clients.js';
import { isAlreadyExists, isMissingResource, sagemakerClient, sagemakerError } from './sagemaker-client.js';
import { ArtifactStore } from './sagemaker-registry-artifacts.js';
import {
  APPROVED,
  MAX_METADATA,
  META,
  PENDING,
  PRODUCTION,
  REJECTED,
  aliasKey,
  approvalText,
  clientToken,
  isGroupName,
  joinKey,
  mapLimit,
  metadataAliases,
  metricsReport,
  packageDescription,
  packageMetadata,
  registrationKeyIn,
} from './sagemaker-registry-mapping.js';

export type SageMakerLocation = Extract<RegistryLocation, { kind: 'sagemaker' }>;

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

/** One package of the group, as ListModelPackages summarises it. */
interface PackageSummary {
  arn: string;
  version: number;
  description?: string;
  approval: string;
  created: Date;
}

interface StagedRegistration {
  format: typeof STAGED_FORMAT;
  formatVersion: 1;
  /** The record as it will be, with version 0 until SageMaker assigns the number. */
  record: ModelRecord;
  cardTemplate?: string;
}

const STAGED_FORMAT = 'cd4ml-sagemaker-registration';
/** SageMaker calls (describes) and S3 reads at once. */
const CONCURRENCY = 8;
/** Model files uploaded at once. */
const UPLOADS = 4;

export function createSageMakerRegistry(location: SageMakerLocation, options: SageMakerRegistryOptions = {}): SageMakerRegistry {
  return new SageMakerRegistry(location, options);
}

export class SageMakerRegistry implements ModelRegistry {
  readonly description: string;
  private readonly artifacts: ArtifactStore;
  private sagemakerInstance: SageMakerClient | undefined;
  private s3Instance: S3Client | undefined;

  constructor(
    private readonly location: SageMakerLocation,
    private readonly options: SageMakerRegistryOptions = {},
  ) {
    this.description = describeLocation(location);
    this.sagemakerInstance = options.sagemaker;
    this.s3Instance = options.s3;
    this.artifacts = new ArtifactStore(() => this.s3(), this.description);
  }

  async register(request: RegistrationRequest): Promise<RegistrationResult> {
    const name = checkModelName(request.name, 'name');
    if (request.alias !== undefined) checkAlias(request.alias, 'alias');
    if (request.files.length === 0) throw new InputError(`Registering ${name}: no model files were given; name the model file, directory or glob.`);
    const group = this.groupFor(name, 'register');
    const artifacts = this.requireArtifacts(`registering ${name}`);
    const what = `cannot register ${name}`;
    const key = registrationKey(request);

    await this.ensureGroup(name, group, what);
    const before = await this.summaries(group, what);
    const earlier = before.find((summary) => registrationKeyIn(summary.description) === key);
    if (earlier !== undefined) return this.resume(request, name, group, earlier, what);

    // 3. Stage everything under the registration key.
    const staged = joinKey(artifacts.prefix, name, key);
    const files: StoredFile[] = await mapLimit(request.files, UPLOADS, (file) =>
      this.artifacts.putFile(artifacts.bucket, `${staged}/model/${file.path}`, `model/${file.path}`, file),
    );
    let profileSha256: string | undefined;
    if (request.profile !== undefined) {
      const profile = await this.artifacts.putText(artifacts.bucket, `${staged}/${PROFILE_FILE}`, request.profile.text);
      files.push({ path: PROFILE_FILE, ...profile });
      profileSha256 = profile.sha256;
    }
    // The version the moved alias pointed at, else the latest one (as the indexed registries do).
    const parent = (request.alias === undefined ? undefined : await this.holderOf(name, group, before, request.alias, what)) ?? before.at(-1)?.version;
    const draft = buildRecord(request, {
      version: 0,
      registrationKey: key,
      files,
      ...(profileSha256 === undefined ? {} : { profileSha256 }),
      ...(parent === undefined ? {} : { parentVersion: parent }),
    });
    const report = await this.artifacts.putText(artifacts.bucket, `${staged}/metrics.json`, metricsReport(draft.metrics, draft.gate));
    const stagedDocument: StagedRegistration = {
      format: STAGED_FORMAT,
      formatVersion: 1,
      record: draft,
      ...(request.cardTemplate === undefined ? {} : { cardTemplate: request.cardTemplate }),
    };
    const registration = await this.artifacts.putText(artifacts.bucket, `${staged}/registration.json`, stagedText(stagedDocument));

    // 4. The package.
    const input: CreateModelPackageCommandInput = {
      ModelPackageGroupName: group,
      ModelPackageDescription: packageDescription(name, key, draft),
      ModelApprovalStatus: PENDING,
      ClientToken: clientToken(group, key),
      CustomerMetadataProperties: packageMetadata(draft, registration.location),
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: report.location } } },
      ...(this.location.image === undefined ? {} : { InferenceSpecification: this.inferenceSpecification(this.location.image, files, artifacts.bucket, staged) }),
    };
    const created = await this.call('CreateModelPackage', what, group, (client) => client.send(new CreateModelPackageCommand(input)));
    const arn = created.ModelPackageArn;
    if (arn === undefined) throw new ServiceError(`${this.description}: ${what} (CreateModelPackage answered no ModelPackageArn); check the SageMaker endpoint.`);
    const described = await this.describe(arn, group, what);
    const version = described.ModelPackageVersion;
    if (version === undefined) throw new ServiceError(`${this.description}: ${what} (${arn} has no ModelPackageVersion); check the SageMaker endpoint.`);
    if (described.ModelPackageGroupName !== group || described.CustomerMetadataProperties?.[META.registrationKey] !== key) {
      throw new ServiceError(
        `${this.description}: ${what}: CreateModelPackage answered with ${arn}, which is not this registration's package (its ClientToken was used before for another request); run again.`,
      );
    }
    const summary: PackageSummary = { arn, version, approval: described.ModelApprovalStatus ?? PENDING, created: described.CreationTime ?? new Date(0) };
    // The ClientToken gave back a package made before (by a concurrent run with the same key).
    if (before.some((entry) => entry.arn === arn)) return this.resume(request, name, group, summary, what);

    // 5. The record and card, now that the version is known.
    const { record, card } = await this.complete(name, group, arn, draft, version, request.cardTemplate, request.profile?.document, what);

    // 6. The alias.
    let previousVersion: number | undefined;
    if (request.alias !== undefined) {
      previousVersion = (await this.move(name, group, request.alias, version, actorOf(request), 'register', request.now, false)).previous;
    }
    record.aliases = request.alias === undefined ? [] : [request.alias];
    return { record, card, created: true, ...(previousVersion === undefined ? {} : { previousVersion }) };
  }

  async setAlias(name: string, alias: string, version: number, actor: Actor, reason: string, now: Date): Promise<{ previous?: number }> {
    checkModelName(name, 'name');
    checkAlias(alias, 'alias');
    const group = this.groupFor(name, 'read');
    this.requireArtifacts(`moving the alias ${alias} of ${name}`);
    const { previous } = await this.move(name, group, alias, version, actor, reason, now, false);
    return previous === undefined ? {} : { previous };
  }

  async resolve(name: string, selector: VersionSelector): Promise<ModelRecord> {
    checkModelName(name, 'name');
    const group = this.groupFor(name, 'read');
    const what = `cannot resolve ${name}@${'version' in selector ? selector.version : selector.alias}`;
    const summaries = await this.versionsOf(name, group, what);
    let version: number | undefined;
    if ('version' in selector) version = selector.version;
    else version = await this.holderOf(name, group, summaries, checkAlias(selector.alias, 'alias'), what);
    const summary = summaries.find((entry) => entry.version === version);
    if (summary === undefined) throw await this.unknown(name, group, summaries, selector, what);
    const described = await this.describe(summary.arn, group, what);
    const metadata = described.CustomerMetadataProperties ?? {};
    const { record } = await this.recordOf(name, summary, metadata);
    return { ...record, aliases: aliasesOf(summary.version, summaries, metadata) };
  }

  async list(name: string): Promise<VersionSummary[]> {
    checkModelName(name, 'name');
    const group = this.groupFor(name, 'read');
    const what = `cannot list the versions of ${name}`;
    const summaries = await this.versionsOf(name, group, what);
    const loaded = await mapLimit(summaries, CONCURRENCY, async (summary) => {
      const metadata = (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {};
      const record = metadata[META.registrationKey] === undefined ? undefined : (await this.recordOf(name, summary, metadata)).record;
      return { summary, metadata, record };
    });
    const holders = await this.holders(name, loaded.map(({ summary, metadata }) => ({ version: summary.version, metadata })));
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
    const group = this.groupFor(name, 'read');
    this.requireArtifacts(`reading the alias history of ${name}`);
    if (!(await this.groupExists(group, `cannot read the alias history of ${name}`))) throw await this.unknownModel(name);
    return this.events(name);
  }

  async models(): Promise<string[]> {
    const what = 'cannot list the models';
    if (this.location.group !== undefined) return (await this.groupExists(this.location.group, what)) ? [this.location.group] : [];
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListModelPackageGroups', what, undefined, (client) =>
        client.send(new ListModelPackageGroupsCommand({ SortBy: 'Name', SortOrder: 'Ascending', MaxResults: 100, ...(token === undefined ? {} : { NextToken: token }) })),
      );
      for (const summary of page.ModelPackageGroupSummaryList ?? []) if (summary.ModelPackageGroupName !== undefined) names.push(summary.ModelPackageGroupName);
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async readFile(record: ModelRecord, path: string): Promise<Uint8Array> {
    const file = record.files.find((candidate) => candidate.path === path);
    if (file === undefined) {
      throw new InputError(`${record.uri} has no file ${path}; it has ${record.files.map((candidate) => candidate.path).join(', ')}.`);
    }
    const bytes = await this.artifacts.readFile(file);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== file.sha256) {
      throw new ServiceError(`${record.uri}: ${file.path} has sha256 ${actual}, but the registry recorded ${file.sha256}; the stored file (${file.location}) was changed or damaged.`);
    }
    return bytes;
  }

  async download(record: ModelRecord, directory: string): Promise<string[]> {
    const root = resolve(directory);
    const written: string[] = [];
    for (const file of record.files) {
      const destination = resolve(root, file.path);
      if (destination !== root && !destination.startsWith(root + sep)) {
        throw new ServiceError(`${record.uri}: the file path ${file.path} leaves the download directory; the registry was tampered with.`);
      }
      await mkdir(dirname(destination), { recursive: true });
      const partial = `${destination}.partial`;
      await this.artifacts.downloadFile(file, partial);
      const actual = await sha256File(partial);
      if (actual !== file.sha256) {
        await rm(partial, { force: true });
        throw new ServiceError(`${record.uri}: ${file.path} has sha256 ${actual}, but the registry recorded ${file.sha256}; the stored file (${file.location}) was changed or damaged. Nothing was written.`);
      }
      await rename(partial, destination);
      written.push(relative(root, destination));
    }
    return written;
  }

  // ---- registration

  /** A registration made before: returned as it is when complete, finished when it was interrupted. */
  private async resume(request: RegistrationRequest, name: string, group: string, summary: PackageSummary, what: string): Promise<RegistrationResult> {
    const described = await this.describe(summary.arn, group, what);
    const metadata = described.CustomerMetadataProperties ?? {};
    const key = registrationKey(request);
    if (metadata[META.registrationKey] !== key) {
      throw new ServiceError(
        `${this.description}: ${what}: ${summary.arn}'s description names this registration (${key}) but its ${META.registrationKey} metadata does not; the package was edited by hand. Fix its metadata, or register from another run.`,
      );
    }
    const stored = await this.storedRecord(metadata);
    if (stored !== undefined) {
      this.options.logger?.info(`${name} v${summary.version} was already registered by this run with the same content; nothing new was made.`);
      let previousVersion: number | undefined;
      if (request.alias !== undefined && !(await this.registeredAlias(name, request.alias, summary.version))) {
        // The first run stopped between its record and its alias move: make the move now.
        previousVersion = (await this.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
      }
      const aliases = await this.aliasesNow(group, summary.version, what);
      return { record: { ...stored.record, aliases }, card: stored.card, created: false, ...(previousVersion === undefined ? {} : { previousVersion }) };
    }
    this.options.logger?.info(`${name} v${summary.version} was created by an earlier attempt of this registration that stopped before its record was written; finishing it.`);
    const staged = await this.staged(name, summary, metadata);
    const profile = await this.stagedProfile(staged.record);
    const { record, card } = await this.complete(name, group, summary.arn, staged.record, summary.version, staged.cardTemplate, profile, what);
    let previousVersion: number | undefined;
    if (request.alias !== undefined) {
      previousVersion = (await this.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
    }
    record.aliases = await this.aliasesNow(group, summary.version, what);
    return { record, card, created: true, ...(previousVersion === undefined || previousVersion === summary.version ? {} : { previousVersion }) };
  }

  /** Step 5: the record and card of `version` under `versions/<version>/`, then the metadata pointing at them. */
  private async complete(
    name: string,
    group: string,
    arn: string,
    draft: ModelRecord,
    version: number,
    cardTemplate: string | undefined,
    profile: ProfileDocument | undefined,
    what: string,
  ): Promise<{ record: ModelRecord; card: string }> {
    const artifacts = this.requireArtifacts(`registering ${name}`);
    const record: ModelRecord = { ...draft, version, uri: formatReference(name, version), aliases: [] };
    const card = renderModelCard(record, {
      registry: this.description,
      ...(profile === undefined ? {} : { profile }),
      ...(cardTemplate === undefined ? {} : { template: { text: cardTemplate, origin: 'model-card-template' } }),
    });
    const folder = joinKey(artifacts.prefix, name, 'versions', String(version));
    const recordObject = await this.artifacts.putText(artifacts.bucket, `${folder}/${RECORD_FILE}`, storedRecordText(record));
    const cardObject = await this.artifacts.putText(artifacts.bucket, `${folder}/${CARD_FILE}`, card);
    await this.update(
      { ModelPackageArn: arn, CustomerMetadataProperties: { [META.record]: recordObject.location, [META.card]: cardObject.location } },
      group,
      what,
    );
    return { record, card };
  }

  /** The record and card of a complete version; undefined when the version is not complete. */
  private async storedRecord(metadata: Record<string, string>): Promise<{ record: ModelRecord; card: string } | undefined> {
    const recordUri = metadata[META.record];
    const cardUri = metadata[META.card];
    if (recordUri === undefined || cardUri === undefined) return undefined;
    const [recordText, card] = await Promise.all([this.artifacts.getText(recordUri), this.artifacts.getText(cardUri)]);
    if (recordText === undefined || card === undefined) return undefined;
    return { record: parseRecord(recordText, recordUri), card };
  }

  /** The record of a version: the stored one, else (an interrupted registration) the staged one with its number. */
  private async recordOf(name: string, summary: PackageSummary, metadata: Record<string, string>): Promise<{ record: ModelRecord }> {
    const recordUri = metadata[META.record];
    if (recordUri !== undefined) {
      const text = await this.artifacts.getText(recordUri);
      if (text !== undefined) return { record: parseRecord(text, recordUri) };
    }
    const staged = await this.staged(name, summary, metadata);
    return { record: { ...staged.record, version: summary.version, uri: formatReference(name, summary.version), aliases: [] } };
  }

  private async staged(name: string, summary: PackageSummary, metadata: Record<string, string>): Promise<StagedRegistration> {
    const uri = metadata[META.staged];
    if (metadata[META.registrationKey] === undefined || uri === undefined) {
      throw new InputError(
        `${this.description}: ${name} v${summary.version} (${summary.arn}) was not registered by cd4ml-actions (it has no ${META.registrationKey} metadata), so it has no model record; register the model with register-model, or resolve a version it registered.`,
      );
    }
    const text = await this.artifacts.getText(uri);
    if (text === undefined) {
      throw new ServiceError(
        `${this.description}: ${name} v${summary.version} has neither its record nor its staged registration ${uri} in S3; the artifacts were deleted or moved. Restore them from the bucket's object versions or a backup.`,
      );
    }
    let value: StagedRegistration;
    try {
      value = JSON.parse(text) as StagedRegistration;
    } catch (error) {
      throw new ServiceError(`${this.description}: the staged registration ${uri} is not JSON (${(error as Error).message}); restore it from the bucket's object versions.`);
    }
    if (value.format !== STAGED_FORMAT || typeof value.record !== 'object' || value.record === null || value.record.format !== RECORD_FORMAT) {
      throw new ServiceError(`${this.description}: ${uri} is not a staged cd4ml registration; restore it from the bucket's object versions.`);
    }
    return value;
  }

  private async stagedProfile(record: ModelRecord): Promise<ProfileDocument | undefined> {
    const file = record.files.find((candidate) => candidate.path === PROFILE_FILE);
    if (file === undefined) return undefined;
    const text = await this.artifacts.getText(file.location);
    return text === undefined ? undefined : (JSON.parse(text) as ProfileDocument);
  }

  private inferenceSpecification(image: string, files: StoredFile[], bucket: string, staged: string): NonNullable<CreateModelPackageCommandInput['InferenceSpecification']> {
    const model = files.filter((file) => file.path.startsWith('model/'));
    const single = model.length === 1 && model[0] !== undefined && model[0].path.endsWith('.tar.gz') ? model[0] : undefined;
    const container: ModelPackageContainerDefinition =
      single !== undefined
        ? { Image: image, ModelDataUrl: single.location }
        : { Image: image, ModelDataSource: { S3DataSource: { S3Uri: `s3://${bucket}/${staged}/model/`, S3DataType: 'S3Prefix', CompressionType: 'None' } } };
    return { Containers: [container], SupportedContentTypes: ['application/json'], SupportedResponseMIMETypes: ['application/json'] };
  }

  // ---- aliases

  /**
   * Moves `alias` to `version`; returns the version it pointed at before. `always` records the event
   * even when the alias already pointed there (a re-run finishing an interrupted registration).
   */
  private async move(name: string, group: string, alias: string, version: number, actor: Actor, reason: string, now: Date, always: boolean): Promise<{ previous?: number }> {
    const what = `cannot move the alias ${alias} of ${name} to version ${version}`;
    const summaries = await this.versionsOf(name, group, what);
    const target = summaries.find((entry) => entry.version === version);
    if (target === undefined) throw await this.unknown(name, group, summaries, { version }, what);

    if (alias === PRODUCTION) {
      const approved = summaries.filter((entry) => entry.approval === APPROVED);
      const previous = highestApproved(summaries);
      if (previous === version && !always) return { previous };
      if (target.approval !== APPROVED) {
        await this.update({ ModelPackageArn: target.arn, ModelApprovalStatus: APPROVED, ApprovalDescription: approvalText('approve', alias, version, actor, reason) }, group, what);
      }
      for (const higher of approved.filter((entry) => entry.version > version)) {
        await this.update({ ModelPackageArn: higher.arn, ModelApprovalStatus: REJECTED, ApprovalDescription: approvalText('reject', alias, version, actor, reason) }, group, what);
      }
      const moved = previous === version ? undefined : previous;
      await this.writeEvent(name, { alias, version, ...(moved === undefined ? {} : { previous: moved }), at: now.toISOString(), ...actorFields(actor), reason }, now);
      return moved === undefined ? {} : { previous: moved };
    }

    const key = aliasKey(alias);
    const described = await mapLimit(summaries, CONCURRENCY, async (summary) => ({ summary, metadata: (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {} }));
    const holding = described.filter(({ metadata }) => metadata[key] === 'true');
    const previous = await this.current(name, alias, holding.map(({ summary }) => summary.version));
    const others = holding.filter(({ summary }) => summary.version !== version);
    if (previous === version && others.length === 0 && !always) return { previous };
    const targetMetadata = described.find(({ summary }) => summary.version === version)?.metadata ?? {};
    if (targetMetadata[key] !== 'true') {
      if (Object.keys(targetMetadata).length >= MAX_METADATA) {
        throw new InputError(
          `${this.description}: ${name} v${version} already has ${MAX_METADATA} metadata properties, SageMaker's limit, so the alias ${alias} cannot be added to it; move some of its other aliases away first.`,
        );
      }
      await this.update({ ModelPackageArn: target.arn, CustomerMetadataProperties: { [key]: 'true' } }, group, what);
    }
    const moved = previous === version ? undefined : previous;
    await this.writeEvent(name, { alias, version, ...(moved === undefined ? {} : { previous: moved }), at: now.toISOString(), ...actorFields(actor), reason }, now);
    for (const { summary } of others) await this.update({ ModelPackageArn: summary.arn, CustomerMetadataPropertiesToRemove: [key] }, group, what);
    return moved === undefined ? {} : { previous: moved };
  }

  /** The version `alias` points at, or undefined. */
  private async holderOf(name: string, group: string, summaries: PackageSummary[], alias: string, what: string): Promise<number | undefined> {
    if (alias === PRODUCTION) return highestApproved(summaries);
    const key = aliasKey(alias);
    const holding = await mapLimit(summaries, CONCURRENCY, async (summary) =>
      (await this.describe(summary.arn, group, what)).CustomerMetadataProperties?.[key] === 'true' ? summary.version : undefined,
    );
    return this.current(name, alias, holding.filter((version): version is number => version !== undefined));
  }

  /** Of the versions holding an alias, the current one: the only one, else the one the latest audit event names, else the highest. */
  private async current(name: string, alias: string, holding: number[]): Promise<number | undefined> {
    if (holding.length <= 1) return holding[0];
    if (this.location.artifacts !== undefined) {
      const latest = (await this.events(name)).filter((event) => event.alias === alias).at(-1);
      if (latest !== undefined && holding.includes(latest.version)) return latest.version;
    }
    return Math.max(...holding);
  }

  /** Every alias's current version, from every version's metadata. */
  private async holders(name: string, versions: Array<{ version: number; metadata: Record<string, string> }>): Promise<Map<string, number>> {
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
  private async aliasesNow(group: string, version: number, what: string): Promise<string[]> {
    const summaries = await this.summaries(group, what);
    const summary = summaries.find((entry) => entry.version === version);
    if (summary === undefined) return [];
    return aliasesOf(version, summaries, (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {});
  }

  /** Whether the audit trail records the registration's move of `alias` to `version`. */
  private async registeredAlias(name: string, alias: string, version: number): Promise<boolean> {
    return (await this.events(name)).some((event) => event.alias === alias && event.version === version && event.reason === 'register');
  }

  private async writeEvent(name: string, event: AliasEvent, now: Date): Promise<void> {
    const artifacts = this.requireArtifacts(`moving the alias ${event.alias} of ${name}`);
    const folder = joinKey(artifacts.prefix, name, 'audit');
    const sequence = (await this.artifacts.list(artifacts.bucket, `${folder}/`)).length + 1;
    const stamp = now.toISOString().replace(/[-:]/g, '');
    const random = (this.options.random ?? (() => randomBytes(4).toString('hex')))();
    await this.artifacts.putText(artifacts.bucket, `${folder}/${stamp}-${String(sequence).padStart(8, '0')}-${random}.json`, `${JSON.stringify(event, null, 2)}\n`);
  }

  /** The audit trail, oldest first (object names start with the time, then a sequence number). */
  private async events(name: string): Promise<AliasEvent[]> {
    const artifacts = this.requireArtifacts(`reading the alias history of ${name}`);
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
        throw new ServiceError(`${this.description}: the audit event ${uri} is not JSON (${(error as Error).message}); restore it from the bucket's object versions.`);
      }
      if (typeof value.alias !== 'string' || typeof value.version !== 'number' || typeof value.at !== 'string' || typeof value.reason !== 'string') {
        throw new ServiceError(`${this.description}: ${uri} is not an alias event; restore it from the bucket's object versions.`);
      }
      events.push(value);
    }
    return events;
  }

  // ---- SageMaker

  private sagemaker(): SageMakerClient {
    const region = this.location.region ?? this.options.region;
    this.sagemakerInstance ??= sagemakerClient({
      ...(region === undefined ? {} : { region }),
      ...(this.options.endpoint === undefined ? {} : { endpoint: this.options.endpoint }),
    });
    return this.sagemakerInstance;
  }

  private s3(): S3Client {
    const region = this.location.region ?? this.options.region;
    this.s3Instance ??= s3Client(region === undefined ? {} : { region });
    return this.s3Instance;
  }

  private async call<T>(operation: string, what: string, group: string | undefined, send: (client: SageMakerClient) => Promise<T>): Promise<T> {
    try {
      return await send(this.sagemaker());
    } catch (error) {
      throw sagemakerError(error, { registry: this.description, what, operation, ...(group === undefined ? {} : { group }) });
    }
  }

  private describe(arn: string, group: string, what: string): Promise<DescribeModelPackageCommandOutput> {
    return this.call('DescribeModelPackage', what, group, (client) => client.send(new DescribeModelPackageCommand({ ModelPackageName: arn })));
  }

  private async update(input: UpdateModelPackageCommandInput, group: string, what: string): Promise<void> {
    await this.call('UpdateModelPackage', what, group, (client) => client.send(new UpdateModelPackageCommand(input)));
  }

  /** Every package of the group, by version. */
  private async summaries(group: string, what: string): Promise<PackageSummary[]> {
    const result: PackageSummary[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('ListModelPackages', what, group, (client) =>
        client.send(
          new ListModelPackagesCommand({
            ModelPackageGroupName: group,
            ModelPackageType: 'Versioned',
            SortBy: 'CreationTime',
            SortOrder: 'Ascending',
            MaxResults: 100,
            ...(token === undefined ? {} : { NextToken: token }),
          }),
        ),
      );
      for (const summary of page.ModelPackageSummaryList ?? []) {
        if (summary.ModelPackageArn === undefined || summary.ModelPackageVersion === undefined) continue;
        result.push({
          arn: summary.ModelPackageArn,
          version: summary.ModelPackageVersion,
          ...(summary.ModelPackageDescription === undefined ? {} : { description: summary.ModelPackageDescription }),
          approval: summary.ModelApprovalStatus ?? PENDING,
          created: summary.CreationTime ?? new Date(0),
        });
      }
      token = page.NextToken === '' ? undefined : page.NextToken;
    } while (token !== undefined);
    return result.sort((a, b) => a.version - b.version);
  }

  /** The packages of a model that must exist: an InputError naming the models there are when its group does not. */
  private async versionsOf(name: string, group: string, what: string): Promise<PackageSummary[]> {
    const summaries = await this.summaries(group, what);
    if (summaries.length === 0 && !(await this.groupExists(group, what))) throw await this.unknownModel(name);
    return summaries;
  }

  private async groupExists(group: string, what: string): Promise<boolean> {
    try {
      await this.sagemaker().send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
      return true;
    } catch (error) {
      if (isMissingResource(error)) return false;
      throw sagemakerError(error, { registry: this.description, what, operation: 'DescribeModelPackageGroup', group });
    }
  }

  private async ensureGroup(name: string, group: string, what: string): Promise<void> {
    if (await this.groupExists(group, what)) return;
    try {
      await this.sagemaker().send(
        new CreateModelPackageGroupCommand({ ModelPackageGroupName: group, ModelPackageGroupDescription: `Versions of the model ${name}, registered by cd4ml-actions.` }),
      );
    } catch (error) {
      // Another registration created it meanwhile.
      if (isAlreadyExists(error)) return;
      throw sagemakerError(error, { registry: this.description, what, operation: 'CreateModelPackageGroup', group });
    }
  }

  // ---- names and messages

  /** The model package group of a model; `register` and reads word the one-model-per-group refusal differently. */
  private groupFor(name: string, use: 'register' | 'read'): string {
    const group = this.location.group ?? name;
    if (group !== name) {
      if (use === 'register') {
        throw new InputError(
          `${this.description} holds one model, ${group} (a SageMaker model package group holds the versions of one model), so ${name} cannot be registered in it; use sagemaker://${name}, or plain sagemaker:// to keep each model in the group of its name.`,
        );
      }
      throw new NotInRegistryError(
        `${this.description} has no model named ${name}; it has ${group} (a SageMaker model package group holds one model; sagemaker://${name} names the group of ${name}).`,
      );
    }
    if (!isGroupName(group)) {
      throw new InputError(
        `${this.description}: "${group}" cannot be a SageMaker model package group name: SageMaker allows letters, digits and hyphens (no "_" or "."), starting with a letter or digit, at most 63 characters. Rename the model (e.g. ${group.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'churn-model'}).`,
      );
    }
    return group;
  }

  private requireArtifacts(action: string): { bucket: string; prefix: string } {
    const artifacts = this.location.artifacts;
    if (artifacts === undefined) {
      const group = this.location.group ?? '<group>';
      throw new InputError(
        `${this.description}: ${action} needs artifacts=s3://<bucket>/<prefix> in the registry URI, the S3 place for the model files, records, cards and alias audit trail; e.g. sagemaker://${group}?artifacts=s3://my-bucket/models.`,
      );
    }
    return { bucket: artifacts.bucket, prefix: artifacts.prefix.replace(/^\/+|\/+$/g, '') };
  }

  private async unknownModel(name: string): Promise<NotInRegistryError> {
    const models = await this.models();
    const known = models.length === 0 ? 'it has no models yet; register one with register-model' : `it has ${models.join(', ')}`;
    return new NotInRegistryError(`${this.description} has no model named ${name}; ${known}.`);
  }

  private async unknown(name: string, group: string, summaries: PackageSummary[], selector: VersionSelector, what: string): Promise<NotInRegistryError> {
    const versions = summaries.map((entry) => entry.version);
    const have = versions.length === 0 ? 'no versions yet' : versions.length <= 10 ? `versions ${versions.join(', ')}` : `versions ${versions[0]} to ${versions.at(-1)} (${versions.length})`;
    const loaded = await mapLimit(summaries, CONCURRENCY, async (summary) => ({
      version: summary.version,
      metadata: (await this.describe(summary.arn, group, what)).CustomerMetadataProperties ?? {},
    }));
    const aliases = [...(await this.holders(name, loaded))];
    const approved = highestApproved(summaries);
    if (approved !== undefined) aliases.push([PRODUCTION, approved]);
    const listed = aliases.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([alias, version]) => `${alias} → ${version}`);
    return new NotInRegistryError(`${this.description}: ${name} has no ${describeSelector(selector)}; it has ${have}${listed.length === 0 ? ' and no aliases' : `; aliases ${listed.join(', ')}`}.`);
  }
}

function highestApproved(summaries: PackageSummary[]): number | undefined {
  const approved = summaries.filter((entry) => entry.approval === APPROVED).map((entry) => entry.version);
  return approved.length === 0 ? undefined : Math.max(...approved);
}

/** A version's aliases: production when it is the highest Approved version, and its metadata aliases. */
function aliasesOf(version: number, summaries: PackageSummary[], metadata: Record<string, string>): string[] {
  const aliases = metadataAliases(metadata).filter((alias) => alias !== PRODUCTION);
  if (highestApproved(summaries) === version) aliases.push(PRODUCTION);
  return aliases.sort();
}

function parseRecord(text: string, uri: string): ModelRecord {
  let value: ModelRecord;
  try {
    value = JSON.parse(text) as ModelRecord;
  } catch (error) {
    throw new ServiceError(`${uri} is not JSON (${(error as Error).message}); restore it from the bucket's object versions.`);
  }
  if (value.format !== RECORD_FORMAT) throw new ServiceError(`${uri} is not a model record; restore it from the bucket's object versions.`);
  return { ...value, aliases: [] };
}

function stagedText(staged: StagedRegistration): string {
  const { aliases: _aliases, ...record } = staged.record;
  return `${JSON.stringify({ ...staged, record }, null, 2)}\n`;
}

function actorOf(request: RegistrationRequest): Actor {
  const { actor, runUrl, gitSha } = request.lineage;
  return { ...(actor === undefined ? {} : { actor }), ...(runUrl === undefined ? {} : { runUrl }), ...(gitSha === undefined ? {} : { gitSha }) };
}

function actorFields(actor: Actor): Actor {
  return {
    ...(actor.actor === undefined ? {} : { actor: actor.actor }),
    ...(actor.runUrl === undefined ? {} : { runUrl: actor.runUrl }),
    ...(actor.gitSha === undefined ? {} : { gitSha: actor.gitSha }),
  };
}
