/**
 * Prediction drift: the model scores the reference rows and the current rows (onnxruntime-node, in
 * batches), and the two prediction distributions are compared like a column — P(class 1) for a model
 * with one or two outputs per row, the predicted class for one with more. The reference must be data
 * (a stored profile has no rows to score).
 */
import { classifyValue, newCell } from '../data/cell.js';
import { resolveSources } from '../data/resolve-sources.js';
import type { ObjectStore } from '../data/source.js';
import { InputError } from '../errors.js';
import { readDataColumns, readEvaluationTable } from '../evaluation/evaluation-table.js';
import { openModel, planInputs, releaseModel, scoreModel, type InputPlan, type LoadedModel } from '../inference/score-model.js';
import { ColumnProfile } from '../profile/column-profile.js';
import type { ProfiledType } from '../profile/profile.js';
import { type ColumnDrift, type ColumnOverrides, compareColumn, type ColumnSide } from './compare-column.js';

export const PREDICTION_COLUMN = 'prediction';

export interface PredictionDriftOptions {
  model: string;
  reference: string;
  current: string;
  features?: readonly string[] | undefined;
  cwd: string;
  store: () => ObjectStore;
  overrides?: ColumnOverrides;
}

async function predictionsOf(spec: string, model: LoadedModel, plan: InputPlan, options: PredictionDriftOptions): Promise<ColumnSide> {
  const sources = await resolveSources([spec], { cwd: options.cwd, ...(spec.startsWith('s3://') ? { store: options.store() } : {}) });
  const table = await readEvaluationTable(sources, { format: 'auto', features: plan.features, categorical: [] });
  const predictions = await scoreModel(model, plan, table);
  const { width, values, rows } = predictions;
  const profile = new ColumnProfile();
  const cell = newCell();
  let scratch: Buffer = Buffer.alloc(64);
  let type: ProfiledType = 'number';
  for (let row = 0; row < rows; row += 1) {
    let value: number;
    if (width <= 2) value = values[row * width + width - 1]!;
    else {
      let best = 0;
      for (let c = 1; c < width; c += 1) if (values[row * width + c]! > values[row * width + best]!) best = c;
      value = best;
      type = 'category';
    }
    scratch = classifyValue(cell, value, scratch);
    profile.add(cell);
  }
  return { type, profile };
}

/** Throws unless both sides are data (a profile has no rows to score); call it before any work. */
export function checkPredictionInputs(reference: string, current: string): void {
  for (const [input, spec] of [['reference', reference], ['current', current]] as const) {
    if (/\.json$/i.test(spec) || spec.startsWith('registry:')) {
      throw new InputError(`Input "model": prediction drift scores the ${input} rows, but "${input}" is ${spec}, not data; give the ${input} as a dataset (the data the profile was made from).`);
    }
  }
}

export async function predictionDrift(options: PredictionDriftOptions): Promise<ColumnDrift> {
  checkPredictionInputs(options.reference, options.current);
  const model = await openModel(options.model);
  try {
    const [first] = await resolveSources([options.reference], { cwd: options.cwd, ...(options.reference.startsWith('s3://') ? { store: options.store() } : {}) });
    const plan = planInputs(model, options.features, await readDataColumns(first!, 'auto'));
    const reference = await predictionsOf(options.reference, model, plan, options);
    const current = await predictionsOf(options.current, model, plan, options);
    return compareColumn(PREDICTION_COLUMN, reference, current, options.overrides ?? {});
  } finally {
    await releaseModel(model);
  }
}
