/**
 * Uploading the trained model as a workflow artifact (@actions/artifact). Outside a runner there is
 * no artifact service: a warning says so and the model stays where it was written.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ServiceError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { listFiles } from '../../core/files/list-files.js';

export async function uploadDirectory(name: string, path: string, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  if ((env['ACTIONS_RUNTIME_TOKEN'] ?? '') === '' || (env['ACTIONS_RESULTS_URL'] ?? '') === '') {
    logger.warning(`No artifact service here (not on a GitHub runner); ${path} was not uploaded as ${name}.`);
    return undefined;
  }
  const info = await stat(path);
  const root = info.isDirectory() ? path : dirname(path);
  const files = info.isDirectory() ? await listFiles(path) : [path];
  try {
    const { id, size } = await new DefaultArtifactClient().uploadArtifact(name, files, root);
    logger.info(`Uploaded ${files.length} file(s) of ${path} as the artifact ${name} (${size ?? 0} bytes, id ${id}).`);
    return id;
  } catch (error) {
    throw new ServiceError(`Uploading ${path} as the artifact ${name} failed: ${(error as Error).message}.`, { cause: error });
  }
}
