/**
 * Restoring and saving paths with the Actions cache (@actions/cache). Outside a runner, or when the
 * cache service refuses, a warning says so and the training goes on: a cache only saves time.
 */
import { isFeatureAvailable, restoreCache, saveCache } from '@actions/cache';
import type { Logger } from '../../core/logger.js';

export async function restorePaths(paths: string[], key: string, logger: Logger): Promise<string | undefined> {
  if (!isFeatureAvailable()) {
    logger.warning(`The Actions cache is not available here (not on a GitHub runner); ${paths.join(', ')} not restored.`);
    return undefined;
  }
  try {
    const hit = await restoreCache(paths, key);
    logger.info(hit === undefined ? `No cache for ${key}.` : `Restored ${paths.join(', ')} from the cache ${hit}.`);
    return hit;
  } catch (error) {
    logger.warning(`Restoring the cache ${key} failed (${(error as Error).message}); training goes on without it.`);
    return undefined;
  }
}

export async function savePaths(paths: string[], key: string, logger: Logger): Promise<void> {
  if (!isFeatureAvailable()) return;
  try {
    await saveCache(paths, key);
    logger.info(`Saved ${paths.join(', ')} to the cache ${key}.`);
  } catch (error) {
    // An existing entry for the key (another job saved it first) is the common case.
    logger.warning(`Saving the cache ${key} failed (${(error as Error).message}).`);
  }
}
