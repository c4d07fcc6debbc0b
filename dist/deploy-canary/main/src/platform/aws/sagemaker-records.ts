/**
 * The records of a sagemaker:// registry, read from the artifacts in S3. A complete version's package
 * points at its record and card (`cd4ml.record`, `cd4ml.card`, under `<name>/versions/<version>/`);
 * a version whose registration was interrupted after CreateModelPackage has only its staged
 * registration (`cd4ml.staged`, under `<name>/<registration key>/registration.json`): the record
 * without its version, which SageMaker's version completes, read without writing anything.
 *
 * Complexity: one S3 read per record (two for a complete version's record and card).
 */
import { InputError, ServiceError } from '../../core/errors.js';
import type { ProfileDocument } from '../../core/profile/profile.js';
import { PROFILE_FILE } from '../../core/registry/indexed-registry.js';
import { formatReference } from '../../core/registry/names.js';
import { RECORD_FORMAT, type ModelRecord } from '../../core/registry/types.js';
import type { PackageSummary } from './sagemaker-groups.js';
import type { ArtifactStore } from './sagemaker-registry-artifacts.js';
import { META } from './sagemaker-registry-mapping.js';

/** The registration staged under its key before CreateModelPackage. */
export interface StagedRegistration {
  format: typeof STAGED_FORMAT;
  formatVersion: 1;
  /** The record as it will be, with version 0 until SageMaker assigns the number. */
  record: ModelRecord;
  cardTemplate?: string;
}

export const STAGED_FORMAT = 'cd4ml-sagemaker-registration';

export function stagedText(staged: StagedRegistration): string {
  const { aliases: _aliases, ...record } = staged.record;
  return `${JSON.stringify({ ...staged, record }, null, 2)}\n`;
}

export class RecordReader {
  constructor(
    private readonly artifacts: ArtifactStore,
    /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
    private readonly registry: string,
  ) {}

  /** The record and card of a complete version; undefined when the version is not complete. */
  async stored(metadata: Record<string, string>): Promise<{ record: ModelRecord; card: string } | undefined> {
    const recordUri = metadata[META.record];
    const cardUri = metadata[META.card];
    if (recordUri === undefined || cardUri === undefined) return undefined;
    const [recordText, card] = await Promise.all([this.artifacts.getText(recordUri), this.artifacts.getText(cardUri)]);
    if (recordText === undefined || card === undefined) return undefined;
    return { record: parseRecord(recordText, recordUri), card };
  }

  /** The record of a version: the stored one, else (an interrupted registration) the staged one with its number. */
  async recordOf(name: string, summary: PackageSummary, metadata: Record<string, string>): Promise<ModelRecord> {
    const recordUri = metadata[META.record];
    if (recordUri !== undefined) {
      const text = await this.artifacts.getText(recordUri);
      if (text !== undefined) return parseRecord(text, recordUri);
    }
    const staged = await this.staged(name, summary, metadata);
    return { ...staged.record, version: summary.version, uri: formatReference(name, summary.version), aliases: [] };
  }

  async staged(name: string, summary: PackageSummary, metadata: Record<string, string>): Promise<StagedRegistration> {
    const uri = metadata[META.staged];
    if (metadata[META.registrationKey] === undefined || uri === undefined) {
      throw new InputError(
        `${this.registry}: ${name} v${summary.version} (${summary.arn}) was not registered by cd4ml-actions (it has no ${META.registrationKey} metadata), so it has no model record; register the model with register-model, or resolve a version it registered.`,
      );
    }
    const text = await this.artifacts.getText(uri);
    if (text === undefined) {
      throw new ServiceError(
        `${this.registry}: ${name} v${summary.version} has neither its record nor its staged registration ${uri} in S3; the artifacts were deleted or moved. Restore them from the bucket's object versions or a backup.`,
      );
    }
    let value: StagedRegistration;
    try {
      value = JSON.parse(text) as StagedRegistration;
    } catch (error) {
      throw new ServiceError(`${this.registry}: the staged registration ${uri} is not JSON (${(error as Error).message}); restore it from the bucket's object versions.`);
    }
    if (value.format !== STAGED_FORMAT || typeof value.record !== 'object' || value.record === null || value.record.format !== RECORD_FORMAT) {
      throw new ServiceError(`${this.registry}: ${uri} is not a staged cd4ml registration; restore it from the bucket's object versions.`);
    }
    return value;
  }

  /** The data profile a staged record names, for the card of an interrupted registration. */
  async stagedProfile(record: ModelRecord): Promise<ProfileDocument | undefined> {
    const file = record.files.find((candidate) => candidate.path === PROFILE_FILE);
    if (file === undefined) return undefined;
    const text = await this.artifacts.getText(file.location);
    return text === undefined ? undefined : (JSON.parse(text) as ProfileDocument);
  }
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
