/**
 * `cd4ml registry list|show|promote|rollback|download`: the model registry from a terminal, in the
 * registry `--registry` names (default: CD4ML_REGISTRY, else the local `file://.cd4ml/registry`).
 * They run in-process on the same registry code the actions use; a `github` registry takes its
 * token from GITHUB_TOKEN.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { markdownTable } from 'markdown-table';
import { InputError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { checkAlias, checkModelName, parseReference, parseSelector } from '../core/registry/names.js';
import type { ModelRecord, ModelRegistry } from '../core/registry/types.js';
import { formatValue } from '../core/report/numbers.js';
import { readRunContext } from '../platform/github/context.js';
import { openRegistry } from '../platform/registry.js';
import type { CliCommand, CommandOption } from './data-commands.js';
import type { CliEnvironment } from './run-bundle.js';

export const LOCAL_REGISTRY = 'file://.cd4ml/registry';

/** The registry a local run uses when none is named: CD4ML_REGISTRY, else the local directory. */
export function localRegistry(env: NodeJS.ProcessEnv): string {
  const configured = env['CD4ML_REGISTRY']?.trim();
  return configured === undefined || configured === '' ? LOCAL_REGISTRY : configured;
}

/**
 * A local run of an action with a `registry` input uses the local registry unless one is named, so
 * `cd4ml register-model` works without a GitHub token; inside a workflow the action's default holds.
 */
export function withLocalRegistry(inputs: Readonly<Record<string, string>>, declared: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv): Record<string, string> {
  if (!Object.hasOwn(declared, 'registry') || inputs['registry'] !== undefined || env['GITHUB_ACTIONS'] === 'true') return { ...inputs };
  return { ...inputs, registry: localRegistry(env) };
}

const registryOption: CommandOption = {
  description: `Registry URI: file://<dir>, github://<owner>/<repo> (token from GITHUB_TOKEN), s3://<bucket>/<prefix> or sagemaker://<group>. Default: CD4ML_REGISTRY, else ${LOCAL_REGISTRY}.`,
  expected: 'a registry URI',
};
const modelOption = (what: string): CommandOption => ({ description: `The version ${what}: registry:<name>@<version|alias>.`, required: true, expected: 'registry:<name>@<version|alias>' });
const nameOption: CommandOption = { description: 'Model name.', required: true, expected: 'a model name' };
const aliasOption = (what: string): CommandOption => ({ description: what, required: true, expected: 'an alias such as production' });

function open(values: Readonly<Record<string, string>>, cli: CliEnvironment): ModelRegistry {
  return openRegistry(values['registry'] ?? localRegistry(cli.env), {
    what: '--registry',
    cwd: cli.cwd,
    run: readRunContext({ ...cli.env, GITHUB_EVENT_PATH: '' }),
    token: cli.env['GITHUB_TOKEN'],
    logger: quietLogger(cli),
  });
}

/** The registry and the version --model names in it. */
async function openModel(values: Readonly<Record<string, string>>, cli: CliEnvironment): Promise<{ registry: ModelRegistry; name: string; record: ModelRecord }> {
  const reference = parseReference(values['model'] as string, '--model');
  const registry = open(values, cli);
  return { registry, name: reference.name, record: await registry.resolve(reference.name, reference.selector) };
}

function quietLogger(cli: CliEnvironment): Logger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warning: (message) => cli.err(`warning: ${message}`),
    error: (message) => cli.err(`error: ${message}`),
    group: (_title, work) => work(),
  };
}

function actor(cli: CliEnvironment) {
  const user = cli.env['GITHUB_ACTOR'] ?? cli.env['USER'] ?? cli.env['USERNAME'];
  return user === undefined || user === '' ? {} : { actor: user };
}

const list: CliCommand = {
  id: 'registry list',
  description: 'List the models in a registry, or the versions of one with their aliases and metrics.',
  usage: 'cd4ml registry list [--name <model>] [--registry <uri>]',
  about: ['Without --name, lists the models. With it, one line per version: number, aliases, creation time, commit and metrics.'],
  options: { name: { ...nameOption, required: false }, registry: registryOption },
  async run(values, cli) {
    const registry = open(values, cli);
    if (values['name'] === undefined) {
      const models = await registry.models();
      cli.out(models.length === 0 ? `${registry.description} has no models yet.` : models.join('\n'));
      return 0;
    }
    const name = checkModelName(values['name'], '--name');
    const versions = await registry.list(name);
    const rows = versions.map((entry) => [
      `v${entry.version}`,
      entry.aliases.join(', '),
      entry.createdAt,
      entry.gitSha?.slice(0, 7) ?? '',
      Object.entries(entry.metrics)
        .slice(0, 4)
        .map(([metric, value]) => `${metric}=${formatValue(value)}`)
        .join(' '),
    ]);
    cli.out(markdownTable([['Version', 'Aliases', 'Created', 'Commit', 'Metrics'], ...rows]));
    return 0;
  },
};

