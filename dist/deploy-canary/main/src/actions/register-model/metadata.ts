import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'register-model',
  name: 'cd4ml register-model',
  description: 'Register an immutable, numbered model version with lineage, and move aliases, in GitHub, a directory, S3 or SageMaker.',
  branding: { icon: 'archive', color: 'orange' },
  inputs,
  outputs: {
    version: 'The registered version number.',
    uri: 'Registry URI of the version, e.g. `registry:churn@7`.',
    record: 'Path of the model record JSON.',
    'model-card': 'Path of the model card Markdown.',
    'previous-version': 'The version `alias` pointed at before.',
  },
});
