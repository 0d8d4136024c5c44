import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { type Block, chartBlocks, tableBlocks } from '../../../shared/word.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import type { Assessment } from './model.ts'

// The strategic assessment as a Word document, the form councils circulate board papers in: the
// charts and tables are drawn as every Safer report draws them (src/shared/word.ts).

export async function assessmentDocx(a: Assessment): Promise<Buffer> {
  const children: Block[] = [
    new Paragraph({ text: a.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: a.period, bold: true })] }),
    new Paragraph({ text: `Prepared with Safer on ${formatDateTime(a.generatedAt)} from published data.` }),
  ]
  for (const section of a.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }))
    for (const p of section.paragraphs) children.push(new Paragraph({ text: p, spacing: { after: 120 } }))
    for (const b of section.bullets ?? []) children.push(new Paragraph({ text: b, bullet: { level: 0 } }))
    for (const c of section.charts) children.push(...chartBlocks(c), ...tableBlocks(c.table))
    for (const t of section.tables) children.push(...tableBlocks(t))
  }
  const doc = new Document({
    creator: 'Safer',
    title: a.title,
    description: `Strategic assessment for ${a.areaName}, ${a.period}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
