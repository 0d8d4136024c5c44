import type { Services } from '../../module.ts'
import type { AgendaItem, Meeting } from '../records.ts'

// What a pack and an annual report are made from: other modules' services, and two seams for the
// governance's other parts (papers on agenda items, decision records). Each seam has a plain default,
// so the pack is whole without them; module.ts wires both in (see ADR 0025).

/** A paper on an agenda item, as the pack lists it: an uploaded file, or a link to a plan or figures. */
export interface PackPaper {
  title: string
  /** "PDF, 240 KB", "Link to a plan summary". */
  detail: string
}

/** The papers of a meeting's items, by item id. */
export type PapersSource = (meeting: Meeting) => Promise<Map<number, PackPaper[]>>

/** No papers kept: the list still shows what the agenda holds, item by item. */
export const noPapers: PapersSource = async () => new Map()

/** A decision of the year, as the annual report lists it. */
export interface YearDecision {
  /** YYYY-MM-DD */
  date: string
  /** "Safer Communities Delivery Group, item 100" or a decision record's reference. */
  madeBy: string
  number: string
  text: string
}

export type DecisionsSource = (year: number) => Promise<YearDecision[]>

export type PerformanceSource = Pick<Services['performanceReports'], 'dashboard' | 'exceptions'>

export interface PackSources {
  governance: Services['governance']
  plans: Pick<Services['plans'], 'listPlans' | 'getPlan'>
  strategies: Pick<Services['strategies'], 'get' | 'list'>
  /** Undefined when the performance module is not installed: the pack says so instead. */
  performance: () => PerformanceSource | undefined
  papers: PapersSource
  /** The year's decisions beyond the resolutions in the minutes: the decision records. */
  decisions: DecisionsSource
}

export const itemLabel = (item: Pick<AgendaItem, 'number' | 'title'>) => `Item ${item.number}: ${item.title}`

/** Without decision records, the year's decisions are the resolutions in the minutes alone. */
export const noRecordedDecisions: DecisionsSource = async () => []
