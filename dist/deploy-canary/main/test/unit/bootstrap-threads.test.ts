/**
 * The bootstrap split over worker threads gives exactly the single-thread values. Workers start on
 * the committed bundle's entry (dist/evaluate-gate/index.js), as they do in the action.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bootstrapScoredRows } from '../../src/core/gate/bootstrap-threads.js';
import type { ScoredRows } from '../../src/core/gate/evaluators.js';
import { Random } from '../../src/core/stats/random.js';
import { ROOT } from '../support/runner.js';

const BUNDLE = join(ROOT, 'dist/evaluate-gate/index.js');

function scoredRows(n: number): ScoredRows {
  const random = new Random(3);
  const labels = new Uint8Array(n);
  const candidate = new Float64Array(n);
  const baseline = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    labels[row] = random.nextDouble() < 0.3 ? 1 : 0;
    candidate[row] = Math.min(1, Math.max(0, 0.3 + (labels[row] === 1 ? 0.2 : -0.1) + (random.nextDouble() - 0.5) * 0.6));
    baseline[row] = Math.min(1, Math.max(0, 0.3 + (labels[row] === 1 ? 0.1 : -0.05) + (random.nextDouble() - 0.5) * 0.6));
  }
  return { task: 'binary', labels, candidate, baseline, classes: 2, threshold: 0.5 };
}

describe('bootstrapScoredRows', () => {
  const rows = scoredRows(3000);
  const options = { resamples: 101, seed: 42 };

  test('3 threads (2 workers on the bundle) give the single-thread resamples exactly', async () => {
    const single = await bootstrapScoredRows(rows, options, { threads: 1, script: undefined });
    const threaded = await bootstrapScoredRows(rows, options, { threads: 3, script: BUNDLE, minWork: 0 });
    expect(threaded.names).toEqual(single.names);
    expect(threaded.candidate).toEqual(single.candidate);
    expect(threaded.baseline).toEqual(single.baseline);
    expect(threaded.delta).toEqual(single.delta);
  });

  test('a worker that cannot start leaves its part to this thread, says so, and changes nothing', async () => {
    const messages: string[] = [];
    const single = await bootstrapScoredRows(rows, options, { threads: 1, script: undefined });
    const fallback = await bootstrapScoredRows(rows, options, { threads: 2, script: join(ROOT, 'no-such-script.js'), minWork: 0, onWorkerError: (m) => messages.push(m) });
    expect(fallback.delta).toEqual(single.delta);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^resamples 51–100 ran on the main thread: /);
  });
});
