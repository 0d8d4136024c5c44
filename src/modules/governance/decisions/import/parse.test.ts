import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importedShape, readGovernanceText, UnreadableText } from './parse.ts'

// The seeds' own texts and three layouts of other councils, as test/fixtures/governance holds them.
const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../../../test/fixtures/governance', name), 'utf8')
const read = (name: string) => readGovernanceText(fixture(name))

describe('reading a pasted decision page or minutes', () => {
  it('reads seed 000: item 7 with RESOLVED 1–3, the second carrying its priorities', () => {
    const shape = importedShape(read('seed-000-decision-minutes.txt'))
    expect({ ...shape, resolutions: shape.resolutions.map((r) => r.number) }).toEqual({
      kind: 'minutes',
      title: 'Southwark Violent Crime Strategy',
      meetingDate: null,
      itemNumber: 7,
      decisionMaker: null,
      status: null,
      keyDecision: null,
      subjectToCallIn: null,
      dateOfDecision: null,
      publicationDate: null,
      resolutions: ['1', '2', '3'],
      documents: [],
    })
    expect(shape.resolutions[0]?.text).toBe(
      'That the 2010-15 Safer Southwark Partnership (SSP) violent crime strategy be adopted.',
    )
    const second = shape.resolutions[1]?.text.split('\n') ?? []
    expect(second[0]).toMatch(/^That the five priorities and key recommendations/)
    expect(second).toContain('Low level violence: Key recommendation')
    expect(second.at(-1)).toMatch(/^· To agree a shared risk assessment framework/)
    expect(shape.resolutions[2]?.text).toMatch(
      /annual report to cabinet on the progress of the strategy be noted\.$/,
    )
  })

  it('reads seed 001’s decision record with every field it gives', () => {
    const doc = read('seed-001-decision-record.txt')
    expect(importedShape(doc)).toMatchObject({
      kind: 'decision',
      title: 'Serious Violence and Exploitation Strategy',
      meetingDate: '2024-09-11',
      itemNumber: null,
      decisionMaker: 'Cabinet',
      status: 'Recommendations Approved',
      keyDecision: false,
      subjectToCallIn: false,
      dateOfDecision: '2024-09-11',
      publicationDate: '2024-09-13',
    })
    expect(doc.resolutions.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5'])
    expect(doc.resolutions[2]?.text).toContain('an effective data set is developed to assess performance')
    expect(doc.documents.map((d) => d.title)).toEqual([
      '(Partnership) Serious Violence Exploitation Strategy Cabinet Report 24.09.24',
      'Appendix 1 - Serious Violence and Exploitation Strategy',
      'Appendix 2 VVRAP 2024',
      'Appendix 3 - Tackling Serious Violence and Exploitation Plan on a page',
      'Appendix 4 - SVD SNA 2023 Summary',
    ])
    expect(doc.purpose).toMatch(/^The Serious Violence Duty came into effect in\nJan 2023/)
    expect(doc.actionBy).toBe(
      'CORPORATE DIRECTOR COMMUNITIES (S. BAXTER)\nDirector of Community Safety (A. Corbett)',
    )
    expect(doc.reportAuthors).toBe('Ann Corbett, Leo Hutchinson')
    expect(doc.body).toBe('Cabinet')
  })

  it('reads seed 004: the meeting, item 100, its minutes, presenter and RESOLVED i–iii', () => {
    const doc = read('seed-004-minutes.txt')
    expect(importedShape(doc)).toMatchObject({
      kind: 'minutes',
      title: 'Delivery Plan Reprioritisation',
      meetingDate: '2011-10-06',
      itemNumber: 100,
      decisionMaker: null,
      dateOfDecision: null,
      documents: [],
    })
    expect(doc.body).toBe('Community Safety Partnership')
    expect(doc.presenter).toBe('Claire Kowalska')
    expect(doc.discussion).toMatch(/^Claire Kowalska presented the report/)
    expect(doc.discussion).toMatch(/taken forward outside of the meeting\.$/)
    expect(doc.resolutions).toEqual([
      {
        number: 'i',
        text: 'That the focus for partnership activity to the end of the year should be reducing property crime, youth re-offending, violent crime (inc weapons and gangs) and engagement with victims of crime;',
      },
      {
        number: 'ii',
        text: 'That agreement be given to proceed with the development of an Integrated Offender Management system',
      },
      {
        number: 'iii',
        text: 'That any ideas relating to community safety be fed into the Tottenham Regeneration Programme team’s work via the Chair of the Board.',
      },
    ])
  })

  it('reads a decision notice laid out "Label: value" with decisions (a) (b) (c)', () => {
    const doc = read('variant-decision-notice.txt')
    expect(importedShape(doc)).toMatchObject({
      kind: 'decision',
      title: 'Community Safety Partnership Strategic Assessment 2025',
      decisionMaker: 'Executive Member for Communities and Safety',
      status: 'Approved',
      keyDecision: true,
      subjectToCallIn: true,
      dateOfDecision: '2025-03-03',
      publicationDate: '2025-03-05',
      meetingDate: null,
      documents: [
        { title: 'Strategic Assessment 2025', link: 'https://democracy.example.gov.uk/documents/sa2025.pdf' },
        { title: 'Equality impact assessment', link: null },
      ],
    })
    expect(doc.resolutions.map((r) => r.number)).toEqual(['a', 'b', 'c'])
    expect(doc.resolutions[1]?.text).toMatch(/2025-28:\nserious violence, violence against women/)
    expect(doc.reference).toBe('ED/2025/118')
    expect(doc.reasons).toMatch(/^The Crime and Disorder/)
    expect(doc.alternatives).toMatch(/^Not to adopt the assessment/)
    expect(doc.conflictsOfInterest).toBe('None declared.')
    expect(doc.contactOfficer).toBe('Priya Shah, Community Safety Manager')
  })

  it('reads a "Record of decision" laid out as a table', () => {
    const doc = read('variant-record-of-decision.txt')
    expect(importedShape(doc)).toEqual({
      kind: 'decision',
      title: 'Serious Violence Duty: strategy refresh',
      meetingDate: '2026-01-14',
      itemNumber: null,
      decisionMaker: 'Cabinet',
      status: 'Recommendations Approved',
      keyDecision: true,
      subjectToCallIn: true,
      dateOfDecision: '2026-01-14',
      publicationDate: '2026-01-16',
      resolutions: [
        { number: '1', text: 'That the refreshed Serious Violence Strategy be approved.' },
        { number: '2', text: 'That the Community Safety Partnership Board oversee its delivery plan.' },
      ],
      documents: [
        { title: 'Cabinet report: Serious Violence Strategy refresh', link: null },
        { title: 'Appendix A: Strategy 2026-29', link: null },
      ],
    })
    expect(doc.reference).toBe('CAB-2026-004')
    expect(doc.reportAuthors).toBe('Sam Okafor')
    expect(doc.purpose).toBe('To refresh the serious violence strategy after the second needs assessment.')
  })

  it('reads minutes whose resolutions are "RESOLVED that …" paragraphs, numbering them in order', () => {
    const doc = read('variant-minutes-resolved-that.txt')
    expect(importedShape(doc)).toMatchObject({
      kind: 'minutes',
      title: 'Anti-social behaviour case reviews',
      meetingDate: '2026-02-04',
      itemNumber: 12,
      resolutions: [
        { number: '1', text: 'That the report be noted.' },
        {
          number: '2',
          text: 'That the Anti-social Behaviour Manager publish the case review process in every housing office by the end of March.',
        },
      ],
    })
    expect(doc.body).toBe('Safer Neighbourhoods Board')
    expect(doc.discussion).toMatch(/^The Board considered the report/)
    expect(doc.discussion).toContain('tenants')
  })

  it('reads Windows line ends and tab-separated labels', () => {
    const doc = readGovernanceText(
      'Decision maker\tCabinet Member for Community Safety\r\nDate of decision\t02/06/2022\r\nTitle\tCCTV upgrade\r\nDecision\r\n1. Approve the CCTV upgrade.\r\n',
    )
    expect(importedShape(doc)).toMatchObject({
      kind: 'decision',
      title: 'CCTV upgrade',
      decisionMaker: 'Cabinet Member for Community Safety',
      dateOfDecision: '2022-06-02',
      resolutions: [{ number: '1', text: 'Approve the CCTV upgrade.' }],
    })
  })

  it('refuses text that is neither, text without resolutions, and a number used twice', () => {
    expect(() => read('not-a-decision.txt')).toThrow(UnreadableText)
    expect(() => read('not-a-decision.txt')).toThrow(/does not read as a decision page or minutes/)
    expect(() => readGovernanceText('')).toThrow('The file is empty')
    expect(() => readGovernanceText('Decision Maker: Cabinet\nPurpose:\nTo decide.')).toThrow(
      /No decisions or resolutions found/,
    )
    expect(() => readGovernanceText('Minutes:\nDiscussed.\nRESOLVED\n1. That A.\n1. That B.')).toThrow(
      'Resolution 1 is numbered twice in the text',
    )
  })
})
