/**
 * Registering a version in a sagemaker:// registry. The version is only known once
 * CreateModelPackage answers, but the record holds it, so a registration takes these steps, each
 * safe to repeat:
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
 * Complexity (n versions): the group is listed (n/100 requests), plus a constant number of calls and
 * one upload per file, and n DescribeModelPackage calls when the alias to move is not production.
 */
import { CreateModelPackageCommand, type CreateModelPackageCommandInput, type ModelPackageContainerDefinition } from '@aws-sdk/client-sagemaker';
import { InputError, ServiceError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Logger } from '../../core/logger.js';
import type { ProfileDocument } from '../../core/profile/profile.js';
import { actorOf } from '../../core/registry/alias-event.js';
import { CARD_FILE, PROFILE_FILE, RECORD_FILE } from '../../core/registry/indexed-registry.js';
import { renderModelCard } from '../../core/registry/model-card.js';
import { checkAlias, checkModelName, formatReference } from '../../core/registry/names.js';
import { buildRecord, registrationKey, storedRecordText } from '../../core/registry/registration.js';
import type { ModelRecord, RegistrationRequest, RegistrationResult, StoredFile } from '../../core/registry/types.js';
import type { Aliases } from './sagemaker-aliases.js';
import type { ModelGroups, PackageSummary } from './sagemaker-groups.js';
import { type RecordReader, STAGED_FORMAT, type StagedRegistration, stagedText } from './sagemaker-records.js';
import type { ArtifactStore } from './sagemaker-registry-artifacts.js';
import { META, PENDING, clientToken, joinKey, metricsReport, packageDescription, packageMetadata, registrationKeyIn } from './sagemaker-registry-mapping.js';

/** Model files uploaded at once. */
const UPLOADS = 4;

export interface RegistrationParts {
  groups: ModelGroups;
  artifacts: ArtifactStore;
  aliases: Aliases;
  records: RecordReader;
  /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
  registry: string;
  logger?: Logger;
}

export class Registrar {
  constructor(private readonly parts: RegistrationParts) {}

