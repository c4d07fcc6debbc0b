/**
 * One action step, run as the runner runs it: its committed bundle with the inputs as INPUT_
 * variables (the metadata's defaults for the rest), a fresh GITHUB_OUTPUT, GITHUB_STATE and job
 * summary, and what it left there read back. `cd4ml <action>` and `cd4ml demo` run steps so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import { parseOutputFile } from './output-file.js';
import { type BundleDisplay, type CliEnvironment, runBundle } from './run-bundle.js';
import { runnerInputEnv, withoutInputs } from './runner-env.js';

export interface StepResult {
  /** The bundle's exit code: 0 success, 1 the step failed. */
  code: number;
  outputs: Record<string, string>;
  /** The job summary the step wrote (the report it would post). */
  summary: string;
}

export interface StepOptions extends BundleDisplay {
  /** Variables added to (or, when undefined, removed from) the CLI's environment for this step. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the step's job summary goes; by default a scratch file read into `summary`. */
  summaryFile?: string;
}

export async function runStep(
  action: ActionMetadata,
  inputs: Readonly<Record<string, string>>,
  cli: CliEnvironment,
  options: StepOptions = {},
): Promise<StepResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'cd4ml-step-'));
  const files = { output: join(scratch, 'output'), state: join(scratch, 'state'), summary: options.summaryFile ?? join(scratch, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  try {
    const env: NodeJS.ProcessEnv = { ...withoutInputs(cli.env) };
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    const code = await runBundle(
      action,
      {
        ...env,
        ...runnerInputEnv(action, inputs, env),
        GITHUB_OUTPUT: files.output,
        GITHUB_STATE: files.state,
        GITHUB_STEP_SUMMARY: files.summary,
      },
      cli,
      options,
    );
    return { code, outputs: parseOutputFile(readFileSync(files.output, 'utf8')), summary: readFileSync(files.summary, 'utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
