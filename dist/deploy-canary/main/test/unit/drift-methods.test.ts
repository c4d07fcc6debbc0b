import { describe, expect, test } from 'vitest';
import { datasetDrift, defaultMethod, isDrift } from '../../src/core/drift/methods.js';

describe('defaultMethod (Evidently’s default algorithm)', () => {
  test.each([
    // [numeric, reference rows, distinct, method]
    [true, 1000, 100, 'ks'],
    [true, 1001, 100, 'wasserstein'],
    [true, 1000, 6, 'ks'],
    [true, 1000, 5, 'chisquare'],
    [true, 1000, 2, 'z'],
    [true, 5000, 5, 'jensenshannon'],
    [false, 1000, 7, 'chisquare'],
    [false, 1000, 2, 'z'],
    [false, 1000, 1, 'z'],
    [false, 1001, 2, 'jensenshannon'],
    [false, 50_000, 300, 'jensenshannon'],
  ] as const)('numeric %s, %i reference rows, %i distinct → %s', (numeric, referenceRows, distinct, method) => {
    expect(defaultMethod({ numeric, referenceRows, distinct })).toBe(method);
  });
});

describe('isDrift', () => {
  test.each([
    ['ks', 0.049, 0.05, true],
    ['ks', 0.05, 0.05, false],
    ['chisquare', 1e-30, 0.05, true],
    ['z', 0.2, 0.05, false],
    ['wasserstein', 0.1, 0.1, true],
    ['wasserstein', 0.0999, 0.1, false],
    ['jensenshannon', 0.5, 0.1, true],
    ['psi', 0.25, 0.2, true],
  ] as const)('%s with score %f and threshold %f → %s', (method, score, threshold, drifted) => {
    expect(isDrift(method, score, threshold)).toBe(drifted);
  });
});

describe('datasetDrift', () => {
  test.each([
    [4, 8, 0.5, true],
    [3, 8, 0.5, false],
    [1, 1, 0.5, true],
    [0, 0, 0.5, false],
    [0, 5, 0, false],
    [1, 5, 0, true],
  ])('%i of %i columns with drift-share %f → %s', (drifted, compared, share, expected) => {
    expect(datasetDrift(drifted, compared, share)).toBe(expected);
  });
});
