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

// Word documents as councils circulate board papers: the strategic assessment and the board pack
// both draw with these. Charts go in as SVG with a PNG fallback (Word 2016 and later show the
// SVG), each followed by its table; headings use Word's own styles so the navigation pane and a
// contents page work.

export type Block = Paragraph | Table

export interface WordTable {
  caption: string
  head: string[]
  rows: string[][]
}

export interface WordChart {
  title: string
  svg: string
  /** Every chart has its figures in a table. */
  table: WordTable
}

const CHART_WIDTH_PX = 600
const border = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' }
const borders = { top: border, bottom: border, left: border, right: border }

function svgSize(svg: string): { width: number; height: number } {
  const [, , w = '600', h = '300'] =
    svg.match(/viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"/)?.slice(1) ?? []
  return { width: Number(w), height: Number(h) }
}

/** The chart's title as a heading, then the chart as an image described in words. */
export function chartBlocks(c: Pick<WordChart, 'title' | 'svg'>): Paragraph[] {
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

/**
 * A captioned table across the page, its header row repeated on each page. Columns after the first
 * are figures and sit right unless `textColumns` says they are words.
 */
export function tableBlocks(t: WordTable, options: { textColumns?: boolean } = {}): Block[] {
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
  const numeric = (i: number) => i > 0 && !options.textColumns
  const rows = [
    new TableRow({ tableHeader: true, children: t.head.map((h, i) => cell(h, true, numeric(i))) }),
    ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i === 0, numeric(i))) })),
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

/** A part of a report, in the order it is read. */
export type WordPart =
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; table: WordTable; textColumns?: boolean }
  | { kind: 'chart'; chart: WordChart }

export interface WordSection {
  title: string
  parts: WordPart[]
}

export interface WordReport {
  title: string
  /** Lines under the title: the cover's facts. */
  cover: string[]
  description: string
  sections: WordSection[]
}

function partBlocks(part: WordPart): Block[] {
  switch (part.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          children: [new TextRun({ text: part.text, bold: part.bold })],
          spacing: { after: 120 },
        }),
      ]
    case 'heading':
      return [new Paragraph({ text: part.text, heading: HeadingLevel.HEADING_2 })]
    case 'bullets':
      return part.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }))
    case 'table':
      return tableBlocks(part.table, { textColumns: part.textColumns })
    case 'chart':
      return [...chartBlocks(part.chart), ...tableBlocks(part.chart.table)]
  }
}

/** A report with a cover and a page per section. */
export async function reportDocx(report: WordReport): Promise<Buffer> {
  const cover: Block[] = [
    new Paragraph({ text: report.title, heading: HeadingLevel.TITLE }),
    ...report.cover.map((line) => new Paragraph({ text: line, spacing: { after: 120 } })),
  ]
  const sections = report.sections.map((s) => ({
    children: [
      new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }),
      ...s.parts.flatMap(partBlocks),
    ],
  }))
  const doc = new Document({
    creator: 'Safer',
    title: report.title,
    description: report.description,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children: cover }, ...sections],
  })
  return Packer.toBuffer(doc)
}
