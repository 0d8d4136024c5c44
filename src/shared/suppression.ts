// Small-count suppression (ADR 0028). Figures about a handful of people can identify them: a
// panel sees its own figures exactly, but wherever a figure leaves the panel (a return sent to
// SafeLives, a board pack, a download) a count from 1 to 4 is shown as "<5", and anything that
// would let such a count be worked back (a percentage or rate on it, or the count beside its
// complement) is withheld. 0 is shown as 0: nobody is identified by there being nobody.

/** How a count from 1 to 4 is shown outside the panel. */
export const SMALL_COUNT = '<5'
/** How any other figure held back to protect a small count is shown outside the panel. */
export const WITHHELD = 'suppressed'

export type Shown = number | typeof SMALL_COUNT | typeof WITHHELD

/** Who a figure is for: the panel itself (exact), or anyone else (suppressed). */
export type Audience = 'panel' | 'leaving-panel'

export const isSmallCount = (count: number) => count >= 1 && count <= 4

/** A count as it may be shown outside the panel. */
export function countLeavingPanel(count: number): number | typeof SMALL_COUNT {
  return isSmallCount(count) ? SMALL_COUNT : count
}

/** A share of a whole: numerator of denominator, times scale (100 for a percentage), unrounded. */
export interface Proportion {
  numerator: number
  denominator: number
  /** null when the denominator is 0: a share of nothing is not 0%. */
  value: number | null
}

export function proportion(numerator: number, denominator: number, scale = 100): Proportion {
  return { numerator, denominator, value: denominator === 0 ? null : (numerator / denominator) * scale }
}

export interface ShownProportion {
  numerator: Shown
  denominator: Shown
  value: Shown | null
}

/**
 * A proportion as it may be shown outside the panel. The value is withheld when the numerator or
 * the denominator is a small count, since with the other it gives the small one back. Where the
 * numerator and denominator count the same people (`complement`, the default), a numerator whose
 * complement (denominator − numerator) is a small count is withheld too, with its value: 22 of 25
 * shown is 3 without. A rate on a population (cases per 10,000 women) has no such complement.
 */
export function proportionLeavingPanel(
  figure: Proportion,
  options: { complement?: boolean } = {},
): ShownProportion {
  const { numerator, denominator } = figure
  // Under a denominator already shown as "<5" the complement is no more than "<5" itself.
  const complementSmall =
    (options.complement ?? true) && !isSmallCount(denominator) && isSmallCount(denominator - numerator)
  const hideValue = isSmallCount(numerator) || isSmallCount(denominator) || complementSmall
  return {
    numerator: isSmallCount(numerator) ? SMALL_COUNT : complementSmall ? WITHHELD : numerator,
    denominator: countLeavingPanel(denominator),
    value: figure.value === null ? null : hideValue ? WITHHELD : figure.value,
  }
}

/** A count for the audience: exact for the panel, suppressed for anyone else. */
export function countFor(audience: Audience, count: number): Shown {
  return audience === 'panel' ? count : countLeavingPanel(count)
}

/** A proportion for the audience: exact for the panel, suppressed for anyone else. */
export function proportionFor(
  audience: Audience,
  figure: Proportion,
  options: { complement?: boolean } = {},
): ShownProportion {
  return audience === 'panel' ? { ...figure } : proportionLeavingPanel(figure, options)
}
