import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { checkAlias, checkModelName, parseSelector } from '../../core/registry/names.js';
import type { ModelRecord } from '../../core/registry/types.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import { attestFiles } from '../../platform/github/attest.js';
import { openRegistry } from '../../platform/registry.js';
import type { metadata } from './metadata.js';
import { registrationRequest } from './registration-request.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = process.cwd();
  const token = inputs['github-token'];
  const registry = openRegistry(inputs.registry, { what: 'Input "registry"', cwd, run, token, logger });
  const scratch = join(process.env['RUNNER_TEMP'] || tmpdir(), 'cd4ml', 'register-model');
  const actor = { ...(run.actor === undefined ? {} : { actor: run.actor }), ...(run.runUrl === undefined ? {} : { runUrl: run.runUrl }), ...(run.sha === undefined ? {} : { gitSha: run.sha }) };

  if (inputs.promote !== undefined) {
    if (inputs.alias === undefined) throw new InputError('Input "promote" moves an alias: set "alias" to the alias to move (e.g. production).');
    if (inputs.model !== undefined) throw new InputError('Set either "model" (register a new version) or "promote" (move an alias to an existing one), not both.');
    const name = checkModelName(inputs.name, 'Input "name"');
    const alias = checkAlias(inputs.alias, 'Input "alias"');
    const selector = parseSelector(inputs.promote, 'Input "promote"');
    const target = await registry.resolve(name, selector);
    const { previous } = await registry.setAlias(name, alias, target.version, actor, 'promote', new Date());
    logger.info(`${name}@${alias} → v${target.version}${previous === undefined ? ' (a new alias)' : previous === target.version ? ' (already there)' : ` (was v${previous})`} in ${registry.description}.`);
    await writeOutputs({ ...target, aliases: [...new Set([...target.aliases, alias])].sort() }, undefined, previous);
    return;
  }

  if (inputs.model === undefined) throw new InputError('Nothing to register: set "model" (the model file, directory or glob), or "promote" with "alias" to move an alias.');
  const request = await registrationRequest(
    { name: inputs.name, model: inputs.model, metrics: inputs.metrics, profile: inputs.profile, params: inputs.params, alias: inputs.alias, template: inputs['model-card-template'] },
    run,
    cwd,
    new Date(),
  );
  if (inputs.attest) {
    const attestation = await attestFiles(request.files.map((file) => ({ name: `${request.name}/${file.path}`, sha256: file.sha256 })), { token, run, logger });
    request.attestation = attestation;
  }
  const result = await registry.register(request);
  const { record } = result;
  logger.info(
    result.created
      ? `Registered ${record.uri} in ${registry.description}${request.alias === undefined ? '' : `; ${request.alias} → v${record.version}${result.previousVersion === undefined ? '' : ` (was v${result.previousVersion})`}`}.`
      : `${record.uri} already holds this run's registration; nothing new was made.`,
  );
  summary.append(result.card);
  await writeOutputs(record, result.card, result.previousVersion);

  async function writeOutputs(record: ModelRecord, card: string | undefined, previous: number | undefined): Promise<void> {
    const recordPath = join(scratch, `${record.name}-v${record.version}.record.json`);
    await writeFileAtomic(recordPath, `${JSON.stringify(record, null, 2)}\n`, 'The model record');
    setOutput('version', record.version);
    setOutput('uri', record.uri);
    setOutput('record', recordPath);
    if (card !== undefined) {
      const cardPath = join(scratch, `${record.name}-v${record.version}.model-card.md`);
      await writeFileAtomic(cardPath, card, 'The model card');
      setOutput('model-card', cardPath);
    }
    if (previous !== undefined) setOutput('previous-version', previous);
  }
}
