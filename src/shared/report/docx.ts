import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { formatDateTime } from '../../web/view-helpers.ts'
import { type Block, chartBlocks, tableBlocks, type WordChart, type WordTable } from '../word.ts'

// A report (the strategic assessment, the tasking meeting's intelligence briefing) as a Word
// document, the form councils circulate board papers in. Charts and tables are drawn as
// every Safer Word document draws them (src/shared/word.ts).

export type ReportTable = WordTable
export type ReportChart = WordChart

export interface ReportSection {
  title: string
  paragraphs: string[]
  bullets?: string[]
  charts: ReportChart[]
  tables: ReportTable[]
  /** Paragraphs after the charts and tables, under their own heading (an analyst's commentary). */
  closing?: { title: string; paragraphs: string[] }
}

export interface ReportDocument {
  title: string
  /** The period the report covers, in words, shown under the title. */
  period: string
  generatedAt: string
  /** The document's description in its properties. */
  description: string
  /** The line under the period; by default, when it was prepared from published data. */
  prepared?: string
  sections: ReportSection[]
}

export async function reportDocx(a: ReportDocument): Promise<Buffer> {
  const children: Block[] = [
    new Paragraph({ text: a.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: a.period, bold: true })] }),
    new Paragraph({
      text: a.prepared ?? `Prepared with Safer on ${formatDateTime(a.generatedAt)} from published data.`,
    }),
  ]
  for (const section of a.sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_1 }))
    for (const p of section.paragraphs) children.push(new Paragraph({ text: p, spacing: { after: 120 } }))
    for (const b of section.bullets ?? []) children.push(new Paragraph({ text: b, bullet: { level: 0 } }))
    for (const c of section.charts) children.push(...chartBlocks(c), ...tableBlocks(c.table))
    for (const t of section.tables) children.push(...tableBlocks(t))
    if (section.closing) {
      children.push(new Paragraph({ text: section.closing.title, heading: HeadingLevel.HEADING_3 }))
      for (const p of section.closing.paragraphs)
        children.push(new Paragraph({ text: p, spacing: { after: 120 } }))
    }
  }
  const doc = new Document({
    creator: 'Safer',
    title: a.title,
    description: a.description,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
