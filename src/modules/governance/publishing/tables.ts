import type { Generated } from 'kysely'

// Publishing's table (migration 0020_governance_duties_publishing), merged into the shared Database type.

export interface MeetingPublicationTable {
  id: Generated<number>
  meeting_id: number
  published_at: string
  published_by: string
}

declare module '../../../db/types.ts' {
  interface Database {
    meeting_publications: MeetingPublicationTable
  }
}
