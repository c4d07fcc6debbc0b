import { NotImplementedError } from '../../core/errors.js';
import { describeOnnxModel } from '../../core/inference/onnx-runtime.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import type { metadata } from './metadata.js';

export async function main({ inputs, logger }: ContextOf<typeof metadata>): Promise<void> {
  if (inputs.model !== undefined) {
    const model = await describeOnnxModel(inputs.model);
    logger.info(
      `Loaded ${model.path} (sha256 ${model.sha256}): inputs ${model.inputNames.join(', ')}; outputs ${model.outputNames.join(', ')}.`,
    );
  }
  throw new NotImplementedError('Metric evaluation and gating (evaluate-gate)');
}
