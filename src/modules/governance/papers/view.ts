import { paths as performancePaths } from '../../performance/paths.ts'
import { paths as plansPaths } from '../../plans/paths.ts'
import { paths } from '../paths.ts'
import type { Meeting } from '../records.ts'
import type { Paper } from './papers.service.ts'
import type { PlanRecordLink } from './plan-links.service.ts'
import type { GovernancePapersService } from './service.ts'

// Papers and plan links as the meeting page and the papers' own pages show them: each with the
// address of its page, worked out here from the owning module's paths.

export function paperHref(p: Paper): string | null {
  if (p.kind === 'file') return paths.governance.paper(p.id)
  if (!p.found) return null
  switch (p.linkKind) {
    case 'plan':
      return plansPaths.plans.show(p.targetId as number)
    case 'plan-summary':
      return plansPaths.plans.summary(p.targetId as number)
    case 'indicator-set':
      return `${performancePaths.performance.dashboard()}?priority=${p.targetId}`
    case 'exception-report':
      return performancePaths.performance.exceptions()
  }
}

export const planRecordHref = (l: PlanRecordLink): string | null =>
  !l.found
    ? null
    : l.kind === 'deliverable'
      ? plansPaths.plans.deliverable(l.id)
      : plansPaths.plans.show(l.planId as number)

export const paperSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`

const group = <T extends { itemId: number }>(rows: T[]) => {
  const out: Record<number, T[]> = {}
  for (const r of rows) out[r.itemId] = [...(out[r.itemId] ?? []), r]
  return out
}

/** What the meeting page's papers partial needs: papers and plan links by item, deliverables by action. */
export async function papersOnPage(service: GovernancePapersService, meeting: Pick<Meeting, 'id' | 'items'>) {
  const meetingId = meeting.id
  const actionIds = meeting.items.flatMap((i) => i.actions.map((a) => a.id))
  const papers = (await service.papersOfMeeting(meetingId)).map((p) => ({
    ...p,
    href: paperHref(p),
    detail: p.kind === 'file' ? `${p.typeLabel}, ${paperSize(p.sizeBytes)}` : p.kindLabel,
  }))
  const links = (await service.resolutionLinksOfMeeting(meetingId)).map((l) => ({
    ...l,
    href: planRecordHref(l),
  }))
  const deliverables = await service.deliverablesOfActions(actionIds)
  // Each item's actions arising that follow a plan deliverable, with the deliverable's page.
  const followedByItem: Record<
    number,
    Array<{
      action: { id: number; description: string }
      deliverable: PlanRecordLink & { href: string | null }
    }>
  > = {}
  for (const item of meeting.items)
    for (const action of item.actions) {
      const l = deliverables.get(action.id)
      if (!l) continue
      const followed = { action, deliverable: { ...l, href: planRecordHref(l) } }
      followedByItem[item.id] = [...(followedByItem[item.id] ?? []), followed]
    }
  return { papersByItem: group(papers), planLinksByItem: group(links), followedByItem }
}
