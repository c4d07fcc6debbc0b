import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'check-drift',
  name: 'cd4ml check-drift',
  description: 'Compare recent data and predictions with the training reference using sound drift statistics, and trigger retraining.',
  branding: { icon: 'activity', color: 'red' },
  inputs,
  outputs: {
    drifted: '`true` when the dataset drifted.',
    'drift-share': 'Share of compared columns that drifted.',
    'drifted-columns': 'JSON array of drifted column names.',
    report: 'Path of the drift report.',
  },
});
