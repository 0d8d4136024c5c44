import { actionHeading, NO_OUTCOME } from '../../../web/plan-words.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import type { ArchivedParts } from '../archived.ts'
import { paths } from '../paths.ts'
import type { PlanView } from '../plan-view.ts'

// The "Change the plan" page and the Archived list, shaped for their templates.

const PLURAL = { theme: 'themes', action: 'actions', deliverable: 'deliverables' } as const
export type Part = keyof typeof PLURAL
export const pluralOf = (part: Part) => PLURAL[part]
export const partOfPlural = (plural: string): Part | undefined =>
  (Object.entries(PLURAL).find(([, p]) => p === plural)?.[0] as Part | undefined) ?? undefined

/** A short name for a long text: the start of its first line, cut at a word. */
export function shortText(text: string, max = 80): string {
  const line = (text.split(/\r?\n/).find((l) => l.trim()) ?? '').replace(/^[\s>•*·-]+/, '').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`
}

export function structurePage(plan: PlanView) {
  return plan.themes.map((theme, i) => ({
    id: theme.id,
    title: theme.title,
    subtitle: theme.subtitle,
    canMoveUp: i > 0,
    canMoveDown: i < plan.themes.length - 1,
    actions: theme.actions.map((a) => ({
      id: a.id,
      heading: actionHeading(a.number),
      locallyAdded: a.locallyAdded,
      text: a.text,
      deliverables: a.deliverables.map((d) => ({
        id: d.id,
        href: paths.plans.deliverable(d.id),
        title: shortText(d.outcome || NO_OUTCOME),
        leads: d.leads.join(', '),
      })),
    })),
  }))
}

export function archivedPage(parts: ArchivedParts) {
  const when = (a: { at: string; by: string; reason: string }) => ({
    when: formatDateTime(a.at),
    by: a.by,
    reason: a.reason,
  })
  return {
    count: parts.themes.length + parts.actions.length + parts.deliverables.length,
    themes: parts.themes.map((t) => ({ id: t.id, name: t.title, where: '', ...when(t.archived) })),
    actions: parts.actions.map((a) => ({
      id: a.id,
      name: `${actionHeading(a.number)}: ${shortText(a.text, 60)}`,
      where: a.theme,
      ...when(a.archived),
    })),
    deliverables: parts.deliverables.map((d) => ({
      id: d.id,
      href: paths.plans.deliverable(d.id),
      name: shortText(d.outcome || NO_OUTCOME, 60),
      where: `${d.theme}, ${actionHeading(d.actionNumber)}`,
      ...when(d.archived),
    })),
  }
}
