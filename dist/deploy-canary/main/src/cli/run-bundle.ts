/**
 * Running an action's committed bundle as a runner step: `node dist/<action>/index.js` with the
 * step's environment, its stdout (workflow commands) shown in terminal form.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import { renderCommandLine } from './workflow-commands.js';

export interface CliEnvironment {
  /** The directory holding the bundles (`dist/`). */
  distDir: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface BundleDisplay {
  /**
   * Show only the step's errors, warnings and notices, not its log lines and groups: for commands
   * that print their own result. CD4ML_DEBUG=1 shows everything regardless.
   */
  annotationsOnly?: boolean;
}

const ANNOTATION = /^::(?:error|warning|notice)[ :]/;

/** Runs the bundle and resolves to its exit code. */
export async function runBundle(action: ActionMetadata, envVars: NodeJS.ProcessEnv, cli: CliEnvironment, display: BundleDisplay = {}): Promise<number> {
  const child = spawn(process.execPath, [join(cli.distDir, action.id, 'index.js')], {
    cwd: cli.cwd,
    env: envVars,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const verbose = cli.env['CD4ML_DEBUG'] === '1';
  const quiet = display.annotationsOnly === true && !verbose;
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (quiet && !ANNOTATION.test(line)) return;
    const rendered = renderCommandLine(line, verbose);
    if (rendered !== undefined) cli.out(rendered);
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal === null ? 1 : 128)));
  });
}
