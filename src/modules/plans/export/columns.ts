// The seed-003 layout partnerships already know: a leadership table above, then per theme the
// plan header these names are read back by (import/layout.ts fieldOf).

export const PLAN_HEADERS = [
  'Ref',
  'Theme',
  'Action No',
  'Actions',
  'Outcomes',
  'Named CSP Lead',
  'Lead organisation',
  'Start date',
  'End date',
  'Supporting organisation(s)',
  'Progress',
  'Comment',
  'Document Reference(s)',
  'RAG status',
] as const

export const PLAN_WIDTH = PLAN_HEADERS.length

/** The leadership table shares the plan's first five columns, as in the partnerships' own sheets. */
export const LEADERSHIP_HEADERS = ['', 'Name', 'Organisation', 'Role', 'Strategic Aims'] as const

/**
 * Excel widths in characters. Column A holds long theme cells and B–C the leadership names and
 * organisations as well as the narrow Theme and Action No, so those are wider than their headers.
 */
export const COLUMN_WIDTHS: readonly number[] = [32, 24, 16, 48, 48, 22, 22, 11, 11, 28, 40, 40, 28, 10]
