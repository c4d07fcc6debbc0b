/**
 * The gamma function family behind the chi-square test, as scipy.special computes it (checked against
 * scipy 1.10.1 in test/fixtures/reference/drift):
 *
 * - lnGamma(x)                 ln Γ(x) for x > 0, as scipy.special.gammaln;
 * - regularizedGammaP(a, x)    P(a, x) = γ(a, x) / Γ(a), as scipy.special.gammainc;
 * - regularizedGammaQ(a, x)    Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), as scipy.special.gammaincc;
 * - chi2Survival(x, dof)       Q(dof/2, x/2), the chi-square upper tail, as scipy.stats.chi2.sf.
 *
 * P and Q follow Numerical Recipes (3rd ed., §6.2, gammp/gammq): the power series of γ for x < a + 1
 * and the Legendre continued fraction of Γ(a, x), evaluated by the modified Lentz method, otherwise.
 * The smaller of P and Q is always the one summed directly, so each keeps its relative accuracy down to
 * the underflow threshold (a chi-square p-value of 1e-300 is as exact as one of 0.3); the other is 1
 * minus it. Both share the factor xᵃ e⁻ˣ / Γ(a), computed as
 *
 *     exp(a · log1pmx((x − a) / a) + ½ ln(a / 2π) − stirlerr(a)),   log1pmx(t) = ln(1 + t) − t,
 *
 * with stirlerr(a) = ln Γ(a) − (a − ½) ln a + a − ½ ln 2π (the error of Stirling's formula, DLMF
 * 5.11.1). Written this way the large terms a ln x, x and ln Γ(a) never cancel in floating point, so
 * the factor stays accurate when a and x are large and close (many degrees of freedom). ln Γ itself is
 * Stirling's series for x ≥ 10 and the recurrence ln Γ(x) = ln Γ(x + k) − ln(x (x + 1) ⋯ (x + k − 1))
 * below.
 *
 * Accuracy (test/unit/stats-gamma.test.ts, a from 0.5 to 5,000, x from 1e-3 to 1e4, values down to
 * 1e-300): relative error within 1e-13 + 4ε·(|x − a| + |ln v|) of the exact value v, the rounding of
 * the exponent of xᵃe⁻ˣ/Γ(a) (|x − a|·ε is also the problem's own condition); measured at most 2.3e-14
 * for values ≥ 1e-50 and 1.4e-13 below. scipy 1.10.1 is itself off by up to 2.2e-12 far in the tail
 * with thousands of degrees of freedom.
 * Complexity: lnGamma O(1); P and Q O(1 + √a) iterations (both expansions need about √a terms when x
 * is near a), at most MAX_ITERATIONS (enough for a up to about 1e8; beyond, they throw).
 *
 * Out-of-domain input follows Math and scipy: NaN for a NaN argument, for a ≤ 0, for x < 0 in P and Q
 * and for dof ≤ 0 in chi2Survival; lnGamma(x) is NaN for x < 0 and +∞ at 0. The ends are exact:
 * P(a, 0) = 0, Q(a, 0) = 1, P(a, ∞) = 1, Q(a, ∞) = 0, and chi2Survival is 1 for x ≤ 0 (as
 * scipy.stats.chi2.sf).
 */

const HALF_LN_TWO_PI = 0.9189385332046728; // ½ ln(2π)
/** Below this, Stirling's series is not used directly: ln Γ and stirlerr go through the recurrence. */
const STIRLING_FROM = 10;
/** Relative size of the last term (series) or step (continued fraction) at convergence. */
const EPS = Number.EPSILON;
/** Stand-in for 0 in Lentz's method, so that no denominator is exactly 0. */
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * stirlerr(a) = ln Γ(a) − (a − ½) ln a + a − ½ ln 2π for a ≥ STIRLING_FROM: the asymptotic series
 * Σ B₂ₖ / (2k (2k − 1) a²ᵏ⁻¹) (DLMF 5.11.1) through the a⁻¹³ term; the first omitted term is below
 * 4e-17 at a = 10.
 */
function stirlingSeries(a: number): number {
  const inverse = 1 / a;
  const square = inverse * inverse;
  return (
    inverse *
    (1 / 12 +
      square *
        (-1 / 360 +
          square * (1 / 1260 + square * (-1 / 1680 + square * (1 / 1188 + square * (-691 / 360360 + square * (1 / 156)))))))
  );
}

