import { describe, expect, it } from 'vitest'
import { parsePlanTable } from './parse.ts'

const HEADER = [
  'Theme',
  'Action No',
  'Actions',
  'Outcomes',
  'Named CSP Lead',
  'Lead organisation',
  'Start date',
  'End date',
  'Supporting organisation(s)',
  'Progress',
  'Comment',
  'Document Reference(s)',
  'RAG status',
]

describe('plan rows that look like dates but are not', () => {
  it('keeps a row in place when TBC or Ongoing sit outside the date columns', () => {
    const plan = parsePlanTable([
      HEADER,
      [
        'GOVERNANCE',
        '1',
        'Board oversight',
        'Quarterly report',
        'TBC',
        'TBC',
        'Oct-18',
        'Mar-19',
        '',
        'Ongoing',
        'TBC',
        '',
        'G',
      ],
    ])
    const action = plan.themes[0]?.actions[0]
    expect(action).toMatchObject({ number: '1', text: 'Board oversight' })
    expect(action?.deliverables[0]).toMatchObject({
      leads: ['TBC'],
      leadOrganisations: ['TBC'],
      start: '2018-10',
      end: '2019-03',
      progress: 'Ongoing',
      comment: 'TBC',
      rag: 'green',
    })
    expect(plan.warnings.filter((w) => /re-aligned/.test(w.message))).toEqual([])
  })

  it('still re-aligns a row whose real dates moved', () => {
    const plan = parsePlanTable([
      HEADER,
      [
        'GOVERNANCE',
        '1',
        'Board oversight',
        'Quarterly report',
        'Caroline Thwaites',
        'LBS',
        'Oct-18',
        'Mar-19',
        '',
        '',
        '',
        '',
        '',
      ],
      ['2', 'Tasking', 'Monthly meetings', 'Helen Lyons', 'MPS', 'Oct-18', 'Ongoing'],
    ])
    expect(plan.themes[0]?.actions[1]).toMatchObject({ number: '2', text: 'Tasking' })
    expect(plan.themes[0]?.actions[1]?.deliverables[0]).toMatchObject({
      outcome: 'Monthly meetings',
      leads: ['Helen Lyons'],
      start: '2018-10',
      end: 'ongoing',
    })
  })

  it('takes the star off a footnote and keeps it as the theme’s note', () => {
    const plan = parsePlanTable([
      HEADER,
      ['GOVERNANCE', '1', 'Board oversight', 'Report', 'A Lead', 'LBS', 'Oct-18', 'Mar-19'],
      ['* The delivery group is the statutory CSP.'],
    ])
    expect(plan.themes[0]?.notes).toEqual(['The delivery group is the statutory CSP.'])
  })

  it('reports a file with no plan header as an error', () => {
    const plan = parsePlanTable([
      ['Item', 'Minutes'],
      ['1', 'Apologies'],
    ])
    expect(plan.errors).toEqual([{ row: 0, message: expect.stringContaining('No header row found') }])
  })
})
