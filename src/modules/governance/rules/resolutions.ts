// Resolutions are numbered as the minutes write them: 1, 2, 3 or i, ii, iii (seed 004's
// "RESOLVED i) … ii) … iii)"), or a, b, c. A number is unique within its agenda item.

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

export function toRoman(n: number): string {
  let rest = n
  let out = ''
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral
      rest -= value
    }
  }
  return out
}

export type NumberStyle = 'arabic' | 'roman' | 'letter'

/** How the item's resolutions so far are numbered (roman when it cannot tell: the minutes' own habit). */
export function numberStyleOf(numbers: readonly string[]): NumberStyle {
  const last = numbers.at(-1)
  if (last === undefined) return 'roman'
  if (/^\d+$/.test(last)) return 'arabic'
  if (/^[ivxlcdm]+$/.test(last)) return 'roman'
  return /^[a-z]$/.test(last) ? 'letter' : 'roman'
}

/** The number the next resolution of an item takes, in the style the earlier ones use. */
export function nextResolutionNumber(numbers: readonly string[]): string {
  const style = numberStyleOf(numbers)
  const n = numbers.length + 1
  if (style === 'arabic') return String(n)
  if (style === 'letter' && n <= 26) return String.fromCharCode(96 + n)
  return toRoman(n)
}

/** A resolution number as typed ("ii)", "(2)", "II."), in the form it is stored and compared in. */
export function normaliseResolutionNumber(typed: string): string {
  return typed
    .trim()
    .replace(/^\(|[).]$/g, '')
    .trim()
    .toLowerCase()
}

export const isResolutionNumber = (n: string) => /^(\d{1,3}|[ivxlcdm]{1,8}|[a-z])$/.test(n)

/** "RESOLVED i–iii": how a minute heads its resolutions. */
export function resolvedHeading(numbers: readonly string[]): string {
  if (!numbers.length) return ''
  if (numbers.length === 1) return `RESOLVED ${numbers[0]}`
  return `RESOLVED ${numbers[0]}–${numbers.at(-1)}`
}
