import { HOUSEHOLD, LOCATION, ON_BEHALF, REASON, RECOMMENDATIONS } from '../asb/application-reader.ts'
import { locationIndex } from '../asb/location-index.ts'
import type { CasePart } from '../rights/parts.ts'
import {
  allApplicationKeys,
  applicationsOf,
  riskOptionsOf,
  riskReviewsOf,
  setApplicationKeys,
  transitionsOf,
} from './rights.repository.ts'
import { FACTORS, NOTE, OPTION, PROTECTIVE, TO_SERVICE } from './youth-reader.ts'

// The youth panels' risk reviews and transitions and the ASB case review in the rights: key
// rotation re-seals them and re-keys an application's applicant and location indexes (the repeat
// flags match by them); a subject access export shows them opened. Risk reviews and transitions go
// with their case (ON DELETE CASCADE).

export const youthAsbPart: CasePart = {
  name: 'youth panels and the ASB case review',
  sealed: [
    { table: 'case_risk_reviews', column: 'risk_factors_sealed', purpose: FACTORS },
    { table: 'case_risk_reviews', column: 'protective_factors_sealed', purpose: PROTECTIVE },
    { table: 'case_risk_options', column: 'option_sealed', purpose: OPTION },
    { table: 'case_transitions', column: 'to_service_sealed', purpose: TO_SERVICE },
    { table: 'case_transitions', column: 'note_sealed', purpose: NOTE },
    { table: 'case_asb_applications', column: 'on_behalf_sealed', purpose: ON_BEHALF },
    { table: 'case_asb_applications', column: 'location_sealed', purpose: LOCATION },
    { table: 'case_asb_applications', column: 'decision_reason_sealed', purpose: REASON },
    { table: 'case_asb_applications', column: 'recommendations_sealed', purpose: RECOMMENDATIONS },
    { table: 'case_asb_complaints', column: 'household_sealed', purpose: HOUSEHOLD },
  ],
  async exportSections(db, cipher, { caseIds, subjectIds }) {
    const open = (purpose: string, sealed: string | null) => (sealed ? cipher.open(purpose, sealed) : null)
    const reviews = caseIds.length ? await riskReviewsOf(db, caseIds) : []
    const options = reviews.length
      ? await riskOptionsOf(
          db,
          reviews.map((r) => r.id),
        )
      : []
    const transitions = subjectIds.length ? await transitionsOf(db, subjectIds) : []
    const applications = subjectIds.length ? await applicationsOf(db, subjectIds) : []
    return [
      {
        title: 'Risk reviews',
        rows: reviews.map((r) => ({
          case: r.referral_id,
          reviewed: r.reviewed_on,
          level: r.risk_level,
          'risk factors': open(FACTORS, r.risk_factors_sealed),
          'protective factors': open(PROTECTIVE, r.protective_factors_sealed),
          options: options
            .filter((o) => o.review_id === r.id)
            .map((o) => `${o.kind}: ${open(OPTION, o.option_sealed)}`)
            .join('; '),
        })),
      },
      {
        title: 'Transitions to adult services',
        rows: transitions.map((t) => ({
          case: t.referral_id,
          on: t.transferred_on,
          'to service': open(TO_SERVICE, t.to_service_sealed),
          note: open(NOTE, t.note_sealed),
        })),
      },
      {
        title: 'ASB case review applications',
        rows: applications.map((a) => ({
          received: a.received_on,
          'on behalf of': open(ON_BEHALF, a.on_behalf_sealed),
          location: open(LOCATION, a.location_sealed),
          decided: a.decided_on,
          'threshold met': a.threshold_met === null ? null : a.threshold_met ? 'yes' : 'no',
          reason: open(REASON, a.decision_reason_sealed),
          'review meeting': a.met_on,
          recommendations: open(RECOMMENDATIONS, a.recommendations_sealed),
        })),
      },
    ].filter((section) => section.rows.length > 0)
  },
  // Runs after the subjects' own indexes are rewritten: an applicant's index is theirs.
  async reindex(trx, cipher, key) {
    let changed = 0
    for (const a of await allApplicationKeys(trx)) {
      const next = {
        applicant_index: a.name_dob_index,
        location_index: locationIndex(key, cipher.open(LOCATION, a.location_sealed)),
      }
      if (next.applicant_index === a.applicant_index && next.location_index === a.location_index) continue
      await setApplicationKeys(trx, a.id, next)
      changed++
    }
    return changed
  },
}
