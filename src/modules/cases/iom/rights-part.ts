import type { CasePart } from '../rights/parts.ts'
import { SEALED } from './iom-record.ts'
import { decisionsOf, membershipsOf, offencesOf, pathwaysOf } from './rights.repository.ts'

// IOM's records of a person in the rights: key rotation re-seals them and a subject access export
// shows them opened; retention needs nothing here, as they go with the person (ON DELETE CASCADE).

export const iomPart: CasePart = {
  name: 'Integrated Offender Management',
  sealed: [
    { table: 'iom_offences', column: 'source_note_sealed', purpose: SEALED.source },
    { table: 'iom_candidate_decisions', column: 'reason_sealed', purpose: SEALED.decision },
    { table: 'iom_cohort_memberships', column: 'selection_reason_sealed', purpose: SEALED.selection },
    { table: 'iom_cohort_memberships', column: 'deselection_note_sealed', purpose: SEALED.deselection },
    { table: 'iom_pathways', column: 'note_sealed', purpose: SEALED.pathway },
  ],
  async exportSections(db, cipher, { subjectIds }) {
    if (subjectIds.length === 0) return []
    const open = (purpose: string, sealed: string | null) => (sealed ? cipher.open(purpose, sealed) : null)
    const [offences, decisions, memberships, pathways] = await Promise.all([
      offencesOf(db, subjectIds),
      decisionsOf(db, subjectIds),
      membershipsOf(db, subjectIds),
      pathwaysOf(db, subjectIds),
    ])
    return [
      {
        title: 'IOM: offences recorded',
        rows: offences.map((o) => ({
          date: o.offence_date,
          group: o.offence_group,
          'Home Office code': o.home_office_code,
          source: open(SEALED.source, o.source_note_sealed),
        })),
      },
      {
        title: 'IOM: selection decisions',
        rows: decisions.map((d) => ({
          decided: d.decided_on,
          decision: d.decision,
          score: d.score,
          reason: open(SEALED.decision, d.reason_sealed),
        })),
      },
      {
        title: 'IOM: cohorts',
        rows: memberships.map((m) => ({
          cohort: m.cohort,
          selected: m.selected_on,
          'selection reason': open(SEALED.selection, m.selection_reason_sealed),
          deselected: m.deselected_on,
          'deselection reason': m.deselection_reason,
          'deselection note': open(SEALED.deselection, m.deselection_note_sealed),
        })),
      },
      {
        title: 'IOM: pathways',
        rows: pathways.map((p) => ({
          pathway: p.pathway,
          need: p.need,
          progress: p.progress,
          reviewed: p.reviewed_on,
          note: open(SEALED.pathway, p.note_sealed),
        })),
      },
    ].filter((section) => section.rows.length > 0)
  },
}
