/**
 * `cd4ml profile` and `cd4ml infer-schema`: the validate-data bundle with a fixed set of inputs (no
 * schema, `fail-on: never`, no PR comment) for the two files a project starts from: the data profile
 * (the drift reference) and a first schema to review and commit. Only the step's errors and warnings
 * are shown; the command prints its own result.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { metadata as validateData } from '../actions/validate-data/metadata.js';
import { InputError } from '../core/errors.js';
import { parseProfile, type ProfileDocument } from '../core/profile/profile.js';
import type { OptionSyntax } from './args.js';
import { demo } from './demo/command.js';
import { REGISTRY_COMMANDS } from './registry-commands.js';
import { serve } from './serve-command.js';
import type { CliEnvironment } from './run-bundle.js';
import { runStep } from './run-step.js';

export interface CommandOption extends OptionSyntax {
  description: string;
  required?: boolean;
  default?: string;
}

/** A command of the CLI's own, listed after the actions in `cd4ml --help`. */
export interface CliCommand {
  id: string;
  /** One line for `cd4ml --help`. */
  description: string;
  usage: string;
  /** What the command does, for its `--help`: paragraphs, wrapped; one that starts with two spaces is shown as is. */
  about: readonly string[];
  options: Readonly<Record<string, CommandOption>>;
  /** Extra words for an unknown option (see CommandSyntax.elsewhere). */
  elsewhere?: (option: string) => string | undefined;
  /** Runs the command with its parsed options; resolves to the exit code. */
  run(values: Readonly<Record<string, string>>, cli: CliEnvironment): Promise<number>;
}

export const DEFAULT_PROFILE_OUTPUT = '.cd4ml/profile.json';

const QUIET_NOTE = "Only the step's errors and warnings are shown; CD4ML_DEBUG=1 shows its whole log.";

const dataOption: CommandOption = {
  description:
    'The dataset: a file path, a glob of shards (e.g. `data/part-*.csv`), or an `s3://bucket/key` URI. Repeat the option to read several as one dataset.',
  required: true,
  expected: validateData.inputs.data.parser.expected,
  repeatable: true,
};

const formatOption: CommandOption = {
  description: validateData.inputs.format.description,
  default: validateData.inputs.format.default,
  expected: validateData.inputs.format.parser.expected,
};

/** Where a file goes: the path as the user wrote it (for messages) and resolved (for the step). */
interface Target {
  shown: string;
  path: string;
}

function target(given: string, cli: CliEnvironment): Target {
  const path = resolve(cli.cwd, given);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new InputError(`--output ${given} is a directory; give the path of a file in it.`);
  }
  return { shown: given, path };
}

