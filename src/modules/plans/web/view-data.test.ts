import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../shared/errors.ts'
import type { LedDeliverable } from '../deliverable.ts'
import { progressUpdateInput } from '../schema.ts'
import { dayFromParts } from './date-parts.ts'
import { type Deliverable, deliverableChanges, deliverablePage, editValues } from './deliverable-page.ts'
import { checkFormWithDate, inFormOrder, renameError } from './form-errors.ts'
import { importErrors, importPreview } from './import-preview.ts'
import { myActionsByPlan } from './my-actions.ts'
import { priorityChanges, strategyChanges } from './strategy-page.ts'

const deliverable: Deliverable = {
  id: 9,
  version: 4,
  outcome: 'Monthly tasking meetings',
  start: '2018-12',
  end: 'ongoing',
  supportingOrganisations: 'LBS',
  progress: 'Started',
  comment: '',
  documentReferences: '',
  rag: 'amber',
  sourceRow: 30,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  latestUpdateOn: '2026-11-20',
  plan: { id: 2, title: 'Knife crime plan' },
  theme: 'GOVERNANCE',
  action: { number: '*3', locallyAdded: true, text: 'Tasking' },
  leads: [
    { personId: 1, name: 'Det Supt Helen Lyons' },
    { personId: 2, name: 'Supt Ian Howells' },
  ],
  leadOrganisations: ['MPS'],
  actionId: 3,
  archived: null,
  updates: [
    {
      id: 1,
      updateOn: '2026-11-20',
      authorName: 'Helen Lyons',
      text: 'All partners attend',
      rag: 'amber',
      createdAt: '2026-11-20T10:00:00.000Z',
    },
  ],
  flags: { overdue: false, stale: false, endBeforeStart: false, neverUpdated: false },
}

describe('deliverable page data', () => {
  it('places the deliverable in its plan and lists every field as a person reads it', () => {
    const page = deliverablePage(deliverable)
    expect(page.title).toBe('Monthly tasking meetings')
    expect(page.titleClass).toBe('govuk-heading-l')
    expect(page.context.map((r) => r.value.html)).toEqual([
      '<a class="govuk-link" href="/plans/2"><span class="safer-pre-line">Knife crime plan</span></a>',
      '<span class="safer-pre-line">GOVERNANCE</span>',
      '<span class="safer-pre-line">Action *3 (locally added)</span>',
      '<span class="safer-pre-line">Tasking</span>',
    ])
    expect(page.fields.map((r) => [r.key.text, r.value.html.replace(/<[^>]+>/g, '')])).toEqual([
      ['Outcome', 'Monthly tasking meetings'],
      ['Leads', 'Det Supt Helen Lyons, Supt Ian Howells'],
      ['Lead organisations', 'MPS'],
      ['Start', 'Dec 2018'],
      ['End', 'Ongoing'],
      ['Supporting organisations', 'LBS'],
      ['Progress (from the plan)', 'Started'],
      ['Comment', 'Not recorded'],
      ['Document references', 'Not recorded'],
    ])
    expect(page.history).toEqual([
      {
        date: '20 Nov 2026',
        author: 'Helen Lyons',
        rag: { text: 'Amber – at risk', classes: 'govuk-tag--orange' },
        text: 'All partners attend',
      },
    ])
    expect(deliverablePage({ ...deliverable, outcome: 'x'.repeat(101) }).titleClass).toBe('govuk-heading-m')
  })

  it('fills the edit form with dates as people type them', () => {
    expect(editValues(deliverable)).toMatchObject({
      start: 'Dec-18',
      end: 'Ongoing',
      rag: 'amber',
      version: '4',
    })
  })

  it('after a stale save, lists only the fields that differ, in words', () => {
    // The stored deliverable a 409 carries.
    const stored = {
      ...deliverable,
      start: '2018-12',
      supportingOrganisations: 'LBS',
      comment: '',
      documentReferences: '',
      version: 5,
      progress: 'Their progress',
      rag: 'green' as const,
      end: '2019-03',
    }
    const sent = { ...editValues(deliverable), progress: 'My progress', end: 'Mar-19', start: '2018-12' }
    expect(deliverableChanges(stored, sent)).toEqual([
      { label: 'Progress (from the plan)', theirs: 'Their progress', yours: 'My progress' },
      { label: 'RAG status', theirs: 'Green – on track', yours: 'Amber – at risk' },
    ])
  })
})

describe('strategy and priority conflicts', () => {
  it('compares the stored strategy with the form', () => {
    const stored = {
      title: 'Strategy',
      period: '2010–15',
      status: 'adopted',
      adoptedOn: '2010-11-16',
      adoptedBy: null,
      vision: 'Safe\r\nborough',
    }
    const sent = {
      title: 'Strategy',
      period: '2010–2015',
      status: 'draft',
      adoptedBy: '',
      vision: 'Safe\nborough',
    }
    expect(strategyChanges(stored, sent, '2010-11-16')).toEqual([
      { label: 'Period', theirs: '2010–15', yours: '2010–2015' },
      { label: 'Status', theirs: 'Adopted', yours: 'Draft' },
    ])
  })
  it('compares lists line by line', () => {
    const stored = {
      title: 'P',
      description: null,
      objectives: ['One', 'Two'],
      focus: [],
      keyRecommendations: ['K'],
    }
    expect(
      priorityChanges(stored, {
        title: 'P',
        objectives: 'One\r\nTwo',
        focus: '',
        keyRecommendations: 'K\nL',
      }),
    ).toEqual([{ label: 'Key recommendations', theirs: 'K', yours: 'K\nL' }])
  })
})

