import { type ReportSection, reportDocx } from '../../../shared/report/docx.ts'
import type { Subject } from '../subjects/subject.ts'
import { addressText, nameText, type SubjectAccessExport } from './subject-access.ts'

// The export as a Word document for the person who asked: the same content as the JSON, in words.

const section = (title: string, paragraphs: string[], bullets: string[] = []): ReportSection => ({
  title,
  paragraphs,
  bullets,
  charts: [],
  tables: [],
})

function details(title: string, s: Subject): ReportSection {
  return section(
    title,
    [
      `Name: ${nameText(s)}`,
      `Date of birth: ${s.dateOfBirth}`,
      `Gender: ${s.gender}`,
      `Ethnicity: ${s.ethnicity ?? 'not recorded'}`,
      `Disability: ${s.disability ?? 'not recorded'}`,
      `Sexuality: ${s.sexuality ?? 'not recorded'}`,
      s.aliases.length ? 'Other names:' : 'No other names recorded.',
    ],
    s.aliases.map(nameText),
  )
}

export function subjectAccessDocx(e: SubjectAccessExport): Promise<Buffer> {
  const sections: ReportSection[] = [
    details('Your details', e.subject),
    section(
      'Addresses',
      e.subject.addresses.length ? [] : ['No address recorded.'],
      e.subject.addresses.map(addressText),
    ),
    ...e.mergedRecords.map((m) => details(`A record merged into yours (record ${m.id})`, m)),
  ]
  for (const r of e.referrals)
    sections.push(
      section(`Referral ${r.caseId} to ${r.panel}`, [
        `Your role: ${r.role}. Status: ${r.status}.`,
        `Referred on ${r.referredOn} by ${r.referringOfficer} (${r.referringOrganisation}).`,
        ...(r.decidedOn ? [`Decided on ${r.decidedOn}.`] : []),
        ...(r.heardOn ? [`Heard on ${r.heardOn}.`] : []),
        ...(r.closedOn ? [`Closed on ${r.closedOn}.`] : []),
        `Reasons: ${r.reasons}`,
        `Risk information: ${r.risk}`,
        `Consent: ${r.consent}.`,
        ...(r.shareWithoutConsent
          ? [
              `Shared without consent because: ${r.shareWithoutConsent.reason} (${r.shareWithoutConsent.legalBasis}).`,
            ]
          : []),
        ...(r.declineReason ? [`Declined because: ${r.declineReason}`] : []),
      ]),
    )
  for (const s of e.sections)
    sections.push({
      ...section(s.title, s.rows.length ? [] : ['Nothing held.']),
      tables: s.rows.length
        ? [
            {
              caption: s.title,
              head: Object.keys(s.rows[0] as object),
              rows: s.rows.map((row) => Object.values(row).map((v) => (v === null ? '' : String(v)))),
            },
          ]
        : [],
    })
  sections.push({
    ...section('Who has read or changed these records', e.accessLog.length ? [] : ['No entries.']),
    tables: e.accessLog.length
      ? [
          {
            caption: 'Access log',
            head: ['When', 'Who', 'What', 'About'],
            rows: e.accessLog.map((a) => [a.at, a.who, a.action, a.about]),
          },
        ]
      : [],
  })
  return reportDocx({
    title: 'Information held about you by the risk panels',
    period: `Subject access request ${e.request}`,
    generatedAt: e.generatedAt,
    description: 'A subject access export from Safer’s risk panels',
    prepared: `Prepared with Safer on ${e.generatedAt} in answer to a subject access request.`,
    sections,
  })
}
