import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import type { AsbApplication } from './application.ts'

// The outcome letter to the applicant, as a Word document the council prints on its own paper. The
// applicant's name and address are opened into the letter only: the file is the one place they leave.

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const dayText = (d: string) => DAY.format(new Date(`${d}T00:00:00Z`))

export function outcomeParagraphs(a: AsbApplication, panelName: string): string[] {
  if (!a.decision) return []
  const opening = `Thank you for your application for an anti-social behaviour case review, which ${panelName} received on ${dayText(a.receivedOn)}.`
  if (!a.decision.thresholdMet)
    return [
      opening,
      `On ${dayText(a.decision.on)} the partnership decided that the threshold for a case review is not met.`,
      `The reason: ${a.decision.reason}`,
      'If you are not satisfied with how your application was handled, you may ask for the decision to be looked at again under the partnership’s escalation procedure.',
    ]
  return [
    opening,
    `On ${dayText(a.decision.on)} the partnership decided that the threshold for a case review is met.`,
    ...(a.review
      ? [
          `The case review was held on ${dayText(a.review.on)}. The partnership recommends:`,
          a.review.recommendations,
        ]
      : []),
    'The agencies named will tell you how they are carrying out these recommendations.',
  ]
}

export async function outcomeLetterDocx(
  a: AsbApplication,
  panelName: string,
  today: string,
): Promise<Buffer> {
  const lines = [a.applicant.name, ...a.applicant.address.split(/\s*[,\n]\s*/).filter(Boolean)]
  const doc = new Document({
    title: `ASB case review: outcome of application ${a.id}`,
    description: `Outcome letter, ASB case review application ${a.id}`,
    sections: [
      {
        children: [
          ...lines.map((text) => new Paragraph({ text })),
          new Paragraph({ text: dayText(today), alignment: AlignmentType.RIGHT }),
          new Paragraph({
            children: [new TextRun({ text: 'Anti-social behaviour case review', bold: true })],
          }),
          new Paragraph({ text: `Dear ${a.applicant.name}` }),
          ...outcomeParagraphs(a, panelName).map((text) => new Paragraph({ text })),
          new Paragraph({ text: 'Yours sincerely' }),
          new Paragraph({ text: panelName }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