/** Runs validate-data in a scratch runner environment, reads what it wrote, and removes the scratch. */
async function runValidateData<T>(
  inputs: (scratch: string) => Record<string, string>,
  cli: CliEnvironment,
  then: (code: number, scratch: string) => T,
): Promise<T> {
  const scratch = mkdtempSync(join(tmpdir(), 'cd4ml-'));
  try {
    const { code } = await runStep(validateData, { ...inputs(scratch), 'fail-on': 'never', comment: 'false' }, cli, {
      // The step's own scratch files (its JSON report) stay in this run's directory.
      env: { RUNNER_TEMP: scratch },
      annotationsOnly: true,
    });
    return then(code, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The inputs both commands pass through: --data and --format. */
function dataInputs(values: Readonly<Record<string, string>>): Record<string, string> {
  const inputs: Record<string, string> = { data: values['data'] as string };
  if (values['format'] !== undefined) inputs['format'] = values['format'];
  return inputs;
}

function readProfile(path: string): ProfileDocument {
  return parseProfile(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}

/** Hints for options of validate-data given to a command that sets them itself. */
function validateDataHint(renamed: Readonly<Record<string, string>>): (option: string) => string | undefined {
  return (option) => {
    const here = Object.hasOwn(renamed, option) ? renamed[option] : undefined;
    if (here !== undefined) return `here it is --${here}`;
    if (Object.hasOwn(validateData.inputs, option)) return `--${option} is an input of \`cd4ml validate-data\``;
    return undefined;
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "5000 rows, 11 columns: 5 integer, 2 category, 1 date, …" (types in order of first column). */
export function profileSummary(profile: ProfileDocument): string {
  const types = new Map<string, number>();
  for (const column of profile.columns) types.set(column.type, (types.get(column.type) ?? 0) + 1);
  const breakdown = [...types].map(([type, count]) => `${count} ${type}`).join(', ');
  return `${plural(profile.rows, 'row')}, ${plural(profile.columns.length, 'column')}${breakdown === '' ? '' : `: ${breakdown}`}.`;
}

const profile: CliCommand = {
  id: 'profile',
  description: `Profile a dataset and write its profile JSON, the drift reference (default ${DEFAULT_PROFILE_OUTPUT}).`,
  usage: 'cd4ml profile --data <path|glob|s3://…> [--format <format>] [--output <profile.json>]',
  about: [
    'Runs validate-data with profile-output set to --output, no schema and fail-on never: it reads the data, writes ' +
      'its profile and fails only when the data cannot be read. The profile is the reference that check-drift compares ' +
      'recent data with.',
    QUIET_NOTE,
  ],
  options: {
    data: dataOption,
    format: formatOption,
    output: {
      description: 'Where to write the profile JSON. An existing file there is replaced.',
      default: DEFAULT_PROFILE_OUTPUT,
      expected: 'a file path to write',
    },
  },
  elsewhere: validateDataHint({ 'profile-output': 'output' }),
  async run(values, cli) {
    const output = target(values['output'] ?? DEFAULT_PROFILE_OUTPUT, cli);
    return runValidateData(() => ({ ...dataInputs(values), 'profile-output': output.path }), cli, (code) => {
      if (code !== 0) return code;
      const document = readProfile(output.path);
      cli.out(`Wrote the profile to ${output.shown}.`);
      cli.out(profileSummary(document));
      return 0;
    });
  },
};

const inferSchema: CliCommand = {
  id: 'infer-schema',
  description: 'Infer a starting schema from a dataset and write it to --output as YAML, to review and commit.',
  usage: 'cd4ml infer-schema --data <path|glob|s3://…> --output <schema.yaml> [--format <format>] [--force]',
  about: [
    "Runs validate-data with write-schema set to --output, no schema and fail-on never. The schema states what this " +
      "data was (each column's type, nulls, range and categories, and the table's size), not yet what data must be: " +
      'review and tighten it, commit it, then check data against it:',
    '  cd4ml validate-data --data <path|glob|s3://…> --schema <schema.yaml>',
    QUIET_NOTE,
  ],
  options: {
    data: dataOption,
    format: formatOption,
    output: {
      description:
        'Where to write the schema (YAML), e.g. `data/schema.yaml`. There is no default: the schema is a file of the project, committed beside its data or code.',
      required: true,
      expected: 'a file path to write',
    },
    force: {
      description: 'Replace --output if it exists. Without it an existing file is left alone and nothing runs.',
      expected: 'true or false',
      flag: true,
    },
  },
  elsewhere: validateDataHint({ 'write-schema': 'output' }),
  async run(values, cli) {
    const force = values['force'] ?? 'false';
    if (force !== 'true' && force !== 'false') {
      throw new InputError(`Option --force takes no value, or true or false, but got ${JSON.stringify(force)}.`);
    }
    const output = target(values['output'] as string, cli);
    if (force === 'false' && existsSync(output.path)) {
      throw new InputError(`${output.shown} already exists; pass --force to overwrite it.`);
    }
    const profilePath = (scratch: string) => join(scratch, 'profile.json');
    return runValidateData(
      (scratch) => ({ ...dataInputs(values), 'write-schema': output.path, 'profile-output': profilePath(scratch) }),
      cli,
      (code, scratch) => {
        if (code !== 0) return code;
        const document = readProfile(profilePath(scratch));
        cli.out(`Wrote an inferred schema to ${output.shown} (${plural(document.columns.length, 'column')}, from ${plural(document.rows, 'row')}).`);
        cli.out('Review it before committing: its rules state what this data was, not yet what data must be.');
        return 0;
      },
    );
  },
};

export const COMMANDS: readonly CliCommand[] = [demo, profile, inferSchema, serve, ...REGISTRY_COMMANDS];

export function findCommand(id: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.id === id);
}
