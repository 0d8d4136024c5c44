// The strategic assessment as plain data: the preview page and the Word document both render this,
// so what a reader previews is what the board receives.

export interface AssessmentTable {
  caption: string
  head: string[]
  rows: string[][]
}

export interface AssessmentChart {
  title: string
  svg: string
  /** Every chart has its figures in a table. */
  table: AssessmentTable
}

export interface AssessmentSection {
  id: string
  title: string
  paragraphs: string[]
  bullets?: string[]
  charts: AssessmentChart[]
  tables: AssessmentTable[]
}

export interface Assessment {
  title: string
  areaName: string
  areaCode: string
  period: string
  from: string
  to: string
  generatedAt: string
  sections: AssessmentSection[]
}
