/**
 * The GPUs of this machine, through `nvidia-smi`: what they are (`--query-gpu=index,name,
 * memory.total,driver_version`, and the CUDA version from the plain header), and how busy they are
 * while training runs (`--query-gpu=index,utilization.gpu,memory.used -l <seconds>`, one CSV line
 * per GPU per interval, streamed). No `nvidia-smi`, or one that cannot reach a driver, means no GPU.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { GpuInfo, GpuSample, GpuUsage } from './types.js';

export type GpuProbe = { found: true; gpus: GpuInfo[] } | { found: false; reason: string };

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000, maxBuffer: 4 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' });
    });
  });
}

/** Parses `nvidia-smi --query-gpu=index,name,memory.total,driver_version --format=csv,noheader,nounits`. */
export function parseGpuList(csv: string): GpuInfo[] {
  return csv
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [index, name, memory, driver] = line.split(',').map((field) => field.trim());
      return { index: Number(index), name: name ?? '', memoryTotalMiB: Number(memory), driverVersion: driver ?? '' };
    })
    .filter((gpu) => Number.isInteger(gpu.index) && gpu.name !== '');
}

/** The "CUDA Version: 12.4" of nvidia-smi's header. */
export function parseCudaVersion(header: string): string | undefined {
  return /CUDA Version:\s*([0-9.]+)/.exec(header)?.[1];
}

export async function probeGpus(command = 'nvidia-smi'): Promise<GpuProbe> {
  const list = await run(command, ['--query-gpu=index,name,memory.total,driver_version', '--format=csv,noheader,nounits']);
  if (list.missing) return { found: false, reason: 'nvidia-smi is not installed (no NVIDIA driver on this machine)' };
  if (list.code !== 0) {
    const said = `${list.stdout}\n${list.stderr}`.trim().split('\n')[0] ?? '';
    return { found: false, reason: `nvidia-smi failed (exit ${list.code}${said === '' ? '' : `: ${said}`})` };
  }
  const gpus = parseGpuList(list.stdout);
  if (gpus.length === 0) return { found: false, reason: 'nvidia-smi lists no GPU' };
  const header = await run(command, []);
  const cuda = header.code === 0 ? parseCudaVersion(header.stdout) : undefined;
  return { found: true, gpus: cuda === undefined ? gpus : gpus.map((gpu) => ({ ...gpu, cudaVersion: cuda })) };
}

/** Parses one sample line: `index, utilization.gpu, memory.used` without units. */
export function parseSampleLine(line: string, atMs: number): GpuSample | undefined {
  const [index, utilization, memory] = line.split(',').map((field) => Number(field.trim()));
  if (index === undefined || utilization === undefined || memory === undefined) return undefined;
  if (![index, utilization, memory].every(Number.isFinite)) return undefined;
  return { atMs, index, utilization, memoryUsedMiB: memory };
}

/** Samples every `intervalSeconds` until stopped; stop() resolves with every sample taken. */
export function startGpuSampler(intervalSeconds: number, now: () => number, command = 'nvidia-smi'): { stop(): Promise<GpuSample[]> } {
  const started = now();
  const samples: GpuSample[] = [];
  let child: ChildProcess | undefined;
  try {
    child = spawn(command, ['--query-gpu=index,utilization.gpu,memory.used', '--format=csv,noheader,nounits', '-l', String(intervalSeconds)], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    child = undefined;
  }
  const closed = new Promise<void>((resolve) => {
    if (child === undefined) return resolve();
    child.on('error', () => resolve());
    child.on('close', () => resolve());
    if (child.stdout !== null) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const sample = parseSampleLine(line, now() - started);
        if (sample !== undefined) samples.push(sample);
      });
    }
  });
  return {
    async stop() {
      child?.kill('SIGTERM');
      await closed;
      return samples;
    },
  };
}

/** Peak memory, mean utilisation and GPU-hours from the samples and the wall time. */
export function summarizeUsage(gpus: GpuInfo[], samples: readonly GpuSample[], wallSeconds: number): GpuUsage {
  const peak = samples.reduce((max, sample) => Math.max(max, sample.memoryUsedMiB), 0);
  const mean = samples.length === 0 ? 0 : samples.reduce((sum, sample) => sum + sample.utilization, 0) / samples.length;
  return { gpus, samples: samples.length, peakMemoryMiB: peak, meanUtilization: mean, gpuHours: (gpus.length * wallSeconds) / 3600 };
}
