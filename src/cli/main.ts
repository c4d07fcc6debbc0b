/**
 * `cd4ml <action> --<input> <value>`: runs an action's committed bundle exactly as the runner
 * would — inputs as INPUT_ variables with the metadata's defaults, outputs through GITHUB_OUTPUT, the
 * report through GITHUB_STEP_SUMMARY — and shows the result in terminal form. `cd4ml <command>` runs
 * one of the CLI's own commands (data-commands.ts), which run an action's bundle with fixed inputs.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ACTIONS, findAction } from '../actions/catalog.js';
import { describeError, InputError } from '../core/errors.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import { nearNames, parseActionArgs, parseArgs } from './args.js';
import { type CliCommand, COMMANDS, findCommand } from './data-commands.js';
import { actionHelp, commandHelp, overviewHelp } from './help.js';
import type { CliEnvironment } from './run-bundle.js';
import { REGISTRY_COMMANDS, withLocalRegistry } from './registry-commands.js';
import { runStep } from './run-step.js';

/** Output values longer than this are written to a file rather than printed. */
const LONG_OUTPUT = 300;

export type { CliEnvironment } from './run-bundle.js';

async function runActionCommand(action: ActionMetadata, argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const args = parseActionArgs(action, argv);
  if (args.help) {
    cli.out(actionHelp(action));
    return 0;
  }
  const reportFile = resolve(cli.cwd, args.reportFile ?? join('.cd4ml', `${action.id}-report.md`));
  mkdirSync(dirname(reportFile), { recursive: true });
  const { code, outputs } = await runStep(action, withLocalRegistry(args.inputs, action.inputs, cli.env), cli, { summaryFile: reportFile });
  const shown = Object.entries(outputs).map(([name, value]) => {
    if (value.length <= LONG_OUTPUT) return `  ${name}: ${value}`;
    // A long value (a JSON document) goes to a file next to the report; the terminal gets its path.
    const file = join(dirname(reportFile), `${action.id}-${name}${/^[[{]/.test(value) ? '.json' : '.txt'}`);
    writeFileSync(file, `${value}\n`);
    return `  ${name}: (${value.length.toLocaleString('en-US')} characters) ${file}`;
  });
  if (shown.length > 0) cli.out(['Outputs:', ...shown].join('\n'));
  if (statSync(reportFile).size > 0) cli.out(`Report: ${reportFile}`);
  else rmSync(reportFile);
  return code;
}

async function runCommand(command: CliCommand, argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const { values, help } = parseArgs(
    { command: command.id, options: command.options, listed: 'options', ...(command.elsewhere === undefined ? {} : { elsewhere: command.elsewhere }) },
    argv,
  );
  if (help) {
    cli.out(commandHelp(command));
    return 0;
  }
  for (const [name, option] of Object.entries(command.options)) {
    if (option.required === true && values[name] === undefined) {
      throw new InputError(`cd4ml ${command.id} needs --${name}: expected ${option.expected}. See \`cd4ml ${command.id} --help\`.`);
    }
  }
  return command.run(values, cli);
}

function unknownCommand(word: string): string {
  // Subcommands (`registry list`) are listed by their first word.
  const words = [...new Set(COMMANDS.map((command) => command.id.split(' ')[0] as string))];
  const near = nearNames(word, [...ACTIONS.map((action) => action.id), ...words]);
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : '';
  const actions = ACTIONS.map((action) => action.id).join(', ');
  const commands = words.join(', ');
  return `error: unknown command ${JSON.stringify(word)}: expected an action (${actions}) or ${commands}.${hint} See \`cd4ml --help\`.`;
}

/** Runs the CLI and returns its exit code: 0 success, 1 the action failed, 2 a usage error. */
export async function runCli(argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const [word, ...rest] = argv;
  if (word === undefined || word === '--help' || word === '-h' || word === 'help') {
    (word === undefined ? cli.err : cli.out)(overviewHelp(ACTIONS, COMMANDS));
    return word === undefined ? 2 : 0;
  }
  if (word === 'registry') return runRegistryCommand(rest, cli);
  const action = findAction(word);
  const command = findCommand(word);
  if (action === undefined && command === undefined) {
    cli.err(unknownCommand(word));
    return 2;
  }
  try {
    return action === undefined ? await runCommand(command as CliCommand, rest, cli) : await runActionCommand(action, rest, cli);
  } catch (error) {
    cli.err(`error: ${describeError(error)}`);
    return 2;
  }
}

async function runRegistryCommand(argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const [sub, ...rest] = argv;
  const command = sub === undefined ? undefined : findCommand(`registry ${sub}`);
  if (command === undefined) {
    const known = REGISTRY_COMMANDS.map((entry) => entry.id.replace(/^registry /, '')).join(', ');
    cli.err(`error: ${sub === undefined ? 'cd4ml registry needs a command' : `unknown registry command ${JSON.stringify(sub)}`}: expected one of ${known}. See \`cd4ml --help\`.`);
    return 2;
  }
  try {
    return await runCommand(command, rest, cli);
  } catch (error) {
    cli.err(`error: ${describeError(error)}`);
    return 2;
  }
}