describe('form errors', () => {
  it('orders errors as the form asks its questions, and moves a date error to its first box', () => {
    expect(Object.keys(inFormOrder({ rag: 'a', text: 'b', form: 'c' }, ['text', 'rag']))).toEqual([
      'text',
      'rag',
      'form',
    ])
    expect(renameError({ updateOn: 'x', text: 'y' }, 'updateOn', 'updateOn-day')).toEqual({
      'updateOn-day': 'x',
      text: 'y',
    })
    expect(renameError({ text: 'y' }, 'updateOn', 'updateOn-day')).toEqual({ text: 'y' })
  })
  it('reports a bad date together with every other problem', () => {
    const result = dayFromParts({ day: '31', month: '2', year: '2026' }, 'The date')
    try {
      checkFormWithDate(
        progressUpdateInput,
        { updateOn: '2000-01-01', text: '' },
        { key: 'updateOn-day', result },
        ['updateOn-day', 'text', 'rag'],
      )
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({
        'updateOn-day': 'The date must be a real date, like 23 11 2026',
        text: 'Describe the progress made',
        rag: 'Select a RAG status',
      })
    }
  })
  it('gives the date when it is good, and insists on one when it is required', () => {
    const good = dayFromParts({ day: '1', month: '2', year: '2026' }, 'The date')
    expect(checkFormWithDate(progressUpdateInput, {}, { key: 'd', result: good }, [])).toBe('2026-02-01')
    const empty = dayFromParts({}, 'The date')
    expect(checkFormWithDate(progressUpdateInput, {}, { key: 'd', result: empty }, [])).toBe('')
    expect(() =>
      checkFormWithDate(
        progressUpdateInput,
        {},
        { key: 'd', result: empty, requiredMessage: 'Enter the date' },
        [],
      ),
    ).toThrow(ValidationError)
  })
})

describe('import preview', () => {
  const summary = {
    title: 'Plan',
    counts: { themes: 1, actions: 2, deliverables: 3, locallyAdded: 1, leads: 2, organisations: 1 },
    themes: [
      {
        title: 'GOVERNANCE',
        subtitle: '',
        actions: [
          { number: '1', locallyAdded: false, text: 'a', deliverables: [{}, {}] },
          { number: '*2', locallyAdded: true, text: 'b', deliverables: [{}] },
        ],
      },
    ],
    leadership: [{ name: 'A', organisation: 'B', role: 'C' }],
    strategicAims: ['Protection of Life'],
    warnings: [
      { row: 12, message: 'End before start' },
      { row: 0, message: 'Near-duplicate names' },
    ],
    errors: [],
  } as unknown as Parameters<typeof importPreview>[0]

  it('counts each theme’s actions and deliverables, and keeps the report’s rows', () => {
    const preview = importPreview(summary)
    expect(preview.themes).toEqual([{ title: 'GOVERNANCE', actions: 2, locallyAdded: 1, deliverables: 3 }])
    expect(preview.warnings).toEqual([
      { row: '12', message: 'End before start' },
      { row: 'Whole file', message: 'Near-duplicate names' },
    ])
  })

  it('puts the first error in the summary and lists all of them when there are several', () => {
    expect(importErrors({ ...summary, errors: [{ row: 0, message: 'a.csv is empty' }] })).toEqual({
      errors: { file: 'a.csv is empty' },
      report: [],
    })
    const two = importErrors({
      ...summary,
      errors: [
        { row: 4, message: 'x' },
        { row: 9, message: 'y' },
      ],
    })
    expect(two.errors.file).toBe('Row 4: x (and 1 more problems, listed below)')
    expect(two.report).toEqual([
      { row: '4', message: 'x' },
      { row: '9', message: 'y' },
    ])
  })
})

describe('my actions', () => {
  it('groups a lead’s deliverables by plan, keeping the order given', () => {
    const row = (id: number, plan: number): LedDeliverable => ({
      id,
      version: 1,
      outcome: `Outcome ${id}`,
      start: null,
      end: '2019-03',
      supportingOrganisations: '',
      progress: '',
      comment: '',
      documentReferences: '',
      rag: 'red' as const,
      sourceRow: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      plan: { id: plan, title: `Plan ${plan}` },
      theme: 'GOVERNANCE',
      action: { number: '4', locallyAdded: false, text: 'x' },
      latestUpdateOn: null,
      flags: { overdue: true, stale: false, endBeforeStart: false, neverUpdated: false },
    })
    const grouped = myActionsByPlan([row(1, 5), row(2, 5), row(3, 6)])
    expect(grouped.map((p) => [p.title, p.href, p.rows.length])).toEqual([
      ['Plan 5', '/plans/5', 2],
      ['Plan 6', '/plans/6', 1],
    ])
    expect(grouped[0]?.rows[0]).toEqual({
      href: '/deliverables/1',
      outcome: 'Outcome 1',
      theme: 'GOVERNANCE',
      action: 'Action 4',
      end: 'Mar 2019',
      rag: { text: 'Red – off track', classes: 'govuk-tag--red' },
      flags: [{ text: 'Overdue', classes: 'govuk-tag--pink' }],
    })
  })
})
