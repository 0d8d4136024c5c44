// What has been removed from a plan, as the Archived list and the API show it: who, when and why.

export interface Archival {
  at: string
  reason: string
  by: string
}

export interface ArchivedParts {
  themes: Array<{ id: number; title: string; archived: Archival }>
  actions: Array<{ id: number; number: string | null; text: string; theme: string; archived: Archival }>
  deliverables: Array<{
    id: number
    outcome: string
    actionNumber: string | null
    theme: string
    archived: Archival
  }>
}

interface ArchivedColumns {
  archived_at: string | null
  archived_reason: string | null
  archived_by: string | null
}

const archivalOf = (row: ArchivedColumns): Archival => ({
  at: row.archived_at ?? '',
  reason: row.archived_reason ?? '',
  by: row.archived_by ?? '',
})

export function toArchivedParts(rows: {
  themes: Array<{ id: number; title: string } & ArchivedColumns>
  actions: Array<{ id: number; number: string | null; text: string; theme_title: string } & ArchivedColumns>
  deliverables: Array<
    { id: number; outcome: string; action_number: string | null; theme_title: string } & ArchivedColumns
  >
}): ArchivedParts {
  return {
    themes: rows.themes.map((t) => ({ id: t.id, title: t.title, archived: archivalOf(t) })),
    actions: rows.actions.map((a) => ({
      id: a.id,
      number: a.number,
      text: a.text,
      theme: a.theme_title,
      archived: archivalOf(a),
    })),
    deliverables: rows.deliverables.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      actionNumber: d.action_number,
      theme: d.theme_title,
      archived: archivalOf(d),
    })),
  }
}
