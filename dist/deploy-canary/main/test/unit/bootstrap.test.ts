import { describe, expect, it, test } from 'vitest';
import { drawCounts, pairedBootstrap, quantileOfSorted, ResampledValues } from '../../src/core/gate/bootstrap.js';
import type { MetricEvaluator } from '../../src/core/metrics/types.js';
import { Random } from '../../src/core/stats/random.js';

/** The weighted mean of fixed values: the simplest metric, with a known bootstrap distribution. */
function meanEvaluator(values: readonly number[]): MetricEvaluator {
  return {
    names: ['mean'],
    rows: values.length,
    evaluate(weights) {
      let sum = 0;
      let total = 0;
      values.forEach((value, row) => {
        const w = weights === undefined ? 1 : weights[row]!;
        sum += w * value;
        total += w;
      });
      return Float64Array.of(total === 0 ? Number.NaN : sum / total);
    },
  };
}

describe('Random (xoshiro128**)', () => {
  it('produces the reference outputs of xoshiro128** from the state {1, 2, 3, 4}', () => {
    const random = Random.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => random.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('gives the same stream for the same (seed, stream) and different ones otherwise', () => {
    const draw = (seed: number, stream: number) => {
      const random = new Random(seed, stream);
      return Array.from({ length: 4 }, () => random.nextUint32());
    };
    expect(draw(42, 7)).toEqual(draw(42, 7));
    expect(draw(42, 7)).not.toEqual(draw(42, 8));
    expect(draw(42, 7)).not.toEqual(draw(43, 7));
  });

  // Critical values: the 0.999 quantiles of chi-square with (buckets − 1) degrees of freedom.
  test.each([
    [7, 7, 22.458],
    [1000, 10, 27.877],
    [3_000_000, 10, 27.877],
  ])('nextIndex(%i) stays in range and is uniform (chi-square over %i buckets)', (n, k, critical) => {
    const random = new Random(1, 2);
    const buckets = new Array<number>(k).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const index = random.nextIndex(n);
      expect(Number.isInteger(index) && index >= 0 && index < n).toBe(true);
      buckets[Math.floor((index * k) / n)]! += 1;
    }
    const expected = buckets.map((_, bucket) => (draws * (Math.ceil(((bucket + 1) * n) / k) - Math.ceil((bucket * n) / k))) / n);
    const chi2 = buckets.reduce((sum, observed, bucket) => sum + (observed - expected[bucket]!) ** 2 / expected[bucket]!, 0);
    expect(chi2).toBeLessThan(critical);
  });

  it('nextDouble is in [0, 1) with mean 1/2', () => {
    const random = new Random(5);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random.nextDouble();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005); // 5 standard errors (0.000913)
  });
});

describe('drawCounts', () => {
  it('draws n rows with replacement: counts sum to n, and each count is Binomial(n, 1/n)', () => {
    const counts = new Uint32Array(2000);
    let zeros = 0;
    for (let stream = 0; stream < 20; stream++) {
      drawCounts(counts, 42, stream);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2000);
      zeros += counts.filter((count) => count === 0).length;
    }
    // P(a row is not drawn) = (1 − 1/n)^n ≈ e^−1: 0.36779 over 40,000 rows, standard error 0.0024.
    expect(zeros / 40_000).toBeCloseTo(0.36779, 1);
    expect(Math.abs(zeros / 40_000 - 0.36779)).toBeLessThan(0.012);
  });

  it('is the same for the same seed and stream', () => {
    const a = new Uint32Array(100);
    const b = new Uint32Array(100);
    drawCounts(a, 9, 3);
    drawCounts(b, 9, 3);
    expect(a).toEqual(b);
    drawCounts(b, 9, 4);
    expect(a).not.toEqual(b);
  });
});

