import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'train-on-gpu-runner',
  name: 'cd4ml train-on-gpu-runner',
  description: 'Run your training on a GPU runner or a SageMaker training job, reproducibly, with GPU metrics and a lineage record.',
  branding: { icon: 'cpu', color: 'purple' },
  inputs,
  outputs: {
    'model-path': 'Path of the trained model.',
    metrics: 'Final metrics as JSON.',
    gpu: 'The GPU(s) used, or `none`.',
    'gpu-hours': 'GPU-hours consumed.',
    'duration-seconds': 'Wall-clock training time.',
    'artifact-id': 'ID of the uploaded model artifact.',
    'training-job-name': 'SageMaker training job name.',
    record: 'Path of training-record.json (lineage for register-model).',
  },
});
