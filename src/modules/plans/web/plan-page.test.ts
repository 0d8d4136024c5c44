import { describe, expect, it } from 'vitest'
import { actionHeading } from '../../../web/plan-words.ts'
import { planFilterQuery } from '../plan-filter.ts'
import type { DeliverableView, PlanView } from '../plan-view.ts'
import { deliverableRow, planPage } from './plan-page.ts'

const none = { overdue: false, stale: false, endBeforeStart: false, neverUpdated: false }

function deliverable(id: number, extra: Partial<DeliverableView> = {}): DeliverableView {
  return {
    id,
    version: 1,
    outcome: `Outcome ${id}`,
    leads: ['Det Supt Helen Lyons'],
    leadPersonIds: [1],
    leadOrganisations: ['MPS'],
    start: '2018-12',
    end: 'ongoing',
    supportingOrganisations: '',
    progress: '',
    comment: '',
    documentReferences: '',
    rag: 'green',
    latestUpdateOn: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    sourceRow: null,
    flags: none,
    ...extra,
  }
}

const plan: PlanView = {
  id: 7,
  title: 'Knife crime plan',
  strategyId: null,
  period: null,
  owningBoard: null,
  sourceFile: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
  leadership: [],
  strategicAims: [],
  themes: [
    {
      id: 1,
      title: 'GOVERNANCE',
      subtitle: 'Leadership',
      notes: [],
      actions: [
        {
          id: 10,
          number: '1',
          locallyAdded: false,
          text: 'Set up a board',
          deliverables: [
            deliverable(100),
            deliverable(101, { rag: 'red', leads: ['Simon Messinger'], flags: { ...none, overdue: true } }),
          ],
        },
        {
          id: 11,
          number: '*3',
          locallyAdded: true,
          text: 'Local action',
          deliverables: [deliverable(102, { outcome: '', leadOrganisations: ['LBS', 'MPS'] })],
        },
      ],
    },
    {
      id: 2,
      title: 'TARGETTING LAWBREAKERS',
      subtitle: '',
      notes: [],
      actions: [
        {
          id: 12,
          number: null,
          locallyAdded: false,
          text: 'Unnumbered',
          deliverables: [deliverable(103, { end: '2019-03-05' })],
        },
      ],
    },
  ],
}

const filter = (query: Record<string, string>) => planFilterQuery.parse(query)

describe('plan page data', () => {
  it('shapes every deliverable into a printable row', () => {
    const page = planPage(plan, filter({}))
    expect(page.total).toBe(4)
    expect(page.shownCount).toBe(4)
    expect(page.filtered).toBe(false)
    const [governance, lawbreakers] = page.themes
    expect(governance?.actions.map((a) => [a.heading, a.locallyAdded])).toEqual([
      ['Action 1', false],
      ['Action *3', true],
    ])
    expect(governance?.actions[0]?.rows[1]).toEqual({
      href: '/deliverables/101',
      outcome: 'Outcome 101',
      leads: 'Simon Messinger',
      leadOrganisations: 'MPS',
      start: 'Dec 2018',
      end: 'Ongoing',
      summary: 'Lead: Simon Messinger (MPS). Start: Dec 2018. End: Ongoing.',
      rag: { text: 'Red – off track', classes: 'govuk-tag--red' },
      flags: [{ text: 'Overdue', classes: 'govuk-tag--pink' }],
    })
    expect(governance?.actions[1]?.rows[0]).toMatchObject({
      outcome: 'Outcome not written',
      leadOrganisations: 'LBS, MPS',
    })
    expect(lawbreakers?.actions[0]).toMatchObject({
      heading: 'Action without a number',
      rows: [{ end: '5 Mar 2019' }],
    })
  })

  it('applies the filters and counts what is shown', () => {
    const page = planPage(plan, filter({ rag: 'red' }))
    expect(page.filtered).toBe(true)
    expect(page.shownCount).toBe(1)
    expect(page.themes.flatMap((t) => t.actions.flatMap((a) => a.rows.map((r) => r.href)))).toEqual([
      '/deliverables/101',
    ])
    expect(planPage(plan, filter({ leadOrganisation: 'LBS' })).shownCount).toBe(1)
    expect(planPage(plan, filter({ q: 'unnumbered' })).themes.map((t) => t.title)).toEqual([
      'TARGETTING LAWBREAKERS',
    ])
  })

  it('offers every theme, lead and organisation of the whole plan as a choice, even when filtered', () => {
    const page = planPage(plan, filter({ rag: 'red' }))
    expect(page.choices.themes.map((o) => o.text)).toEqual(['GOVERNANCE', 'TARGETTING LAWBREAKERS'])
    expect(page.choices.leads.map((o) => o.value)).toEqual(['Det Supt Helen Lyons', 'Simon Messinger'])
    expect(page.choices.leadOrganisations.map((o) => o.value)).toEqual(['LBS', 'MPS'])
  })

  it('says plainly when a deliverable has no lead or dates', () => {
    const row = deliverableRow(deliverable(104, { leads: [], leadOrganisations: [], start: null, end: null }))
    expect(row.summary).toBe('Lead: none named. Start: not set. End: not set.')
  })

  it('names actions by their number as written', () => {
    expect(actionHeading('12')).toBe('Action 12')
    expect(actionHeading(null)).toBe('Action without a number')
  })
})
