import { NotImplementedError } from '../../core/errors.js';
import type { ContextOf } from '../../platform/github/action-runtime.js';
import type { metadata } from './metadata.js';

export async function main(_context: ContextOf<typeof metadata>): Promise<void> {
  throw new NotImplementedError('Deployment (deploy-canary)');
}