  async register(request: RegistrationRequest): Promise<RegistrationResult> {
    const { groups, artifacts: store, aliases } = this.parts;
    const name = checkModelName(request.name, 'name');
    if (request.alias !== undefined) checkAlias(request.alias, 'alias');
    if (request.files.length === 0) throw new InputError(`Registering ${name}: no model files were given; name the model file, directory or glob.`);
    const group = groups.groupFor(name, 'register');
    const artifacts = groups.requireArtifacts(`registering ${name}`);
    const what = `cannot register ${name}`;
    const key = registrationKey(request);

    await groups.ensureGroup(name, group, what);
    const before = await groups.summaries(group, what);
    const earlier = before.find((summary) => registrationKeyIn(summary.description) === key);
    if (earlier !== undefined) return this.resume(request, name, group, earlier, what);

    // 3. Stage everything under the registration key.
    const staged = joinKey(artifacts.prefix, name, key);
    const files: StoredFile[] = await mapLimit(request.files, UPLOADS, (file) => store.putFile(artifacts.bucket, `${staged}/model/${file.path}`, `model/${file.path}`, file));
    let profileSha256: string | undefined;
    if (request.profile !== undefined) {
      const profile = await store.putText(artifacts.bucket, `${staged}/${PROFILE_FILE}`, request.profile.text);
      files.push({ path: PROFILE_FILE, ...profile });
      profileSha256 = profile.sha256;
    }
    // The version the moved alias pointed at, else the latest one (as the indexed registries do).
    const parent = (request.alias === undefined ? undefined : await aliases.holderOf(name, group, before, request.alias, what)) ?? before.at(-1)?.version;
    const draft = buildRecord(request, {
      version: 0,
      registrationKey: key,
      files,
      ...(profileSha256 === undefined ? {} : { profileSha256 }),
      ...(parent === undefined ? {} : { parentVersion: parent }),
    });
    const report = await store.putText(artifacts.bucket, `${staged}/metrics.json`, metricsReport(draft.metrics, draft.gate));
    const stagedDocument: StagedRegistration = {
      format: STAGED_FORMAT,
      formatVersion: 1,
      record: draft,
      ...(request.cardTemplate === undefined ? {} : { cardTemplate: request.cardTemplate }),
    };
    const registration = await store.putText(artifacts.bucket, `${staged}/registration.json`, stagedText(stagedDocument));

    // 4. The package.
    const image = groups.location.image;
    const input: CreateModelPackageCommandInput = {
      ModelPackageGroupName: group,
      ModelPackageDescription: packageDescription(name, key, draft),
      ModelApprovalStatus: PENDING,
      ClientToken: clientToken(group, key),
      CustomerMetadataProperties: packageMetadata(draft, registration.location),
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: report.location } } },
      ...(image === undefined ? {} : { InferenceSpecification: inferenceSpecification(image, files, artifacts.bucket, staged) }),
    };
    const created = await groups.call('CreateModelPackage', what, group, (client) => client.send(new CreateModelPackageCommand(input)));
    const arn = created.ModelPackageArn;
    if (arn === undefined) throw new ServiceError(`${this.parts.registry}: ${what} (CreateModelPackage answered no ModelPackageArn); check the SageMaker endpoint.`);
    const described = await groups.describe(arn, group, what);
    const version = described.ModelPackageVersion;
    if (version === undefined) throw new ServiceError(`${this.parts.registry}: ${what} (${arn} has no ModelPackageVersion); check the SageMaker endpoint.`);
    if (described.ModelPackageGroupName !== group || described.CustomerMetadataProperties?.[META.registrationKey] !== key) {
      throw new ServiceError(
        `${this.parts.registry}: ${what}: CreateModelPackage answered with ${arn}, which is not this registration's package (its ClientToken was used before for another request); run again.`,
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
      previousVersion = (await aliases.move(name, group, request.alias, version, actorOf(request), 'register', request.now, false)).previous;
    }
    record.aliases = request.alias === undefined ? [] : [request.alias];
    return { record, card, created: true, ...(previousVersion === undefined ? {} : { previousVersion }) };
  }

  /** A registration made before: returned as it is when complete, finished when it was interrupted. */
  private async resume(request: RegistrationRequest, name: string, group: string, summary: PackageSummary, what: string): Promise<RegistrationResult> {
    const { groups, aliases, records, logger } = this.parts;
    const metadata = await groups.metadata(summary, group, what);
    const key = registrationKey(request);
    if (metadata[META.registrationKey] !== key) {
      throw new ServiceError(
        `${this.parts.registry}: ${what}: ${summary.arn}'s description names this registration (${key}) but its ${META.registrationKey} metadata does not; the package was edited by hand. Fix its metadata, or register from another run.`,
      );
    }
    const stored = await records.stored(metadata);
    if (stored !== undefined) {
      logger?.info(`${name} v${summary.version} was already registered by this run with the same content; nothing new was made.`);
      let previousVersion: number | undefined;
      if (request.alias !== undefined && !(await aliases.registeredAlias(name, request.alias, summary.version))) {
        // The first run stopped between its record and its alias move: make the move now.
        previousVersion = (await aliases.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
      }
      const current = await aliases.aliasesNow(group, summary.version, what);
      return { record: { ...stored.record, aliases: current }, card: stored.card, created: false, ...(previousVersion === undefined ? {} : { previousVersion }) };
    }
    logger?.info(`${name} v${summary.version} was created by an earlier attempt of this registration that stopped before its record was written; finishing it.`);
    const staged = await records.staged(name, summary, metadata);
    const profile = await records.stagedProfile(staged.record);
    const { record, card } = await this.complete(name, group, summary.arn, staged.record, summary.version, staged.cardTemplate, profile, what);
    let previousVersion: number | undefined;
    if (request.alias !== undefined) {
      previousVersion = (await aliases.move(name, group, request.alias, summary.version, actorOf(request), 'register', request.now, true)).previous;
    }
    record.aliases = await aliases.aliasesNow(group, summary.version, what);
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
    const { groups, artifacts: store } = this.parts;
    const artifacts = groups.requireArtifacts(`registering ${name}`);
    const record: ModelRecord = { ...draft, version, uri: formatReference(name, version), aliases: [] };
    const card = renderModelCard(record, {
      registry: this.parts.registry,
      ...(profile === undefined ? {} : { profile }),
      ...(cardTemplate === undefined ? {} : { template: { text: cardTemplate, origin: 'model-card-template' } }),
    });
    const folder = joinKey(artifacts.prefix, name, 'versions', String(version));
    const recordObject = await store.putText(artifacts.bucket, `${folder}/${RECORD_FILE}`, storedRecordText(record));
    const cardObject = await store.putText(artifacts.bucket, `${folder}/${CARD_FILE}`, card);
    await groups.update({ ModelPackageArn: arn, CustomerMetadataProperties: { [META.record]: recordObject.location, [META.card]: cardObject.location } }, group, what);
    return { record, card };
  }
}

function inferenceSpecification(image: string, files: StoredFile[], bucket: string, staged: string): NonNullable<CreateModelPackageCommandInput['InferenceSpecification']> {
  const model = files.filter((file) => file.path.startsWith('model/'));
  const single = model.length === 1 && model[0] !== undefined && model[0].path.endsWith('.tar.gz') ? model[0] : undefined;
  const container: ModelPackageContainerDefinition =
    single !== undefined
      ? { Image: image, ModelDataUrl: single.location }
      : { Image: image, ModelDataSource: { S3DataSource: { S3Uri: `s3://${bucket}/${staged}/model/`, S3DataType: 'S3Prefix', CompressionType: 'None' } } };
  return { Containers: [container], SupportedContentTypes: ['application/json'], SupportedResponseMIMETypes: ['application/json'] };
}