describe('quantileOfSorted', () => {
  // numpy.quantile([1, 2, 3, 4, 10], q) with the default linear method.
  test.each([
    [0, 1],
    [0.025, 1.1],
    [0.5, 3],
    [0.9, 7.6],
    [0.975, 9.4],
    [1, 10],
  ])('q = %f gives %f as numpy.quantile', (q, expected) => {
    expect(quantileOfSorted(Float64Array.of(1, 2, 3, 4, 10), q)).toBeCloseTo(expected, 12);
  });

  it('is NaN without values', () => {
    expect(quantileOfSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('pairedBootstrap', () => {
  const values = Array.from({ length: 400 }, (_, i) => ((i * 7919) % 401) / 40); // spread over [0, 10)

  it('gives the interval of a mean that the normal approximation predicts', () => {
    const samples = pairedBootstrap(meanEvaluator(values), undefined, { resamples: 4000, seed: 1 });
    const [low, high] = new ResampledValues(samples.candidate[0]!).interval(0.95);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    const halfWidth = 1.959964 * Math.sqrt(variance / values.length);
    // The percentile interval of a mean is close to mean ± 1.96 σ/√n; Monte Carlo error over 4000 resamples is ~2%.
    expect(low).toBeCloseTo(mean - halfWidth, 1);
    expect(high).toBeCloseTo(mean + halfWidth, 1);
    expect(Math.abs((high - low) / (2 * halfWidth) - 1)).toBeLessThan(0.05);
  });

  it('pairs the models: identical models give a Δ of exactly zero in every resample', () => {
    const samples = pairedBootstrap(meanEvaluator(values), meanEvaluator(values), { resamples: 200, seed: 3 });
    expect(samples.delta?.[0]?.every((delta) => delta === 0)).toBe(true);
    expect(samples.candidate[0]?.some((value, b) => value !== samples.candidate[0]?.[0] && b > 0)).toBe(true);
  });

  it('gives a paired interval narrower than the unpaired one when the models agree on most rows', () => {
    const shiftedValues = values.map((value, row) => value + (row % 10 === 0 ? 1 : 0.1));
    const samples = pairedBootstrap(meanEvaluator(shiftedValues), meanEvaluator(values), { resamples: 1000, seed: 4 });
    const [low, high] = new ResampledValues(samples.delta![0]!).interval(0.95);
    const delta = 0.19; // 0.1 for every row, 0.9 more for every tenth row
    expect(low).toBeLessThan(delta);
    expect(high).toBeGreaterThan(delta);
    const [candidateLow, candidateHigh] = new ResampledValues(samples.candidate[0]!).interval(0.95);
    expect(high - low).toBeLessThan((candidateHigh - candidateLow) / 5);
  });

  it('gives the same resamples whether run whole or in parts (threads)', () => {
    const options = { resamples: 60, seed: 11 };
    const whole = pairedBootstrap(meanEvaluator(values), undefined, options);
    const first = pairedBootstrap(meanEvaluator(values), undefined, options, 0, 25);
    const rest = pairedBootstrap(meanEvaluator(values), undefined, options, 25, 60);
    expect(Float64Array.from([...first.candidate[0]!, ...rest.candidate[0]!])).toEqual(whole.candidate[0]);
  });

  it('leaves undefined resamples out of the interval and counts them', () => {
    const resampled = new ResampledValues(Float64Array.of(1, Number.NaN, 3, 2, Number.NaN));
    expect(resampled.undefinedCount).toBe(2);
    expect(resampled.interval(0.5)).toEqual([1.5, 2.5]);
  });

  it('refuses evaluators over different rows', () => {
    expect(() => pairedBootstrap(meanEvaluator([1, 2]), meanEvaluator([1, 2, 3]), { resamples: 10, seed: 1 })).toThrow(
      'pairedBootstrap: the candidate and baseline evaluators must cover the same rows and metrics',
    );
  });
});

describe('counts in bytes', () => {
  it('says when a byte count wrapped around, so the resample is drawn again in 32 bits', () => {
    const one = new Uint8Array(1);
    expect(new Random(1).addUniformCounts(one, 255)).toBe(true);
    expect(one[0]).toBe(255);
    expect(new Random(1).addUniformCounts(one, 1)).toBe(false); // 255 + 1 wraps to 0
    const wide = new Uint32Array(1);
    expect(new Random(1).addUniformCounts(wide, 300)).toBe(true);
    expect(wide[0]).toBe(300);
  });

  it('draws the same counts into bytes and into 32-bit integers', () => {
    const bytes = new Uint8Array(5000);
    const words = new Uint32Array(5000);
    expect(drawCounts(bytes, 8, 2)).toBe(true);
    drawCounts(words, 8, 2);
    expect(Array.from(bytes)).toEqual(Array.from(words));
  });
});
