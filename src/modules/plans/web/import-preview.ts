import type { ChangeEntry, PlanChanges } from '../import/plan-diff.ts'
import type { ImportSummary } from '../import/summary.ts'
import { paths } from '../paths.ts'

/** The preview page's tables: each theme's counts, and the data-quality report row by row. */
export function importPreview(summary: ImportSummary) {
  return {
    title: summary.title ?? '',
    counts: summary.counts,
    themes: summary.themes.map((t) => ({
      title: t.title,
      actions: t.actions.length,
      locallyAdded: t.actions.filter((a) => a.locallyAdded).length,
      deliverables: t.actions.reduce((n, a) => n + a.deliverables.length, 0),
    })),
    warnings: summary.warnings.map((w) => ({
      row: w.row > 0 ? String(w.row) : 'Whole file',
      message: w.message,
    })),
    leadership: summary.leadership.length,
    strategicAims: summary.strategicAims,
  }
}

/** The importer's errors as the page shows them: the first in the error summary, all of them in a table. */
export function importErrors(summary: ImportSummary) {
  const rows = summary.errors.map((e) => ({ row: e.row > 0 ? String(e.row) : '', message: e.message }))
  const first = rows[0]
  const text = first
    ? first.row
      ? `Row ${first.row}: ${first.message}`
      : first.message
    : 'The file could not be read'
  return {
    errors: { file: rows.length > 1 ? `${text} (and ${rows.length - 1} more problems, listed below)` : text },
    report: rows.length > 1 ? rows : [],
  }
}

const LEVELS: Record<ChangeEntry['level'], string> = {
  theme: 'Theme',
  action: 'Action',
  deliverable: 'Deliverable',
}

/** What replacing the stored plan with the file changes, as the preview's three tables show it. */
export function replacePreview(changes: PlanChanges) {
  const row = (e: ChangeEntry) => ({
    level: LEVELS[e.level],
    where: e.where,
    name: e.name,
    href: e.level === 'deliverable' && e.id !== null ? paths.plans.deliverable(e.id) : null,
    restored: e.restored,
    changes: e.changes,
  })
  return {
    counts: {
      added: changes.added.length,
      changed: changes.changed.length,
      archived: changes.archived.length,
      unchanged: changes.unchanged,
    },
    added: changes.added.map(row),
    changed: changes.changed.map(row),
    archived: changes.archived.map(row),
  }
}
