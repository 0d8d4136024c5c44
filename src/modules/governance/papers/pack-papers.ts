import type { PackPaper, PapersSource } from '../pack/sources.ts'
import type { Meeting } from '../records.ts'
import type { GovernancePapersService } from './service.ts'
import { paperSize } from './view.ts'

/**
 * The board pack's list of papers, from the papers kept on the meeting's items. An exempt item's
 * papers never leave here: the pack is circulated beyond those entitled to read them.
 */
export function packPapersFrom(service: Pick<GovernancePapersService, 'papersOfMeeting'>): PapersSource {
  return async (meeting: Pick<Meeting, 'id' | 'items'>) => {
    const exempt = new Set(meeting.items.filter((i) => i.exempt).map((i) => i.id))
    const byItem = new Map<number, PackPaper[]>()
    for (const p of await service.papersOfMeeting(meeting.id)) {
      if (exempt.has(p.itemId)) continue
      const detail = p.kind === 'file' ? `${p.typeLabel}, ${paperSize(p.sizeBytes)}` : p.kindLabel
      byItem.set(p.itemId, [...(byItem.get(p.itemId) ?? []), { title: p.title, detail }])
    }
    return byItem
  }
}
