import { type DeliverableFlags, FLAG_LABELS } from '../flags.ts'
import { RAG_LABELS, RAG_STATUSES, type Rag } from '../rag.ts'

// RAG and flags as GOV.UK tags. Every tag carries its words: colour is never the only signal.

export interface Tag {
  text: string
  classes: string
}

// GOV.UK Frontend's plain tag is blue.
const RAG_CLASSES: Record<Rag, string> = {
  blue: '',
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  'not-started': 'govuk-tag--grey',
  'not-rated': 'govuk-tag--grey',
}

const FLAG_CLASSES: Record<keyof DeliverableFlags, string> = {
  overdue: 'govuk-tag--pink',
  stale: 'govuk-tag--yellow',
  endBeforeStart: 'govuk-tag--purple',
  neverUpdated: 'govuk-tag--grey',
}

const FLAG_ORDER = Object.keys(FLAG_LABELS) as Array<keyof DeliverableFlags>

export const ragTag = (rag: Rag): Tag => ({ text: RAG_LABELS[rag], classes: RAG_CLASSES[rag] })

/** The flags that are set, in a fixed order, as tags. */
export const flagTags = (flags: DeliverableFlags): Tag[] =>
  FLAG_ORDER.filter((flag) => flags[flag]).map((flag) => ({
    text: FLAG_LABELS[flag],
    classes: FLAG_CLASSES[flag],
  }))

/** Radio or select items for a RAG choice, with the current one checked. */
export const ragItems = (selected: unknown) =>
  RAG_STATUSES.map((rag) => ({
    value: rag,
    text: RAG_LABELS[rag],
    checked: rag === selected,
    selected: rag === selected,
  }))
