/**
 * A `ModelRegistry` over a `RegistryStorage`: one index document per model, changed only by
 * compare-and-swap writes (retried with jittered backoff when another writer came first), and the
 * versions' files stored before the index names them.
 *
 * A registration takes three steps, so an interruption at any point leaves no visible half-version:
 * 1. reserve: the index hands out `nextVersion` and records the reservation (readers ignore it);
 * 2. store: the model files, profile, record and card go to the storage under that version;
 * 3. commit: one index write turns the reservation into a version and moves the alias, if asked.
 * The registration key (run id + content hash) is in the reservation and the version, so a re-run
 * finds its reservation (and stores again under the same number) or its committed version (and
 * returns it). A reserved number whose run never returns stays unused: numbers are never reused.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, ServiceError } from '../errors.js';
import type { Logger } from '../logger.js';
import { retryWhileUndefined, type RetryOptions } from '../retry.js';
import { actorOf, aliasEvent } from './alias-event.js';
import { aliasesOf, emptyIndex, parseIndex, serializeIndex, type IndexedVersion, type RegistryIndex } from './index-document.js';
import { renderModelCard } from './model-card.js';
import { NotInRegistryError } from './not-found.js';
import { checkAlias, checkModelName, describeSelector } from './names.js';
import { buildRecord, registrationKey, storedRecordText } from './registration.js';
import {
  RECORD_FORMAT,
  type Actor,
  type AliasEvent,
  type LocalFile,
  type ModelRecord,
  type ModelRegistry,
  type RegistrationRequest,
  type RegistrationResult,
  type RegistryStorage,
  type StoredFile,
  type VersionSelector,
  type VersionSummary,
} from './types.js';
import { checkBytes, downloadVerified, fileOf } from './verified-files.js';

export const RECORD_FILE = 'record.json';
export const CARD_FILE = 'model-card.md';
export const PROFILE_FILE = 'profile.json';

export interface IndexedRegistryOptions {
  logger?: Logger;
  /** Compare-and-swap retries; enough for tens of concurrent writers by default. */
  retry?: Partial<RetryOptions>;
}

const DEFAULT_RETRY: RetryOptions = { attempts: 100, baseMs: 20, maxMs: 1000 };

type Mutation<T> = { result: T; write: boolean };

export class IndexedRegistry implements ModelRegistry {
  readonly description: string;
  private readonly retry: RetryOptions;

