// The return as CSV, one figure a row with its numerator and denominator, for the MARAC
// coordinator to copy into SafeLives' form or to send on. Figures are unrounded; suppressed ones
// read "<5" or "suppressed". Text is formula-guarded as in every Safer download (ADR 0012): a
// source or area name from a data file must never run as a formula in someone's spreadsheet.

import { guardFormula } from '../../../shared/spreadsheet/formula-guard.ts'
import type { ShownReturn } from './safelives-return.ts'

type Cell = string | number | null

const field = (v: Cell) => {
  const text = v === null ? '' : typeof v === 'number' ? String(v) : guardFormula(v)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const AUDIENCE_WORDS = {
  panel: 'for the panel only: exact figures, not to be shared beyond it',
  'leaving-panel':
    'for sharing: counts from 1 to 4 shown as <5 and figures that would reveal them suppressed',
} as const

export function safeLivesReturnCsv(shown: ShownReturn): string {
  const rows: Cell[][] = [
    ['figure', 'numerator', 'denominator', 'value'],
    ...shown.figures.map((f) => [f.label, f.numerator, f.denominator, f.value]),
    [],
    ['period from', shown.from],
    ['period to', shown.to],
    ['figures', AUDIENCE_WORDS[shown.audience]],
    ...(shown.adultWomen
      ? [
          ['adult women (16+)', shown.adultWomen.count],
          ['area', `${shown.adultWomen.areaName} (${shown.adultWomen.areaCode})`],
          ['population', `${shown.adultWomen.source}, mid-${shown.adultWomen.year}`],
        ]
      : []),
    ...Object.entries(shown.notKnown).map(([what, n]): Cell[] => [`not known: ${what}`, n]),
    ...shown.notes.map((note): Cell[] => ['note', note]),
  ]
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`
}
