/**
 * Runs the training command as a `run:` step would (bash with `-eo pipefail`, in its own process
 * group), streams its output line by line, keeps the last lines for the report, and stops the whole
 * process group — TERM, then KILL after a grace period — when the time is up or the run is cancelled.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface CommandOptions {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Between TERM and KILL. */
  graceMs?: number;
  signal?: AbortSignal;
  onLine: (line: string) => void;
  tailLines?: number;
}

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Why it was stopped, when it was: the timeout or a cancellation. */
  stopped?: 'timeout' | 'cancelled';
  durationMs: number;
  tail: string[];
}

/** bash as GitHub runs `shell: bash`, else sh -e. */
export function shellArgs(command: string): [string, string[]] {
  if (existsSync('/bin/bash') || existsSync('/usr/bin/bash')) return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command]];
  return ['sh', ['-e', '-c', command]];
}

export function runCommand(options: CommandOptions): Promise<CommandResult> {
  const started = Date.now();
  const tailLines = options.tailLines ?? 30;
  const tail: string[] = [];
  const [shell, args] = shellArgs(options.command);
  const child = spawn(shell, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped: CommandResult['stopped'];
  let killTimer: NodeJS.Timeout | undefined;

  const stopGroup = (why: 'timeout' | 'cancelled') => {
    if (stopped !== undefined || child.pid === undefined) return;
    stopped = why;
    signalGroup(child.pid, 'SIGTERM');
    killTimer = setTimeout(() => signalGroup(child.pid as number, 'SIGKILL'), options.graceMs ?? 10_000);
  };
  const timer = setTimeout(() => stopGroup('timeout'), options.timeoutMs);
  const onAbort = () => stopGroup('cancelled');
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener('abort', onAbort);

  const take = (line: string) => {
    tail.push(line);
    if (tail.length > tailLines) tail.shift();
    options.onLine(line);
  };
  const streams = [child.stdout, child.stderr].map(
    (stream) => new Promise<void>((resolve) => createInterface({ input: stream, crlfDelay: Infinity }).on('line', take).on('close', resolve)),
  );

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      void Promise.all(streams).then(() => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        // The shell is gone; make sure nothing it started outlives it.
        if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
        if (killTimer !== undefined) clearTimeout(killTimer);
        resolve({ exitCode, signal, ...(stopped === undefined ? {} : { stopped }), durationMs: Date.now() - started, tail });
      });
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
