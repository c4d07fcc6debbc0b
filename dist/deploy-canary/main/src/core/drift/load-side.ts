/**
 * One side of a drift check as a profile: a stored `cd4ml-profile` JSON (read, no data scanned), the
 * profile registered with a model version (`registry:<name>@<version|alias>`), or a dataset (paths,
 * globs, s3:// URIs), profiled in one pass as validate-data profiles it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ObjectStore } from '../data/source.js';
import { InputError } from '../errors.js';
import type { Logger } from '../logger.js';
import { parseProfile, type ProfileDocument } from '../profile/profile.js';
import { validateDataset } from '../scan/validate-dataset.js';

export interface SideOptions {
  /** The input's name, for messages: `reference` or `current`. */
  input: string;
  cwd: string;
  store: () => ObjectStore;
  workerScript: string | undefined;
  logger: Logger;
  /** Reads the profile registered with a `registry:<name>@<version|alias>` reference. */
  registryProfile?: (spec: string) => Promise<{ document: ProfileDocument; name: string }>;
}

export interface LoadedSide {
  document: ProfileDocument;
  /** How the report names it. */
  name: string;
  /** True when it was a stored profile (no data read). */
  stored: boolean;
}

export async function loadDriftSide(spec: string, options: SideOptions): Promise<LoadedSide> {
  if (spec.startsWith('registry:')) {
    if (options.registryProfile === undefined) throw new InputError(`Input "${options.input}": ${spec} needs a model registry, which is not available here; give a profile JSON or a dataset.`);
    const { document, name } = await options.registryProfile(spec);
    return { document, name, stored: true };
  }
  if (/\.json$/i.test(spec) && !spec.startsWith('s3://')) {
    const path = resolve(options.cwd, spec);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new InputError(`Input "${options.input}": ${spec} does not exist; give a profile JSON (validate-data's profile-output) or a dataset.`);
      throw error;
    });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`Input "${options.input}": ${spec} is not valid JSON: ${(error as Error).message}.`);
    }
    return { document: parseProfile(value, spec), name: spec, stored: true };
  }
  const { profile } = await validateDataset({
    data: [spec],
    format: 'auto',
    cwd: options.cwd,
    store: options.store,
    maxExamples: 0,
    failOn: 'never',
    workerScript: options.workerScript,
    logger: options.logger,
  });
  if (profile.rows === 0) throw new InputError(`Input "${options.input}": ${spec} has no rows; drift needs data to compare.`);
  return { document: profile, name: spec, stored: false };
}
