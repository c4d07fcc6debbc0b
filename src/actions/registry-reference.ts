/**
 * `registry:<name>@<version|alias>` in the inputs of evaluate-gate (a baseline's metrics or model)
 * and check-drift (a reference profile): resolved in the registry the action's `registry` input
 * names, each file checked against its sha256 as it is read.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { text } from '../core/inputs/parsers.js';
import type { InputSpec } from '../core/inputs/spec.js';
import type { Logger } from '../core/logger.js';
import { parseProfile, type ProfileDocument } from '../core/profile/profile.js';
import { PROFILE_FILE } from '../core/registry/indexed-registry.js';
import { parseReference } from '../core/registry/names.js';
import type { ModelRecord, ModelRegistry } from '../core/registry/types.js';
import type { RunContext } from '../platform/github/context.js';
import { openRegistry } from '../platform/registry.js';
import { onnxModels } from '../core/registry/verified-files.js';

export function registryInput(where: string): InputSpec<string> & { default: string } {
  return {
    description: `Registry URI in which \`registry:<name>@<version|alias>\` ${where} is resolved (as register-model's \`registry\`).`,
    default: 'github',
    parser: text('github, file://…, s3://… or sagemaker://…'),
  };
}

export interface ReferenceContext {
  registry: string;
  cwd: string;
  run: RunContext;
  token: string | undefined;
  logger: Logger;
}

export interface ResolvedReference {
  registry: ModelRegistry;
  record: ModelRecord;
  /** `registry:churn@production (v3)`, for reports. */
  label: string;
}

/** The version `spec` names; NotInRegistryError when the model, version or alias does not exist. */
export async function resolveReference(spec: string, input: string, context: ReferenceContext): Promise<ResolvedReference> {
  const reference = parseReference(spec, `Input "${input}"`);
  const registry = openRegistry(context.registry, { what: 'Input "registry"', cwd: context.cwd, run: context.run, token: context.token, logger: context.logger });
  const record = await registry.resolve(reference.name, reference.selector);
  const label = 'version' in reference.selector ? record.uri : `${spec.trim()} (v${record.version})`;
  context.logger.info(`${spec.trim()} is ${record.uri} in ${registry.description}.`);
  return { registry, record, label };
}

/** The version's ONNX model, written to `directory`; its path. */
export async function fetchOnnxModel(resolved: ResolvedReference, directory: string): Promise<string> {
  const { record, registry } = resolved;
  const models = onnxModels(record);
  if (models.length !== 1) {
    const files = record.files.map((file) => file.path).join(', ');
    throw new InputError(
      models.length === 0
        ? `${record.uri} has no ONNX model to score (its files: ${files}); give baseline-metrics: ${record.uri} to compare with its registered metrics instead.`
        : `${record.uri} has several ONNX files (${models.map((file) => file.path).join(', ')}); the gate scores one model: register it on its own.`,
    );
  }
  const model = models[0]!;
  const path = join(directory, `${record.name}-v${record.version}.onnx`);
  await mkdir(directory, { recursive: true });
  await writeFile(path, await registry.readFile(record, model.path));
  return path;
}

/** The data profile registered with the version. */
export async function fetchProfile(resolved: ResolvedReference): Promise<ProfileDocument> {
  const { record, registry } = resolved;
  if (!record.files.some((file) => file.path === PROFILE_FILE)) {
    throw new InputError(`${record.uri} was registered without a data profile, so it cannot be a drift reference; register versions with register-model's profile input (validate-data's profile-output).`);
  }
  const bytes = await registry.readFile(record, PROFILE_FILE);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new InputError(`${record.uri}'s ${PROFILE_FILE} is not valid JSON (${(error as Error).message}).`);
  }
  return parseProfile(value, `${record.uri} ${PROFILE_FILE}`);
}
