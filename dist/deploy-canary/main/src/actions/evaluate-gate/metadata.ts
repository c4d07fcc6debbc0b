import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'evaluate-gate',
  name: 'cd4ml evaluate-gate',
  description: 'Compare a candidate model with its baseline, with confidence intervals, comment the diff on the PR and gate the merge.',
  branding: { icon: 'bar-chart-2', color: 'blue' },
  inputs,
  outputs: {
    passed: '`true` when every gate rule passed.',
    metrics: 'Candidate metrics, deltas and intervals as JSON.',
    report: 'Path of the Markdown report.',
    'comment-url': 'URL of the pull request comment.',
    'check-run-id': 'ID of the check run.',
  },
});
