// Tests for changes in counts, shared by every module that says whether a change is real (crime
// analyses, performance indicators). Counts of events in equal periods are modelled as Poisson;
// given their total, the split between the two periods is binomial with p = 1/2 when the
// underlying rate has not changed. This is the standard "conditional" test for comparing two
// Poisson counts (Przyborowski and Wilenski, 1940), exact for small counts.
//
// Figures here are exact: callers pass them on unrounded, and pages and documents round them for
// display, so a rounded figure is never computed with.

function logFactorial(n: number): number {
  let sum = 0
  for (let i = 2; i <= n; i++) sum += Math.log(i)
  return sum
}

const LOG_FACTORIAL_CACHE: number[] = [0]
function lf(n: number): number {
  for (let i = LOG_FACTORIAL_CACHE.length; i <= n; i++)
    LOG_FACTORIAL_CACHE[i] = (LOG_FACTORIAL_CACHE[i - 1] ?? 0) + Math.log(i)
  return LOG_FACTORIAL_CACHE[n] ?? logFactorial(n)
}

export function normalCdf(z: number): number {
  // Abramowitz and Stegun 7.1.26 via erf; accurate to ~1e-7, plenty for a p-value.
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2))
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(z * z) / 2)
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

const EXACT_LIMIT = 10_000

/** Two-sided p-value that counts a and b (over equal exposure) come from the same Poisson rate. */
export function poissonComparisonPValue(a: number, b: number): number {
  const n = a + b
  if (n === 0) return 1
  if (n > EXACT_LIMIT) {
    // Normal approximation with continuity correction; at these counts it matches the exact test.
    const z = (Math.abs(a - n / 2) - 0.5) / Math.sqrt(n / 4)
    return Math.min(1, 2 * (1 - normalCdf(Math.max(0, z))))
  }
  const logHalf = n * Math.log(0.5)
  const pmf = (k: number) => Math.exp(lf(n) - lf(k) - lf(n - k) + logHalf)
  const observed = pmf(a)
  let p = 0
  for (let k = 0; k <= n; k++) {
    const q = pmf(k)
    if (q <= observed * (1 + 1e-7)) p += q
  }
  return Math.min(1, p)
}

export interface Change {
  current: number
  comparison: number
  difference: number
  /** null when the comparison period had none */
  percent: number | null
  pValue: number
  /** At the 5% level: a change this large would be unusual if the underlying rate had not changed. */
  significant: boolean
}

export function compareCounts(current: number, comparison: number): Change {
  const pValue = poissonComparisonPValue(current, comparison)
  return {
    current,
    comparison,
    difference: current - comparison,
    percent: comparison === 0 ? null : ((current - comparison) * 100) / comparison,
    pValue,
    significant: pValue < 0.05,
  }
}

/**
 * Two-sided p-value that x1 of n1 and x2 of n2 come from the same proportion: the pooled
 * two-proportion z-test. 1 when there is no spread to test (both 0% or both 100%).
 */
export function twoProportionPValue(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 <= 0 || n2 <= 0) return 1
  const pooled = (x1 + x2) / (n1 + n2)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
  if (se === 0) return 1
  const z = Math.abs(x1 / n1 - x2 / n2) / se
  return Math.min(1, 2 * (1 - normalCdf(z)))
}