/** The error of Stirling's formula, ln Γ(a) − (a − ½) ln a + a − ½ ln 2π, for a > 0. */
function stirlingError(a: number): number {
  if (a >= STIRLING_FROM) return stirlingSeries(a);
  return lnGamma(a) - (a - 0.5) * Math.log(a) + a - HALF_LN_TWO_PI;
}

/**
 * ln Γ(x) for x > 0, as scipy.special.gammaln (within about 2e-15 absolute for x < 10, 1e-15 relative
 * above); +∞ at 0, NaN for x < 0 or NaN. O(1).
 */
export function lnGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.POSITIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x >= STIRLING_FROM) return (x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI + stirlingSeries(x);
  // ln Γ(x) = ln Γ(x + k) − ln(x (x + 1) ⋯ (x + k − 1)) with x + k ≥ 10; the product has at most 10
  // factors and cannot overflow or underflow to 0 for any positive double x.
  let shifted = x;
  let product = 1;
  while (shifted < STIRLING_FROM) {
    product *= shifted;
    shifted += 1;
  }
  return (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LN_TWO_PI + stirlingSeries(shifted) - Math.log(product);
}

/** ln(1 + t) − t for t > −1, accurate to a few ulps also for small |t| (where both terms cancel). */
function log1pmx(t: number): number {
  if (Math.abs(t) > 0.5) return Math.log1p(t) - t;
  // ln(1 + t) = 2 atanh(u) = 2 (u + u³/3 + u⁵/5 + …) with u = t / (2 + t), |u| ≤ ⅓; and t − 2u = u·t.
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let sum = 0;
  for (let k = 3; ; k += 2) {
    const term = power / k;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * EPS * 0.5) break;
    power *= u2;
  }
  return 2 * sum - u * t;
}

/**
 * xᵃ e⁻ˣ / Γ(a) for a > 0, x > 0, without cancellation between a ln x, x and ln Γ(a). Near x = a the
 * exponent a (ln(x/a) − (x − a)/a) goes through log1pmx; away from it, where ln(x/a) is far from 0 and
 * 1 + t would lose x (x ≪ a), through ln(x/a) itself (ln x − ln a where x/a would underflow).
 */
function gammaPrefactor(a: number, x: number): number {
  const difference = x - a;
  const ratio = x / a;
  const lnRatio = ratio >= 1e-300 ? Math.log(ratio) : Math.log(x) - Math.log(a);
  const exponent = Math.abs(difference) <= 0.5 * a ? a * log1pmx(difference / a) : a * lnRatio - difference;
  return Math.exp(exponent + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingError(a));
}

/** P(a, x) by its power series, for 0 < x < a + 1 (NR gser): xᵃ e⁻ˣ / Γ(a) · Σₙ xⁿ / (a (a + 1) ⋯ (a + n)). */
function lowerSeries(a: number, x: number): number {
  let denominator = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITERATIONS; n += 1) {
    denominator += 1;
    term *= x / denominator;
    sum += term;
    if (term < sum * EPS) return sum * gammaPrefactor(a, x);
  }
  throw new Error(`The series of P(${a}, ${x}) did not converge in ${MAX_ITERATIONS} terms.`);
}

/**
 * Q(a, x) by the continued fraction Γ(a, x) = e⁻ˣ xᵃ / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) /
 * (x + 5 − a − ⋯))), for x ≥ a + 1, evaluated by the modified Lentz method (NR gcf).
 */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= EPS) return h * gammaPrefactor(a, x);
  }
  throw new Error(`The continued fraction of Q(${a}, ${x}) did not converge in ${MAX_ITERATIONS} steps.`);
}

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), as
 * scipy.special.gammainc, for a > 0 and x ≥ 0 (NaN outside). O(1 + √a).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (a === Number.POSITIVE_INFINITY) return 0;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), as
 * scipy.special.gammaincc, for a > 0 and x ≥ 0 (NaN outside). O(1 + √a).
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (a === Number.POSITIVE_INFINITY) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}

/**
 * The survival function of the chi-square distribution with `dof` degrees of freedom, P(χ² > x) =
 * Q(dof / 2, x / 2), as scipy.stats.chi2.sf: 1 for x ≤ 0, 0 at x = ∞, NaN when dof ≤ 0 or an argument
 * is NaN. Relative accuracy is kept for tiny p-values (1e-50, 1e-300). O(1 + √dof).
 */
export function chi2Survival(x: number, dof: number): number {
  if (Number.isNaN(x) || !(dof > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}
