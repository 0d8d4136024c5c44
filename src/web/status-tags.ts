// Statuses as GOV.UK tags, in one set of colours across Safer. Every tag carries its words: colour
// is never the only signal. The words come from the module that owns the status.

export interface Tag {
  text: string
  classes: string
}

/** A status as a service gives it: which one it is, and its words. */
export interface Status {
  kind: string
  text: string
}

// GOV.UK Frontend's plain tag is blue.
const CLASSES: Readonly<Record<string, string>> = {
  // A deliverable's RAG.
  blue: '',
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  'not-started': 'govuk-tag--grey',
  'not-rated': 'govuk-tag--grey',
  // A deliverable's flags.
  overdue: 'govuk-tag--pink',
  stale: 'govuk-tag--yellow',
  endBeforeStart: 'govuk-tag--purple',
  neverUpdated: 'govuk-tag--grey',
}

export const statusTag = (status: Status): Tag => ({
  text: status.text,
  classes: CLASSES[status.kind] ?? 'govuk-tag--grey',
})
