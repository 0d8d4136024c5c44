import { formatPlanDate } from '../../../shared/plan-dates.ts'
import { actionHeading, NO_OUTCOME } from '../../../web/plan-words.ts'
import type { Deliverable, StoredDeliverable } from '../deliverable.ts'
import { paths } from '../paths.ts'
import { parsePlanDate, spreadsheetPlanDate } from '../plan-dates.ts'
import { RAG_LABELS, type Rag } from '../rag.ts'
import { changedFields, text } from './conflict.ts'
import { flagTags, ragTag } from './status-tags.ts'
import { summaryRows } from './summary-rows.ts'

// The plan's own Progress field, named apart from the progress updates made in Safer.
export const PLAN_PROGRESS = 'Progress (from the plan)'

export type { Deliverable }

const orNone = (value: string, none = 'Not recorded') => value.trim() || none

/** The deliverable page: where it sits in the plan, every field, its flags and its history. */
export function deliverablePage(d: Deliverable) {
  return {
    title: d.outcome || NO_OUTCOME,
    /** Long outcomes get a smaller heading, so the page does not open on a wall of large type. */
    titleClass: (d.outcome || NO_OUTCOME).length > 100 ? 'govuk-heading-m' : 'govuk-heading-l',
    plan: { id: d.plan.id, title: d.plan.title, href: paths.plans.show(d.plan.id) },
    context: summaryRows([
      ['Plan', { text: d.plan.title, href: paths.plans.show(d.plan.id) }],
      ['Theme', d.theme],
      ['Action', `${actionHeading(d.action.number)}${d.action.locallyAdded ? ' (locally added)' : ''}`],
      ['What the action says', orNone(d.action.text, 'Not written')],
    ]),
    rag: ragTag(d.rag),
    flags: flagTags(d.flags),
    fields: summaryRows([
      ['Outcome', orNone(d.outcome)],
      [d.leads.length > 1 ? 'Leads' : 'Lead', orNone(d.leads.map((l) => l.name).join(', '), 'No named lead')],
      ['Lead organisations', orNone(d.leadOrganisations.join(', '))],
      ['Start', orNone(formatPlanDate(d.start))],
      ['End', orNone(formatPlanDate(d.end))],
      ['Supporting organisations', orNone(d.supportingOrganisations)],
      [PLAN_PROGRESS, orNone(d.progress)],
      ['Comment', orNone(d.comment)],
      ['Document references', orNone(d.documentReferences)],
    ]),
    history: d.updates.map((u) => ({
      date: formatPlanDate(u.updateOn),
      author: u.authorName,
      rag: ragTag(u.rag),
      text: u.text,
    })),
  }
}

/** The edit form's values, as a person would type them ("Dec-18", "Ongoing"). */
export function editValues(d: Deliverable): Record<string, string> {
  return {
    outcome: d.outcome,
    start: spreadsheetPlanDate(d.start),
    end: spreadsheetPlanDate(d.end),
    supportingOrganisations: d.supportingOrganisations,
    progress: d.progress,
    comment: d.comment,
    documentReferences: d.documentReferences,
    rag: d.rag,
    version: String(d.version),
  }
}

const asTyped = (typed: string | undefined) => {
  const parsed = parsePlanDate(typed ?? '')
  return parsed.ok ? formatPlanDate(parsed.value) : (typed ?? '')
}
const ragText = (value: unknown) => RAG_LABELS[value as Rag] ?? text(value)

type Changeable =
  | 'outcome'
  | 'start'
  | 'end'
  | 'supportingOrganisations'
  | 'progress'
  | 'comment'
  | 'documentReferences'
  | 'rag'

/** What someone else saved (the stored deliverable a 409 carries) against what this person sent. */
export function deliverableChanges(
  current: Pick<StoredDeliverable, Changeable>,
  sent: Record<string, string>,
) {
  return changedFields([
    { label: 'Outcome', theirs: text(current.outcome), yours: text(sent.outcome) },
    {
      label: 'Start',
      theirs: formatPlanDate(current.start),
      yours: asTyped(sent.start),
    },
    {
      label: 'End',
      theirs: formatPlanDate(current.end),
      yours: asTyped(sent.end),
    },
    {
      label: 'Supporting organisations',
      theirs: text(current.supportingOrganisations),
      yours: text(sent.supportingOrganisations),
    },
    { label: PLAN_PROGRESS, theirs: text(current.progress), yours: text(sent.progress) },
    { label: 'Comment', theirs: text(current.comment), yours: text(sent.comment) },
    {
      label: 'Document references',
      theirs: text(current.documentReferences),
      yours: text(sent.documentReferences),
    },
    { label: 'RAG status', theirs: ragText(current.rag), yours: ragText(sent.rag) },
  ])
}
