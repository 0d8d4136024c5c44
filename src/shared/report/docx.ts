import { Resvg } from '@resvg/resvg-js'
import {
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { formatDateTime } from '../../web/view-helpers.ts'

// A report (the strategic assessment, the tasking meeting's intelligence briefing) as a Word
// document, the form councils circulate board papers in. Charts go in as SVG with a PNG fallback
// (Word 2016 and later show the SVG), each followed by its table; headings use Word's own styles
// so the navigation pane and contents work.

export interface ReportTable {
  caption: string
  head: string[]
  rows: string[][]
}

export interface ReportChart {
  title: string
  svg: string
  /** Every chart has its figures in a table. */
  table: ReportTable
}

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

const CHART_WIDTH_PX = 600
const border = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' }
const borders = { top: border, bottom: border, left: border, right: border }

function svgSize(svg: string): { width: number; height: number } {
  const [, , w = '600', h = '300'] =
    svg.match(/viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/)?.slice(1) ?? []
  return { width: Number(w), height: Number(h) }
}

function chart(c: ReportChart): Paragraph[] {
  const { width, height } = svgSize(c.svg)
  const png = new Resvg(c.svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Arial' },
  })
    .render()
    .asPng()
  const scaled = { width: CHART_WIDTH_PX, height: Math.round((height / width) * CHART_WIDTH_PX) }
  return [
    new Paragraph({ text: c.title, heading: HeadingLevel.HEADING_3 }),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(c.svg),
          fallback: { type: 'png', data: png },
          transformation: scaled,
          altText: {
            name: c.title,
            title: c.title,
            description: `${c.title}. The figures are in the table that follows.`,
          },
        }),
      ],
    }),
  ]
}

function table(t: ReportTable): Array<Paragraph | Table> {
  const cell = (text: string, header: boolean, numeric: boolean) =>
    new TableCell({
      borders,
      children: [
        new Paragraph({
          alignment: numeric ? 'right' : 'left',
          children: [new TextRun({ text, bold: header, size: 18 })],
        }),
      ],
    })
  const rows = [
    new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, true, i > 0)) }),
    ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i === 0, i > 0)) })),
  ]
  return [
    new Paragraph({
      children: [new TextRun({ text: t.caption, bold: true })],
      spacing: { before: 120, after: 60 },
    }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
    new Paragraph({ text: '' }),
  ]
}

export async function reportDocx(a: ReportDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
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
    for (const c of section.charts) children.push(...chart(c), ...table(c.table))
    for (const t of section.tables) children.push(...table(t))
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
