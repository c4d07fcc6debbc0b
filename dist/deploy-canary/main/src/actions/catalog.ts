/** Every action of the project, in pipeline order. The build, the CLI and the tests iterate this. */
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import { metadata as checkDrift } from './check-drift/metadata.js';
import { metadata as deployCanary } from './deploy-canary/metadata.js';
import { metadata as evaluateGate } from './evaluate-gate/metadata.js';
import { metadata as registerModel } from './register-model/metadata.js';
import { metadata as trainOnGpuRunner } from './train-on-gpu-runner/metadata.js';
import { metadata as validateData } from './validate-data/metadata.js';

export const ACTIONS: readonly ActionMetadata[] = [validateData, trainOnGpuRunner, evaluateGate, registerModel, deployCanary, checkDrift];

export function findAction(id: string): ActionMetadata | undefined {
  return ACTIONS.find((action) => action.id === id);
}
