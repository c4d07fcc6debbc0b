/**
 * The first version of an endpoint has nothing to compare with and nothing to roll back to, so no
 * canary can judge it. With replay requests it is still checked before it goes live: each request is
 * answered by the version alone, one at a time, as the model server would answer it, and its error
 * rate is held to the rollout's max-error-rate. A request the server would refuse (not JSON, a missing
 * or non-numeric feature: HTTP 400) is the request's fault, not the model's, and is counted apart.
 *
 * This is what every deploy on a runner that starts empty (a GitHub-hosted runner, for the local
 * target) amounts to: a smoke test of the version on recorded traffic.
 */
import { featureMatrix, openServingModel, parseRequest, RequestError, scoreMatrix } from './predict.js';
import { releaseModel } from '../inference/score-model.js';
import { formatPercent } from '../report/numbers.js';

export interface FirstVersionCheck {
  /** Requests the version was asked to answer (the replay lines the server would accept). */
  requests: number;
  /** Of those, the ones it failed (a runtime error, or a prediction that is not a finite number). */
  errors: number;
  /** Lines the server would refuse with HTTP 400, not counted in `requests`. */
  rejected: number;
  /** The first failure's message. */
  firstError?: string;
}

export async function checkFirstVersion(modelPath: string, name: string, lines: readonly string[], features: readonly string[] | undefined): Promise<FirstVersionCheck> {
  const serving = await openServingModel(modelPath, name, features);
  const check: FirstVersionCheck = { requests: 0, errors: 0, rejected: 0 };
  try {
    for (const line of lines) {
      let matrix: Float32Array;
      try {
        matrix = featureMatrix(parseRequest(line), serving.plan);
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        check.rejected += 1;
        continue;
      }
      check.requests += 1;
      try {
        const predictions = await scoreMatrix(serving, matrix);
        if (!predictions.values.every(Number.isFinite)) throw new Error('a prediction is not a finite number');
      } catch (error) {
        check.errors += 1;
        check.firstError ??= (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      }
    }
  } finally {
    await releaseModel(serving.model);
  }
  return check;
}

/** Why the version must not go live, or undefined when it may. */
export function firstVersionProblem(check: FirstVersionCheck, maxErrorRate: number): string | undefined {
  if (check.requests === 0) return undefined;
  const rate = check.errors / check.requests;
  if (rate <= maxErrorRate) return undefined;
  const percent = (fraction: number) => formatPercent(fraction, { signed: false });
  const first = check.firstError === undefined ? '' : `; first: ${check.firstError}`;
  return `it failed ${check.errors} of ${check.requests} replayed requests (error rate ${percent(rate)} > ${percent(maxErrorRate)})${first}`;
}
