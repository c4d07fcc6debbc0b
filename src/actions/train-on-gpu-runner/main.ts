import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CheckFailedError, InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { renderTrainingMarkdown } from '../../core/report/training-report.js';
import { trainingEnvironment } from '../../core/train/environment.js';
import { fingerprintData } from '../../core/train/fingerprints.js';
import { parseMetricPatterns } from '../../core/train/metric-patterns.js';
import { trainingRecord } from '../../core/train/record.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import { uploadDirectory } from '../../platform/github/artifacts.js';
import { restorePaths, savePaths } from '../../platform/github/cache.js';
import { cancellationSignal } from '../../platform/github/cancellation.js';
import type { metadata } from './metadata.js';
import { trainOnBackend } from './backends.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = resolve(inputs['working-directory']);
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) throw new InputError(`Input "working-directory": ${inputs['working-directory']} is not a directory.`);
  const patterns = parseMetricPatterns(inputs['metric-regex'] ?? []);
  const cachePaths = inputs['cache-paths'];
  if (cachePaths !== undefined && inputs['cache-key'] === undefined) throw new InputError('Input "cache-paths" needs "cache-key", the key the paths are cached under (e.g. data-${{ hashFiles(\'data/**\') }}).');
  const modelPath = resolve(cwd, inputs['model-path']);
  const data = await fingerprintData(inputs.data ?? [], cwd);
  if (cachePaths !== undefined) await restorePaths(cachePaths, inputs['cache-key'] as string, logger);

  const startedAt = new Date();
  const { signal, dispose } = cancellationSignal(logger);
  const outcome = await trainOnBackend(inputs, { cwd, modelPath, patterns, signal, logger, run }).finally(dispose);

  const record = trainingRecord(outcome, {
    command: inputs.run,
    params: inputs.params,
    seed: inputs.seed,
    startedAt,
    ...(run.sha === undefined ? {} : { gitSha: run.sha }),
    ...(run.runUrl === undefined ? {} : { runUrl: run.runUrl }),
    data,
    environment: inputs.backend === 'runner' ? await trainingEnvironment(cwd, process.env) : { node: process.version, packages: { image: inputs.image ?? '' } },
  });
  const where = outcome.trainingJobName === undefined ? `this runner${outcome.gpu === undefined ? ' (CPU)' : ''}` : `SageMaker training job ${outcome.trainingJobName} (${inputs['instance-type']} × ${inputs['instance-count']})`;
  summary.append(renderTrainingMarkdown(outcome, record, where));
  if (!outcome.succeeded) throw new CheckFailedError(`training failed: ${outcome.failure}`);

  const recordPath = join(dirname(modelPath), 'training-record.json');
  await writeFileAtomic(recordPath, `${JSON.stringify(record, null, 2)}\n`, 'The training record');
  if (cachePaths !== undefined) await savePaths(cachePaths, inputs['cache-key'] as string, logger);
  const artifactId = inputs['artifact-name'] === undefined ? undefined : await uploadDirectory(inputs['artifact-name'], modelPath, logger);

  setOutput('model-path', modelPath);
  setOutput('metrics', outcome.metrics);
  setOutput('gpu', outcome.gpu === undefined ? 'none' : outcome.gpu.gpus.map((gpu) => gpu.name).join(', '));
  setOutput('gpu-hours', Number((outcome.gpu?.gpuHours ?? 0).toFixed(6)));
  setOutput('duration-seconds', Number(outcome.durationSeconds.toFixed(3)));
  if (artifactId !== undefined) setOutput('artifact-id', artifactId);
  if (outcome.trainingJobName !== undefined) setOutput('training-job-name', outcome.trainingJobName);
  setOutput('record', recordPath);
}
