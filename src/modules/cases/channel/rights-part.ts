import { PLACE, placeIndex } from '../mase/place-index.ts'
import type { CasePart } from '../rights/parts.ts'
import {
  allPlaces,
  consentsOf,
  disruptionsOf,
  locationsOf,
  setPlaceIndex,
  supportOf,
  vafAssessmentsOf,
} from './rights.repository.ts'

// Channel's and MASE's records in the rights: key rotation re-seals them and re-keys the place
// index (the problem profile matches places by it), and a subject access export shows them opened.
// Retention needs nothing here: they go with the case (ON DELETE CASCADE). The purposes are the
// ones channel.service.ts and mase.service.ts seal with.

const SEALED = {
  ratings: 'channel.vaf-ratings',
  obtainedBy: 'channel.consent-obtained-by',
  consentNote: 'channel.consent-note',
  provider: 'channel.support-provider',
  detail: 'mase.disruption-detail',
  result: 'mase.disruption-result',
} as const

export const channelMasePart: CasePart = {
  name: 'Channel and MASE',
  sealed: [
    { table: 'case_vaf_assessments', column: 'ratings_sealed', purpose: SEALED.ratings },
    { table: 'case_channel_consents', column: 'obtained_by_sealed', purpose: SEALED.obtainedBy },
    { table: 'case_channel_consents', column: 'note_sealed', purpose: SEALED.consentNote },
    { table: 'case_channel_support', column: 'provider_sealed', purpose: SEALED.provider },
    { table: 'case_mase_locations', column: 'place_sealed', purpose: PLACE },
    { table: 'case_mase_disruptions', column: 'detail_sealed', purpose: SEALED.detail },
    { table: 'case_mase_disruptions', column: 'result_sealed', purpose: SEALED.result },
  ],
  async exportSections(db, cipher, { caseIds }) {
    if (caseIds.length === 0) return []
    const open = (purpose: string, sealed: string | null) => (sealed ? cipher.open(purpose, sealed) : null)
    const [vaf, consents, support, places, disruptions] = await Promise.all([
      vafAssessmentsOf(db, caseIds),
      consentsOf(db, caseIds),
      supportOf(db, caseIds),
      locationsOf(db, caseIds),
      disruptionsOf(db, caseIds),
    ])
    return [
      {
        title: 'Channel: vulnerability assessments',
        rows: vaf.map((a) => ({
          case: a.referral_id,
          assessed: a.assessed_on,
          ratings: open(SEALED.ratings, a.ratings_sealed),
        })),
      },
      {
        title: 'Channel: consent',
        rows: consents.map((c) => ({
          case: c.referral_id,
          decided: c.decided_on,
          decision: c.decision,
          'given by': c.given_by,
          'obtained by': open(SEALED.obtainedBy, c.obtained_by_sealed),
          note: open(SEALED.consentNote, c.note_sealed),
        })),
      },
      {
        title: 'Channel: support',
        rows: support.map((s) => ({
          case: s.referral_id,
          support: s.support_type,
          provider: open(SEALED.provider, s.provider_sealed),
          starts: s.starts_on,
          ends: s.ends_on,
        })),
      },
      {
        title: 'MASE: places linked',
        rows: places.map((p) => ({
          case: p.referral_id,
          type: p.location_type,
          place: open(PLACE, p.place_sealed),
        })),
      },
      {
        title: 'MASE: disruption',
        rows: disruptions.map((d) => ({
          case: d.referral_id,
          disruption: d.disruption_type,
          due: d.due_on,
          status: d.status,
          detail: open(SEALED.detail, d.detail_sealed),
          result: open(SEALED.result, d.result_sealed),
        })),
      },
    ].filter((section) => section.rows.length > 0)
  },
  async reindex(trx, cipher, key) {
    let changed = 0
    for (const p of await allPlaces(trx)) {
      const index = placeIndex(key, cipher.open(PLACE, p.place_sealed))
      if (index === p.place_index) continue
      await setPlaceIndex(trx, p.id, index)
      changed++
    }
    return changed
  },
}
