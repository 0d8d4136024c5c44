import type { PanelAccess } from '../policy.ts'
import type { PanelRow } from './panels.repository.ts'
import { LEGAL_BASIS_LABELS, type LegalBasis, PANEL_TYPE_LABELS, type PanelType } from './schema.ts'

export interface PanelMember {
  id: number
  name: string
  email: string
  organisationName: string
}

/** A risk panel as pages, the API and other services see it: who sits on it and the agreement it shares under. */
export interface Panel extends PanelAccess {
  id: number
  name: string
  type: PanelType
  typeLabel: string
  termsOfReference: string
  chair: { id: number; name: string; email: string }
  cadence: string
  organisations: Array<{ id: number; name: string }>
  members: PanelMember[]
  isa: {
    parties: string[]
    legalBasis: LegalBasis
    legalBasisLabel: string
    reviewDate: string
    /** The review date has passed. */
    reviewOverdue: boolean
  }
  retentionYears: number
  /** Incidents in 12 months that make potential escalation on this panel's Dash (SafeLives: 3). */
  escalationIncidents: number
  version: number
}

export function toPanel(
  row: PanelRow,
  members: PanelMember[],
  organisations: Array<{ id: number; name: string }>,
  today: string,
): Panel {
  const legalBasis = row.isa_legal_basis as LegalBasis
  return {
    id: row.id,
    name: row.name,
    type: row.type as PanelType,
    typeLabel: PANEL_TYPE_LABELS[row.type as PanelType] ?? row.type,
    termsOfReference: row.terms_of_reference,
    chair: { id: row.chair_user_id, name: row.chair_name, email: row.chair_email },
    chairUserId: row.chair_user_id,
    memberUserIds: members.map((m) => m.id),
    cadence: row.cadence,
    organisations,
    members,
    isa: {
      parties: JSON.parse(row.isa_parties) as string[],
      legalBasis,
      legalBasisLabel: LEGAL_BASIS_LABELS[legalBasis] ?? legalBasis,
      reviewDate: row.isa_review_date,
      reviewOverdue: row.isa_review_date < today,
    },
    retentionYears: row.retention_years,
    escalationIncidents: row.escalation_incidents,
    version: row.version,
  }
}
