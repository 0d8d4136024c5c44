import type { PlanDate } from '../plan-dates.ts'
import { spreadsheetPlanDate } from '../plan-dates.ts'
import { planProgressFrom } from '../progress-cell.ts'
import { RAG_LABELS, type Rag } from '../rag.ts'
import { matchActions, matchDeliverables, matchThemes } from './match.ts'
import type { ParsedAction, ParsedDeliverable, ParsedTheme } from './types.ts'

// What importing a file again over the stored plan would do, worked out before anything is
// written: the preview shows it, and the import writes exactly it.

export interface StoredDeliverable {
  id: number
  actionId: number
  position: number
  archived: boolean
  outcome: string
  leads: string[]
  leadOrganisations: string[]
  start: PlanDate | null
  end: PlanDate | null
  supportingOrganisations: string
  progress: string
  comment: string
  documentReferences: string
  rag: Rag
}

export interface StoredAction {
  id: number
  themeId: number
  position: number
  archived: boolean
  number: string | null
  locallyAdded: boolean
  text: string
  deliverables: StoredDeliverable[]
}

export interface StoredTheme {
  id: number
  position: number
  archived: boolean
  title: string
  subtitle: string
  notes: string[]
  actions: StoredAction[]
}

export interface FieldChange {
  field: string
  before: string
  after: string
}

export type Level = 'theme' | 'action' | 'deliverable'

export interface ChangeEntry {
  level: Level
  /** The stored row's id; null for a row the import adds. */
  id: number | null
  /** Where it sits: "Theme › Action 3". */
  where: string
  /** Its title, its action number and text, or its outcome. */
  name: string
  /** Field by field, for a changed row. */
  changes: FieldChange[]
  /** An archived row the file brings back. */
  restored: boolean
}

export interface PlanChanges {
  added: ChangeEntry[]
  changed: ChangeEntry[]
  archived: ChangeEntry[]
  unchanged: number
}

export interface PlacedDeliverable {
  node: ParsedDeliverable
  id: number | null
  /** The plan's own progress text to store (the latest update the export added taken off). */
  progress: string
  /** The row needs writing: changed, moved or restored. */
  write: boolean
  leadsChanged: boolean
  organisationsChanged: boolean
}

export interface PlacedAction {
  node: ParsedAction
  id: number | null
  write: boolean
  deliverables: PlacedDeliverable[]
}

export interface PlacedTheme {
  node: ParsedTheme
  id: number | null
  write: boolean
  actions: PlacedAction[]
}

