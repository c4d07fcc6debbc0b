/**
 * `cd4ml <action> --<input> <value>`: runs an action's committed bundle exactly as the runner
 * would — inputs as INPUT_ variables with the metadata's defaults, outputs through GITHUB_OUTPUT, the
 * report through GITHUB_STEP_SUMMARY — and shows the result in terminal form.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ACTIONS, findAction } from '../actions/catalog.js';
import { describeError } from '../core/errors.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import { parseActionArgs } from './args.js';
import { actionHelp, overviewHelp } from './help.js';
import { parseOutputFile } from './output-file.js';
import { runnerInputEnv, withoutInputs } from './runner-env.js';
import { renderCommandLine } from './workflow-commands.js';

export interface CliEnvironment {
  /** The directory holding the bundles (`dist/`). */
  distDir: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

async function runBundle(action: ActionMetadata, envVars: NodeJS.ProcessEnv, cli: CliEnvironment): Promise<number> {
  const child = spawn(process.execPath, [join(cli.distDir, action.id, 'index.js')], {
    cwd: cli.cwd,
    env: envVars,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const verbose = cli.env['CD4ML_DEBUG'] === '1';
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const rendered = renderCommandLine(line, verbose);
    if (rendered !== undefined) cli.out(rendered);
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal === null ? 1 : 128)));
  });
}

async function runActionCommand(action: ActionMetadata, argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const args = parseActionArgs(action, argv);
  if (args.help) {
    cli.out(actionHelp(action));
    return 0;
  }
  const reportFile = resolve(cli.cwd, args.reportFile ?? join('.cd4ml', `${action.id}-report.md`));
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, '');
  const scratch = mkdtempSync(join(tmpdir(), 'cd4ml-'));
  const outputFile = join(scratch, 'output');
  writeFileSync(outputFile, '');
  try {
    const code = await runBundle(
      action,
      {
        ...withoutInputs(cli.env),
        ...runnerInputEnv(action, args.inputs, cli.env),
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: reportFile,
      },
      cli,
    );
    const outputs = Object.entries(parseOutputFile(readFileSync(outputFile, 'utf8')));
    if (outputs.length > 0) cli.out(['Outputs:', ...outputs.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
    if (statSync(reportFile).size > 0) cli.out(`Report: ${reportFile}`);
    else rmSync(reportFile);
    return code;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the CLI and returns its exit code: 0 success, 1 the action failed, 2 a usage error. */
export async function runCli(argv: readonly string[], cli: CliEnvironment): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? cli.err : cli.out)(overviewHelp(ACTIONS));
    return command === undefined ? 2 : 0;
  }
  const action = findAction(command);
  if (action === undefined) {
    cli.err(`error: unknown action ${JSON.stringify(command)}: expected one of ${ACTIONS.map((a) => a.id).join(', ')}. See \`cd4ml --help\`.`);
    return 2;
  }
  try {
    return await runActionCommand(action, rest, cli);
  } catch (error) {
    cli.err(`error: ${describeError(error)}`);
    return 2;
  }
}
