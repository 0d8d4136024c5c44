import type { LedDeliverable } from './deliverable.ts'
import { type DeliverableFlags, type DeliverableStatus, flagStatuses } from './flags.ts'
import type { PlanView } from './plan-view.ts'
import { RAG_LABELS, type Rag } from './rag.ts'

// What needs someone's attention in a plan: the home page and the reminders both ask the same
// question, so the answer is written once here.

export interface Attention {
  overdue: boolean
  red: boolean
  /** No progress update for the stale period. */
  stale: boolean
  /** Not complete, and no progress update has ever been given. */
  neverUpdated: boolean
}

export interface AttentionInput {
  rag: Rag
  flags: DeliverableFlags
  latestUpdateOn: string | null
}

/** The flags as the plans give them (flags.ts decides what overdue, stale and never updated mean). */
export function attentionFor(d: AttentionInput): Attention {
  return {
    overdue: d.flags.overdue,
    red: d.rag === 'red',
    stale: d.flags.stale,
    neverUpdated: d.flags.neverUpdated,
  }
}

export const needsAttention = (a: Attention) => a.overdue || a.red || a.stale || a.neverUpdated

export type AttentionGroup = 'overdue' | 'red' | 'update'

export const ATTENTION_GROUPS: Record<AttentionGroup, string> = {
  overdue: 'Overdue',
  red: 'Red – off track',
  update: 'Due for an update',
}

/** The first group that applies, so a deliverable is listed once: overdue, then red, then due for an update. */
export function attentionGroup(a: Attention): AttentionGroup | null {
  if (a.overdue) return 'overdue'
  if (a.red) return 'red'
  if (a.stale || a.neverUpdated) return 'update'
  return null
}

/** The items that need attention, each once, in their groups, in the groups' order. */
export function byAttentionGroup<T extends AttentionInput>(
  items: readonly T[],
): Array<{ group: AttentionGroup; items: T[] }> {
  const groups = new Map<AttentionGroup, T[]>()
  for (const item of items) {
    const group = attentionGroup(attentionFor(item))
    if (group) groups.set(group, [...(groups.get(group) ?? []), item])
  }
  return (Object.keys(ATTENTION_GROUPS) as AttentionGroup[])
    .filter((g) => groups.has(g))
    .map((group) => ({ group, items: groups.get(group) ?? [] }))
}

/** A lead's deliverable that needs them, with its RAG and the flags that are set, in words. */
export interface AttentionDeliverable extends LedDeliverable {
  statuses: DeliverableStatus[]
}

export interface LeadAttentionGroup {
  group: AttentionGroup
  /** "Overdue", "Red – off track", "Due for an update". */
  heading: string
  deliverables: AttentionDeliverable[]
}

/** What a lead is asked about: how many deliverables they lead, and those that need them, grouped. */
export interface LeadAttention {
  led: number
  groups: LeadAttentionGroup[]
}

export function leadAttention(led: readonly LedDeliverable[]): LeadAttention {
  return {
    led: led.length,
    groups: byAttentionGroup(led).map(({ group, items }) => ({
      group,
      heading: ATTENTION_GROUPS[group],
      deliverables: items.map((d) => ({
        ...d,
        statuses: [{ kind: d.rag, text: RAG_LABELS[d.rag] }, ...flagStatuses(d.flags)],
      })),
    })),
  }
}

export interface AttentionCounts {
  deliverables: number
  red: number
  overdue: number
  stale: number
  neverUpdated: number
}

export interface ThemeAttention extends AttentionCounts {
  theme: string
}

/** One plan's counts by theme: the manager's view of where it needs chasing. */
export interface PlanAttention {
  plan: { id: number; title: string }
  themes: ThemeAttention[]
  total: AttentionCounts
}

const none = (): AttentionCounts => ({ deliverables: 0, red: 0, overdue: 0, stale: 0, neverUpdated: 0 })

function count(into: AttentionCounts, a: Attention) {
  into.deliverables++
  if (a.red) into.red++
  if (a.overdue) into.overdue++
  if (a.stale) into.stale++
  if (a.neverUpdated) into.neverUpdated++
}

export function planAttention(plan: PlanView): PlanAttention {
  const total = none()
  const themes = plan.themes.map((t) => {
    const row: ThemeAttention = { theme: t.title, ...none() }
    for (const action of t.actions) {
      for (const d of action.deliverables) {
        const a = attentionFor(d)
        count(row, a)
        count(total, a)
      }
    }
    return row
  })
  return { plan: { id: plan.id, title: plan.title }, themes, total }
}
