/** register-model's inputs and the run's facts as one RegistrationRequest. */
import { readFile } from 'node:fs/promises';
import type { LoadedFile } from '../../core/inputs/parsers.js';
import { parseProfile } from '../../core/profile/profile.js';
import { checkTemplate } from '../../core/registry/model-card.js';
import { resolveModelFiles } from '../../core/registry/model-files.js';
import { checkAlias, checkModelName } from '../../core/registry/names.js';
import { metricsOf } from '../../core/registry/registration.js';
import { trainingInput } from '../../core/registry/training-input.js';
import type { Lineage, RegistrationRequest } from '../../core/registry/types.js';
import type { RunContext } from '../../platform/github/context.js';

export interface RequestInputs {
  name: string;
  model: string;
  metrics: LoadedFile<unknown> | undefined;
  profile: LoadedFile<unknown> | undefined;
  params: LoadedFile<unknown> | undefined;
  alias: string | undefined;
  template: string | undefined;
}

export async function registrationRequest(inputs: RequestInputs, run: RunContext, cwd: string, now: Date): Promise<RegistrationRequest> {
  const name = checkModelName(inputs.name, 'Input "name"');
  const alias = inputs.alias === undefined ? undefined : checkAlias(inputs.alias, 'Input "alias"');
  const files = await resolveModelFiles(inputs.model, cwd);
  const measured = inputs.metrics === undefined ? { metrics: {} } : metricsOf(inputs.metrics.value, inputs.metrics.path);
  const training = inputs.params === undefined ? { params: {}, environment: {} } : trainingInput(inputs.params.value, inputs.params.path);
  const profile = inputs.profile === undefined ? undefined : { text: `${JSON.stringify(inputs.profile.value)}\n`, document: parseProfile(inputs.profile.value, inputs.profile.path) };
  const lineage: Lineage = {
    ...(run.sha === undefined ? {} : { gitSha: run.sha }),
    ...(run.repository === undefined ? {} : { repository: `${run.repository.owner}/${run.repository.repo}` }),
    ...(run.refName === undefined ? {} : { ref: run.refName }),
    ...(run.runId === undefined ? {} : { runId: run.runId }),
    ...(run.runAttempt === undefined ? {} : { runAttempt: run.runAttempt }),
    ...(run.runUrl === undefined ? {} : { runUrl: run.runUrl }),
    ...(run.workflow === undefined ? {} : { workflow: run.workflow }),
    ...(run.actor === undefined ? {} : { actor: run.actor }),
    ...('dataFingerprint' in training && training.dataFingerprint !== undefined ? { dataFingerprint: training.dataFingerprint } : {}),
  };
  const template = inputs.template === undefined ? undefined : await readFile(inputs.template, 'utf8');
  if (template !== undefined) checkTemplate(template, inputs.template as string, Object.keys(measured.metrics));
  return {
    name,
    files,
    metrics: measured.metrics,
    ...(measured.gate === undefined ? {} : { gate: measured.gate }),
    params: training.params,
    ...(profile === undefined ? {} : { profile }),
    lineage,
    environment: training.environment,
    ...(alias === undefined ? {} : { alias }),
    ...(template === undefined ? {} : { cardTemplate: template }),
    now,
  };
}
