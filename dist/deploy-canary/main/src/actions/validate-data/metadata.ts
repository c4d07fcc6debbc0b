import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'validate-data',
  name: 'cd4ml validate-data',
  description: 'Check a dataset against its schema and profile it (mergeable statistics, the drift reference) before training.',
  branding: { icon: 'check-square', color: 'green' },
  inputs,
  outputs: {
    valid: '`true` when no check failed at the `fail-on` level (with `never`, no error-level check).',
    errors: 'Number of failed error-level checks.',
    warnings: 'Number of failed warning-level checks.',
    rows: 'Rows read.',
    profile: 'Path of the profile JSON.',
    report: 'Path of the JSON report.',
  },
});