  constructor(
    private readonly storage: RegistryStorage,
    private readonly options: IndexedRegistryOptions = {},
  ) {
    this.description = storage.description;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  async register(request: RegistrationRequest): Promise<RegistrationResult> {
    const name = checkModelName(request.name, 'name');
    if (request.alias !== undefined) checkAlias(request.alias, 'alias');
    if (request.files.length === 0) throw new InputError(`Registering ${name}: no model files were given; name the model file, directory or glob.`);
    const key = registrationKey(request);

    const reserved = await this.update(name, (index): Mutation<{ version: number; committed: boolean; parent: number | undefined }> => {
      const parent = request.alias !== undefined && index.aliases[request.alias] !== undefined ? index.aliases[request.alias] : index.versions.at(-1)?.version;
      const done = index.versions.find((entry) => entry.registrationKey === key);
      if (done !== undefined) return { result: { version: done.version, committed: true, parent }, write: false };
      const pending = index.reservations.find((entry) => entry.registrationKey === key);
      if (pending !== undefined) return { result: { version: pending.version, committed: false, parent }, write: false };
      const version = index.nextVersion;
      index.nextVersion += 1;
      index.reservations.push({ version, registrationKey: key, reservedAt: request.now.toISOString() });
      return { result: { version, committed: false, parent }, write: true };
    });

    if (reserved.committed) {
      this.options.logger?.info(`${name} v${reserved.version} was already registered by this run with the same content; nothing new was made.`);
      return this.existing(name, reserved.version);
    }

    const version = reserved.version;
    const scratch = await mkdtemp(join(tmpdir(), 'cd4ml-register-'));
    try {
      const context = { card: '', ...(request.lineage.gitSha === undefined ? {} : { gitSha: request.lineage.gitSha }) };
      const staged: LocalFile[] = request.files.map((file) => ({ ...file, path: `model/${file.path}` }));
      let profileSha256: string | undefined;
      if (request.profile !== undefined) {
        const profileFile = await stage(scratch, PROFILE_FILE, request.profile.text);
        profileSha256 = profileFile.sha256;
        staged.push(profileFile);
      }
      const files = await this.storage.putFiles(name, version, staged, context);
      const record = buildRecord(request, {
        version,
        registrationKey: key,
        files,
        ...(profileSha256 === undefined ? {} : { profileSha256 }),
        ...(reserved.parent === undefined ? {} : { parentVersion: reserved.parent }),
      });
      const card = renderModelCard(record, {
        registry: this.description,
        ...(request.profile === undefined ? {} : { profile: request.profile.document }),
        ...(request.cardTemplate === undefined ? {} : { template: { text: request.cardTemplate, origin: 'model-card-template' } }),
      });
      context.card = card;
      const documents = await this.storage.putFiles(
        name,
        version,
        [await stage(scratch, RECORD_FILE, storedRecordText(record)), await stage(scratch, CARD_FILE, card)],
        context,
      );

      const committed = await this.update(name, (index): Mutation<{ previous: number | undefined; duplicate: boolean }> => {
        if (index.versions.some((entry) => entry.registrationKey === key)) return { result: { previous: undefined, duplicate: true }, write: false };
        index.reservations = index.reservations.filter((entry) => entry.version !== version);
        const entry: IndexedVersion = {
          version,
          createdAt: record.createdAt,
          registrationKey: key,
          files: [...files, ...documents],
          metrics: record.metrics,
          ...(record.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }),
          ...(record.lineage.runUrl === undefined ? {} : { runUrl: record.lineage.runUrl }),
        };
        index.versions.push(entry);
        index.versions.sort((a, b) => a.version - b.version);
        let previous: number | undefined;
        if (request.alias !== undefined) {
          previous = moveAlias(index, request.alias, version, actorOf(request), 'register', request.now);
        }
        return { result: { previous, duplicate: false }, write: true };
      });
      if (committed.duplicate) return this.existing(name, version);
      await this.storage.publish?.(name, version, context);
      record.aliases = request.alias === undefined ? [] : [request.alias];
      return { record, card, created: true, ...(committed.previous === undefined ? {} : { previousVersion: committed.previous }) };
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  async setAlias(name: string, alias: string, version: number, actor: Actor, reason: string, now: Date): Promise<{ previous?: number }> {
    checkModelName(name, 'name');
    checkAlias(alias, 'alias');
    const previous = await this.update(name, (index): Mutation<number | undefined> => {
      if (!index.versions.some((entry) => entry.version === version)) throw this.unknown(name, index, { version });
      const before = index.aliases[alias];
      if (before === version) return { result: before, write: false };
      return { result: moveAlias(index, alias, version, actor, reason, now), write: true };
    });
    return previous === undefined ? {} : { previous };
  }

  async resolve(name: string, selector: VersionSelector): Promise<ModelRecord> {
    const index = await this.readExisting(name);
    const version = 'version' in selector ? selector.version : index.aliases[selector.alias];
    const entry = version === undefined ? undefined : index.versions.find((candidate) => candidate.version === version);
    if (entry === undefined) throw this.unknown(name, index, selector);
    return this.recordOf(index, entry);
  }

  async list(name: string): Promise<VersionSummary[]> {
    const index = await this.readExisting(name);
    return index.versions.map((entry) => ({
      version: entry.version,
      createdAt: entry.createdAt,
      aliases: aliasesOf(index, entry.version),
      ...(entry.gitSha === undefined ? {} : { gitSha: entry.gitSha }),
      ...(entry.runUrl === undefined ? {} : { runUrl: entry.runUrl }),
      metrics: entry.metrics,
    }));
  }

  async history(name: string): Promise<AliasEvent[]> {
    return (await this.readExisting(name)).history;
  }

  models(): Promise<string[]> {
    return this.storage.models();
  }

  async readFile(record: ModelRecord, path: string): Promise<Uint8Array> {
    return this.checkedRead(fileOf(record, path), record.uri);
  }

  async download(record: ModelRecord, directory: string): Promise<string[]> {
    return downloadVerified(record, directory, (file, destination) => this.storage.downloadFile(file, destination));
  }

  /** Reads the index, applies `mutate`, and writes it back if asked, retrying when another writer came first. */
  private async update<T>(name: string, mutate: (index: RegistryIndex) => Mutation<T>): Promise<T> {
    return retryWhileUndefined(`Updating the registry index of ${name} in ${this.description}`, this.retry, async () => {
      const snapshot = await this.storage.readIndex(name);
      const index = snapshot.text === undefined ? emptyIndex(name) : parseIndex(snapshot.text, this.where(name), name);
      const { result, write } = mutate(index);
      if (!write) return { result };
      const written = await this.storage.writeIndex(name, serializeIndex(index), snapshot.token);
      return written ? { result } : undefined;
    }).then((outcome) => outcome.result);
  }

  private async readExisting(name: string): Promise<RegistryIndex> {
    checkModelName(name, 'name');
    const snapshot = await this.storage.readIndex(name);
    if (snapshot.text === undefined) {
      const models = await this.storage.models();
      const known = models.length === 0 ? 'it has no models yet; register one with register-model' : `it has ${models.join(', ')}`;
      throw new NotInRegistryError(`${this.description} has no model named ${name}; ${known}.`);
    }
    return parseIndex(snapshot.text, this.where(name), name);
  }

  /** A registration made before: its record and card, and its release published if it was not yet. */
  private async existing(name: string, version: number): Promise<RegistrationResult> {
    const index = await this.readExisting(name);
    const entry = index.versions.find((candidate) => candidate.version === version);
    if (entry === undefined) throw this.unknown(name, index, { version });
    const record = await this.recordOf(index, entry);
    const card = Buffer.from(await this.checkedRead(this.indexedFile(name, entry, CARD_FILE), `${name} v${version}`)).toString('utf8');
    await this.storage.publish?.(name, version, { card, ...(record.lineage.gitSha === undefined ? {} : { gitSha: record.lineage.gitSha }) });
    return { record, card, created: false };
  }

  private async recordOf(index: RegistryIndex, entry: IndexedVersion): Promise<ModelRecord> {
    const owner = `${index.name} v${entry.version}`;
    const bytes = await this.checkedRead(this.indexedFile(index.name, entry, RECORD_FILE), owner);
    const record = JSON.parse(Buffer.from(bytes).toString('utf8')) as ModelRecord;
    if (record.format !== RECORD_FORMAT) throw new ServiceError(`${this.description}: ${owner}'s ${RECORD_FILE} is not a model record.`);
    return { ...record, aliases: aliasesOf(index, entry.version) };
  }

  private indexedFile(name: string, entry: IndexedVersion, path: string): StoredFile {
    const file = entry.files.find((candidate) => candidate.path === path);
    if (file === undefined) throw new ServiceError(`${this.description}: ${name} v${entry.version} has no ${path} in its index entry; the index was edited by hand.`);
    return file;
  }

  private async checkedRead(file: StoredFile, owner: string): Promise<Uint8Array> {
    return checkBytes(await this.storage.readFile(file), file, owner);
  }

  private unknown(name: string, index: RegistryIndex, selector: VersionSelector): NotInRegistryError {
    const versions = index.versions.map((entry) => entry.version);
    const have = versions.length === 0 ? 'no versions yet' : versions.length <= 10 ? `versions ${versions.join(', ')}` : `versions ${versions[0]} to ${versions.at(-1)} (${versions.length})`;
    const aliases = Object.entries(index.aliases).map(([alias, version]) => `${alias} → ${version}`);
    return new NotInRegistryError(`${this.description}: ${name} has no ${describeSelector(selector)}; it has ${have}${aliases.length === 0 ? ' and no aliases' : `; aliases ${aliases.join(', ')}`}.`);
  }

  private where(name: string): string {
    return `of ${name} in ${this.description}`;
  }
}

function moveAlias(index: RegistryIndex, alias: string, version: number, actor: Actor, reason: string, now: Date): number | undefined {
  const previous = index.aliases[alias];
  index.aliases[alias] = version;
  index.history.push(aliasEvent(alias, version, previous, actor, reason, now));
  return previous;
}

/** Writes a registry document to the scratch directory and describes it as a LocalFile. */
async function stage(scratch: string, path: string, text: string): Promise<LocalFile> {
  const file = join(scratch, path);
  await writeFile(file, text);
  return { path, file, sha256: createHash('sha256').update(text).digest('hex'), size: Buffer.byteLength(text) };
}