const show: CliCommand = {
  id: 'registry show',
  description: 'Print the model record of a version (JSON).',
  usage: 'cd4ml registry show --model registry:<name>@<version|alias> [--registry <uri>]',
  about: ['Prints the record: files with sha256, metrics, gate result, params, lineage, environment and current aliases.'],
  options: { model: modelOption('to show'), registry: registryOption },
  async run(values, cli) {
    const { record } = await openModel(values, cli);
    cli.out(JSON.stringify(record, null, 2));
    return 0;
  },
};

const promote: CliCommand = {
  id: 'registry promote',
  description: 'Move an alias to a version (e.g. production to v7), with an audit entry.',
  usage: 'cd4ml registry promote --model registry:<name>@<version|alias> --alias <alias> [--registry <uri>]',
  about: ['Points --alias at the version --model names; the move (who, when, from which version) goes to the audit trail.'],
  options: { model: modelOption('the alias moves to'), alias: aliasOption('The alias to move.'), registry: registryOption },
  async run(values, cli) {
    const alias = checkAlias(values['alias'] as string, '--alias');
    const { registry, name, record: target } = await openModel(values, cli);
    const { previous } = await registry.setAlias(name, alias, target.version, actor(cli), 'promote', new Date());
    cli.out(`${name}@${alias} → v${target.version}${previous === undefined ? ' (new alias)' : previous === target.version ? ' (already there)' : ` (was v${previous})`}`);
    return 0;
  },
};

const rollback: CliCommand = {
  id: 'registry rollback',
  description: 'Move an alias back to the version it pointed at before its last move.',
  usage: 'cd4ml registry rollback --name <model> --alias <alias> [--to <version>] [--registry <uri>]',
  about: ['Reads the audit trail: the alias goes back to the version it had before the last move, or to --to.'],
  options: {
    name: nameOption,
    alias: aliasOption('The alias to roll back.'),
    to: { description: 'The version to go back to (default: the previous one).', expected: 'a version number' },
    registry: registryOption,
  },
  async run(values, cli) {
    const name = checkModelName(values['name'] as string, '--name');
    const alias = checkAlias(values['alias'] as string, '--alias');
    const registry = open(values, cli);
    let target: number;
    if (values['to'] !== undefined) {
      const selector = parseSelector(values['to'], '--to');
      target = (await registry.resolve(name, selector)).version;
    } else {
      const last = (await registry.history(name)).filter((event) => event.alias === alias).at(-1);
      if (last === undefined) throw new InputError(`${name}@${alias} has never been set in ${registry.description}; nothing to roll back.`);
      if (last.previous === undefined) throw new InputError(`${name}@${alias} had no version before v${last.version}; give --to <version> to move it elsewhere.`);
      target = last.previous;
    }
    const { previous } = await registry.setAlias(name, alias, target, actor(cli), 'rollback', new Date());
    cli.out(`${name}@${alias} → v${target}${previous === undefined ? '' : ` (was v${previous})`}`);
    return 0;
  },
};

const download: CliCommand = {
  id: 'registry download',
  description: "Download a version's files, each checked against its sha256.",
  usage: 'cd4ml registry download --model registry:<name>@<version|alias> [--output <dir>] [--registry <uri>]',
  about: ['Writes the model files (under model/), the data profile and record.json to --output (default: the model name and version).'],
  options: {
    model: modelOption('to download'),
    output: { description: 'Directory to write into (default: <name>-v<version>).', expected: 'a directory' },
    registry: registryOption,
  },
  async run(values, cli) {
    const { registry, record } = await openModel(values, cli);
    const output = values['output'] ?? `${record.name}-v${record.version}`;
    const directory = resolve(cli.cwd, output);
    const written = await registry.download(record, directory);
    await writeFile(resolve(directory, 'record.json'), `${JSON.stringify(record, null, 2)}\n`);
    cli.out(`Downloaded ${record.uri} to ${output}: ${[...written, 'record.json'].join(', ')}`);
    return 0;
  },
};

export const REGISTRY_COMMANDS: readonly CliCommand[] = [list, show, promote, rollback, download];
