/**
 * The `baseline-metrics` input: a metrics JSON file in the workspace, or `base:<path>`, that file as it
 * is at the pull request's base commit (read through the contents API, so the checkout may be the
 * PR's head only). A file that does not exist at the base yet (the PR that adds it) means no
 * baseline: the gate applies its absolute rules only and says why.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { parseMetricsText, type MetricsFile } from '../../core/gate/metrics-file.js';
import type { Logger } from '../../core/logger.js';
import { createGitHubClient } from '../../platform/github/client.js';
import { readFileAtRef } from '../../platform/github/contents.js';
import type { RunContext } from '../../platform/github/context.js';

export type BaselineNumbers = { file: MetricsFile } | { missing: string };

export interface BaselineContext {
  run: RunContext;
  token: string | undefined;
  logger: Logger;
  cwd: string;
}

export async function loadBaselineMetrics(spec: string, context: BaselineContext): Promise<BaselineNumbers> {
  const base = /^base:(.+)$/.exec(spec);
  if (base === null) {
    const path = resolve(context.cwd, spec);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new InputError(`Input "baseline-metrics": ${spec} does not exist. Give a metrics JSON file, or base:<path> to read it at the pull request's base commit.`);
      throw error;
    });
    return { file: parseMetricsText(text, spec) };
  }
  const path = base[1]!.replace(/^\.?\//, '');
  const { run, token, logger } = context;
  if (run.pullRequest === undefined || run.repository === undefined) {
    throw new InputError(
      `Input "baseline-metrics": ${spec} reads ${path} at the pull request's base commit, but this run is not a pull request (event ${run.eventName ?? 'unknown'}). Give a file path instead.`,
    );
  }
  if (token === undefined) throw new InputError(`Input "baseline-metrics": ${spec} needs the github-token input to read ${path} at the base commit.`);
  const sha = run.pullRequest.baseSha;
  const client = createGitHubClient(token, { apiUrl: run.apiUrl, logger });
  const text = await readFileAtRef(client, run.repository, path, sha);
  const origin = `${path} at ${sha.slice(0, 7)}`;
  if (text === undefined) {
    return { missing: `No baseline: ${path} does not exist at the base commit ${sha.slice(0, 7)}, so only absolute rules apply.` };
  }
  logger.info(`Read the baseline metrics from ${origin} (the pull request's base).`);
  return { file: parseMetricsText(text, origin) };
}
