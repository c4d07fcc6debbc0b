/**
 * The index of one model (format `cd4ml-registry-index`): its committed versions, the version numbers
 * reserved by registrations still in flight, its aliases and their audit trail. It is the single
 * source of truth of an indexed registry: a version exists once the index names it, and every change
 * is one compare-and-swap write of the whole document.
 */
import { InputError } from '../errors.js';
import type { AliasEvent, StoredFile } from './types.js';

export const INDEX_FORMAT = 'cd4ml-registry-index';
export const INDEX_VERSION = 1;

export interface IndexedVersion {
  version: number;
  createdAt: string;
  registrationKey: string;
  files: StoredFile[];
  metrics: Record<string, number>;
  gitSha?: string;
  runUrl?: string;
}

/** A number handed to a registration that has not committed yet: invisible to readers, never reused. */
export interface Reservation {
  version: number;
  registrationKey: string;
  reservedAt: string;
}

export interface RegistryIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: typeof INDEX_VERSION;
  name: string;
  /** The next version number to hand out; only ever grows. */
  nextVersion: number;
  versions: IndexedVersion[];
  reservations: Reservation[];
  aliases: Record<string, number>;
  history: AliasEvent[];
}

export function emptyIndex(name: string): RegistryIndex {
  return { format: INDEX_FORMAT, formatVersion: INDEX_VERSION, name, nextVersion: 1, versions: [], reservations: [], aliases: {}, history: [] };
}

export function serializeIndex(index: RegistryIndex): string {
  return `${JSON.stringify(index, null, 2)}\n`;
}

/**
 * Parses and checks an index. A corrupt index or one written by a newer cd4ml is refused with a
 * message saying where it is and what to do: nothing is written over it.
 */
export function parseIndex(text: string, where: string, name: string): RegistryIndex {
  const corrupt = (why: string): InputError =>
    new InputError(`The registry index ${where} is corrupt (${why}); nothing was written. Restore it from its history (the registry branch's commits, S3 object versions or a backup) and run again.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(`not JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw corrupt('not a JSON object');
  if (value['format'] !== INDEX_FORMAT) throw corrupt(`format is ${JSON.stringify(value['format'])}, expected "${INDEX_FORMAT}"`);
  const formatVersion = value['formatVersion'];
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) throw corrupt('formatVersion is not a positive whole number');
  if (formatVersion > INDEX_VERSION) {
    throw new InputError(
      `The registry index ${where} has format version ${formatVersion}, newer than this cd4ml-actions understands (${INDEX_VERSION}); upgrade the cd4ml actions to the release that wrote it. Nothing was written.`,
    );
  }
  if (value['name'] !== name) throw corrupt(`it is the index of ${JSON.stringify(value['name'])}, not of ${name}`);
  const nextVersion = value['nextVersion'];
  if (typeof nextVersion !== 'number' || !Number.isInteger(nextVersion) || nextVersion < 1) throw corrupt('nextVersion is not a positive whole number');
  for (const key of ['versions', 'reservations', 'history'] as const) {
    if (!Array.isArray(value[key])) throw corrupt(`${key} is not a list`);
  }
  if (!isObject(value['aliases'])) throw corrupt('aliases is not an object');
  const index = value as unknown as RegistryIndex;
  const seen = new Set<number>();
  for (const [position, entry] of index.versions.entries()) {
    if (!isObject(entry) || !isVersionNumber(entry.version) || typeof entry.registrationKey !== 'string' || !Array.isArray(entry.files)) {
      throw corrupt(`versions[${position}] is not a version entry`);
    }
    if (entry.version >= nextVersion) throw corrupt(`version ${entry.version} is not below nextVersion ${nextVersion}`);
    if (seen.has(entry.version)) throw corrupt(`version ${entry.version} appears twice`);
    seen.add(entry.version);
  }
  for (const [position, entry] of index.reservations.entries()) {
    if (!isObject(entry) || !isVersionNumber(entry.version) || entry.version >= nextVersion) throw corrupt(`reservations[${position}] is not a reservation`);
  }
  for (const [alias, version] of Object.entries(index.aliases)) {
    if (!seen.has(version)) throw corrupt(`alias ${alias} points at version ${String(version)}, which the index does not have`);
  }
  return index;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** The aliases pointing at `version`, sorted. */
export function aliasesOf(index: RegistryIndex, version: number): string[] {
  return Object.entries(index.aliases)
    .filter(([, target]) => target === version)
    .map(([alias]) => alias)
    .sort();
}
