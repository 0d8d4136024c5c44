import type { Generated } from 'kysely'

// The board packs' table (migration 0019_governance_packs), merged into the shared Database type.

export interface BoardPackTable {
  id: Generated<number>
  meeting_id: number
  number: number
  made_at: string
  made_by_user_id: number | null
  made_by: string
  file_name: string
  bytes: number
  content: Buffer
  circulated_at: string | null
  circulated_by: string | null
}

declare module '../../../db/types.ts' {
  interface Database {
    board_packs: BoardPackTable
  }
}
