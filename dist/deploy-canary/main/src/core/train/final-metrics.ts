/**
 * The final metrics the command wrote to CD4ML_METRICS_FILE: a JSON object of numbers (nested
 * objects are flattened with dots, as DVC does). The file must have been written by this training: an
 * older file left from an earlier run is refused rather than reported as this run's numbers.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { readMetricsJson } from '../gate/metrics-file.js';

export async function readFinalMetrics(path: string, shown: string, startedAtMs: number): Promise<Record<string, number>> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) {
    throw new InputError(`The training finished but wrote no metrics to ${shown} (CD4ML_METRICS_FILE); have it write its final metrics there as JSON, e.g. {"roc_auc": 0.83}.`);
  }
  if (info.mtimeMs + 1000 < startedAtMs) {
    throw new InputError(`${shown} (CD4ML_METRICS_FILE) is older than this training: the command did not write it; have it write its final metrics there as JSON.`);
  }
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown} (CD4ML_METRICS_FILE) is not valid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}; write the final metrics as a JSON object, e.g. {"roc_auc": 0.83}.`);
  }
  return Object.fromEntries(readMetricsJson(value, shown).values);
}
