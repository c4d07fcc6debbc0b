import { defineAction } from '../../platform/github/action-metadata.js';
import { inputs } from './inputs.js';

export const metadata = defineAction({
  id: 'deploy-canary',
  name: 'cd4ml deploy-canary',
  description: 'Roll a registered model out in canary, linear or shadow steps with automatic rollback, as a GitHub deployment.',
  branding: { icon: 'send', color: 'yellow' },
  inputs,
  postIf: 'cancelled() || failure()',
  outputs: {
    status: '`promoted`, `rolled-back`, `failed`, or `shadowed` (a shadow test that stayed healthy; the live version is unchanged).',
    'live-version': 'The version serving all traffic at the end.',
    'deployment-id': 'ID of the GitHub deployment.',
    'endpoint-config': 'SageMaker endpoint config that is live.',
    report: 'Path of the rollout report.',
  },
});
