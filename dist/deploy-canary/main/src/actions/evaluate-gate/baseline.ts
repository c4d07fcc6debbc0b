/**
 * The baseline inputs. `baseline-metrics`: a metrics JSON file in the workspace; `base:<path>`, that
 * file as it is at the pull request's base commit (read through the contents API, so the checkout may
 * be the PR's head only); or `registry:<name>@<version|alias>`, the metrics registered with that
 * version. `baseline-model`: an ONNX file, or a registry version's ONNX model. A baseline that does
 * not exist yet (the PR that adds the metrics file, the first model before any is in production)
 * means no baseline: the gate applies its absolute rules only and says why.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { parseMetricsText, type MetricsFile } from '../../core/gate/metrics-file.js';
import type { BaselineInput } from '../../core/gate/options.js';
import { existingFile } from '../../core/inputs/parsers.js';
import { isRegistryReference } from '../../core/registry/names.js';
import { NotInRegistryError } from '../../core/registry/not-found.js';
import { fetchOnnxModel, resolveReference, type ResolvedReference } from '../registry-reference.js';
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
  /** The registry URI `registry:` references are resolved in. */
  registry: string;
  /** Where a registry model is written. */
  scratch: string;
}

export async function loadBaselineModel(spec: string, context: BaselineContext): Promise<BaselineInput> {
  if (!isRegistryReference(spec)) return { model: existingFile().parse(spec, 'baseline-model') };
  const resolved = await resolveOrMissing(spec, 'baseline-model', context);
  if ('missing' in resolved) return resolved;
  return { model: await fetchOnnxModel(resolved, context.scratch), name: resolved.label };
}

export async function loadBaselineMetrics(spec: string, context: BaselineContext): Promise<BaselineNumbers> {
  if (isRegistryReference(spec)) {
    const resolved = await resolveOrMissing(spec, 'baseline-metrics', context);
    if ('missing' in resolved) return resolved;
    const values = new Map(Object.entries(resolved.record.metrics));
    if (values.size === 0) throw new InputError(`Input "baseline-metrics": ${resolved.record.uri} was registered without metrics; give baseline-model: ${spec} to score its model instead.`);
    return { file: { origin: resolved.label, values } };
  }
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

/** The version a reference names, or no baseline when the registry does not have it (yet). */
async function resolveOrMissing(spec: string, input: string, context: BaselineContext): Promise<ResolvedReference | { missing: string }> {
  try {
    return await resolveReference(spec, input, context);
  } catch (error) {
    if (!(error instanceof NotInRegistryError)) throw error;
    context.logger.info(`No baseline: ${error.message}`);
    return { missing: `No baseline: ${spec.trim()} does not exist yet (${error.message.replace(/\.$/, '')}), so only absolute rules apply.` };
  }
}