export interface Placement {
  themes: PlacedTheme[]
  archive: { themes: number[]; actions: number[]; deliverables: number[] }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
const date = (d: PlanDate | null) => spreadsheetPlanDate(d)

function compare(fields: Array<[field: string, before: string, after: string]>): FieldChange[] {
  return fields
    .filter(([, before, after]) => squash(before) !== squash(after))
    .map(([field, before, after]) => ({ field, before, after }))
}

export const actionName = (a: { number: string | null; text: string }) =>
  a.number ? `Action ${a.number}: ${a.text}` : a.text

/** Lines the file up with the stored plan (import/match.ts) and says what would change. */
export function diffPlan(
  stored: StoredTheme[],
  themes: ParsedTheme[],
): { changes: PlanChanges; placement: Placement } {
  const changes: PlanChanges = { added: [], changed: [], archived: [], unchanged: 0 }
  const placement: Placement = { themes: [], archive: { themes: [], actions: [], deliverables: [] } }
  const entry = (
    level: Level,
    id: number | null,
    where: string,
    name: string,
    fieldChanges: FieldChange[] = [],
    restored = false,
  ): ChangeEntry => ({
    level,
    id,
    where,
    name,
    changes: fieldChanges,
    restored,
  })

  function archiveDeliverables(where: string, ds: StoredDeliverable[]) {
    for (const d of ds.filter((x) => !x.archived)) {
      placement.archive.deliverables.push(d.id)
      changes.archived.push(entry('deliverable', d.id, where, d.outcome))
    }
  }
  function archiveActions(where: string, as: StoredAction[]) {
    for (const a of as) {
      if (!a.archived) {
        placement.archive.actions.push(a.id)
        changes.archived.push(entry('action', a.id, where, actionName(a)))
      }
      archiveDeliverables(
        `${where} › ${a.number ? `Action ${a.number}` : 'Unnumbered action'}`,
        a.deliverables,
      )
    }
  }

  const themePairs = matchThemes(stored, themes)
  const storedThemeOf = new Map(themePairs.matched.map((m) => [m.file, m.stored]))
  themes.forEach((fileTheme, t) => {
    const s = storedThemeOf.get(fileTheme)
    const themeChanges = s
      ? compare([
          ['Title', s.title, fileTheme.title],
          ['Subtitle', s.subtitle, fileTheme.subtitle],
          ['Notes', s.notes.join(' / '), fileTheme.notes.join(' / ')],
        ])
      : []
    if (!s) changes.added.push(entry('theme', null, 'Plan', fileTheme.title))
    else if (themeChanges.length || s.archived)
      changes.changed.push(entry('theme', s.id, 'Plan', fileTheme.title, themeChanges, s.archived))
    else changes.unchanged++
    const placedTheme: PlacedTheme = {
      node: fileTheme,
      id: s?.id ?? null,
      write: !s || themeChanges.length > 0 || s.archived || s.position !== t,
      actions: [],
    }
    placement.themes.push(placedTheme)

    const actionPairs = matchActions(s?.actions ?? [], fileTheme.actions)
    const storedActionOf = new Map(actionPairs.matched.map((m) => [m.file, m.stored]))
    archiveActions(fileTheme.title, actionPairs.gone)
    fileTheme.actions.forEach((fileAction, a) => {
      const sa = storedActionOf.get(fileAction)
      const actionChanges = sa
        ? compare([
            ['Action No', sa.number ?? '', fileAction.number ?? ''],
            ['Action', sa.text, fileAction.text],
          ])
        : []
      const where = fileTheme.title
      if (!sa) changes.added.push(entry('action', null, where, actionName(fileAction)))
      else if (actionChanges.length || sa.archived)
        changes.changed.push(
          entry('action', sa.id, where, actionName(fileAction), actionChanges, sa.archived),
        )
      else changes.unchanged++
      const placedAction: PlacedAction = {
        node: fileAction,
        id: sa?.id ?? null,
        write: !sa || actionChanges.length > 0 || sa.archived || sa.position !== a || sa.themeId !== s?.id,
        deliverables: [],
      }
      placedTheme.actions.push(placedAction)

      const label = `${where} › ${fileAction.number ? `Action ${fileAction.number}` : 'Unnumbered action'}`
      const deliverablePairs = matchDeliverables(sa?.deliverables ?? [], fileAction.deliverables)
      const storedDeliverableOf = new Map(deliverablePairs.matched.map((m) => [m.file, m.stored]))
      archiveDeliverables(label, deliverablePairs.gone)
      fileAction.deliverables.forEach((fd, position) => {
        const sd = storedDeliverableOf.get(fd)
        const progress = planProgressFrom(fd.progress)
        if (!sd) {
          changes.added.push(entry('deliverable', null, label, fd.outcome))
          placedAction.deliverables.push({
            node: fd,
            id: null,
            progress,
            write: true,
            leadsChanged: true,
            organisationsChanged: true,
          })
          return
        }
        const leads = compare([['Named CSP Lead', sd.leads.join('/'), fd.leads.join('/')]])
        const organisations = compare([
          ['Lead organisation', sd.leadOrganisations.join('/'), fd.leadOrganisations.join('/')],
        ])
        const fieldChanges = [
          ...compare([['Outcome', sd.outcome, fd.outcome]]),
          ...leads,
          ...organisations,
          ...compare([
            ['Start date', date(sd.start), date(fd.start)],
            ['End date', date(sd.end), date(fd.end)],
            ['Supporting organisation(s)', sd.supportingOrganisations, fd.supportingOrganisations],
            ['Progress (from the plan)', sd.progress, progress],
            ['Comment', sd.comment, fd.comment],
            ['Document Reference(s)', sd.documentReferences, fd.documentReferences],
            ['RAG status', RAG_LABELS[sd.rag], RAG_LABELS[fd.rag]],
          ]),
        ]
        if (fieldChanges.length || sd.archived)
          changes.changed.push(entry('deliverable', sd.id, label, fd.outcome, fieldChanges, sd.archived))
        else changes.unchanged++
        placedAction.deliverables.push({
          node: fd,
          id: sd.id,
          // Unchanged text keeps the stored spelling (line breaks typed in Safer survive a round trip).
          progress: squash(sd.progress) === squash(progress) ? sd.progress : progress,
          write: fieldChanges.length > 0 || sd.archived || sd.position !== position || sd.actionId !== sa?.id,
          leadsChanged: leads.length > 0,
          organisationsChanged: organisations.length > 0,
        })
      })
    })
  })
  for (const s of themePairs.gone) {
    if (!s.archived) {
      placement.archive.themes.push(s.id)
      changes.archived.push(entry('theme', s.id, 'Plan', s.title))
    }
    archiveActions(s.title, s.actions)
  }
  return { changes, placement }
}
