/**
 * The `params` input of register-model: a JSON object of training parameters, or the
 * `training-record.json` train-on-gpu-runner writes next to the model (format
 * `cd4ml-training-record`), from which the parameters, the seed, the package versions and the data
 * fingerprints are taken.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { TRAINING_RECORD_FORMAT } from '../train/types.js';


export interface TrainingInput {
  params: Record<string, unknown>;
  environment: Record<string, string>;
  /** One sha256 for the training data: the file's own, or one over all files' paths and hashes. */
  dataFingerprint?: string;
}

interface TrainingRecordShape {
  format: typeof TRAINING_RECORD_FORMAT;
  params?: unknown;
  seed?: unknown;
  data?: Array<{ path?: unknown; sha256?: unknown }>;
  environment?: { packages?: Record<string, unknown> } & Record<string, unknown>;
}

export function trainingInput(value: unknown, origin: string): TrainingInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`Input "params": ${origin} is not a JSON object; give the training parameters as {"name": value, …} or a training-record.json.`);
  }
  const record = value as Partial<TrainingRecordShape>;
  if (record.format !== TRAINING_RECORD_FORMAT) return { params: value as Record<string, unknown>, environment: {} };

  const params = typeof record.params === 'object' && record.params !== null && !Array.isArray(record.params) ? { ...(record.params as Record<string, unknown>) } : {};
  if (typeof record.seed === 'number' && params['seed'] === undefined) params['seed'] = record.seed;
  const environment: Record<string, string> = {};
  for (const [key, inner] of Object.entries(record.environment ?? {})) {
    if (key === 'packages' && typeof inner === 'object' && inner !== null) {
      for (const [name, version] of Object.entries(inner as Record<string, unknown>)) environment[name] = String(version);
    } else if (typeof inner === 'string') {
      environment[key] = inner;
    }
  }
  const data = (Array.isArray(record.data) ? record.data : []).filter(
    (entry): entry is { path: string; sha256: string } => typeof entry?.path === 'string' && typeof entry.sha256 === 'string',
  );
  const dataFingerprint =
    data.length === 0
      ? undefined
      : data.length === 1
        ? data[0]!.sha256
        : createHash('sha256')
            .update(data.map((entry) => `${entry.sha256}  ${entry.path}`).sort().join('\n'))
            .digest('hex');
  return { params, environment, ...(dataFingerprint === undefined ? {} : { dataFingerprint }) };
}
