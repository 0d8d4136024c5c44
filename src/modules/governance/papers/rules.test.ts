import { describe, expect, it } from 'vitest'
import {
  docxBomb,
  docxPaper,
  pdfPaper,
  programNamedAsPaper,
  xlsxPaper,
} from '../../../../test/helpers/papers.ts'
import { part, writeZip } from '../../../../test/helpers/zip.ts'
import { checkPaperFile, isOverdue, linkNeedsTarget, PaperRefusedError } from './rules.ts'

const refusal = (name: string, content: Buffer, max?: number) => {
  try {
    checkPaperFile(name, content, max)
  } catch (error) {
    expect(error).toBeInstanceOf(PaperRefusedError)
    return (error as Error).message
  }
  throw new Error(`${name} was accepted`)
}

describe('board papers', () => {
  it('accepts a PDF, a Word document and an Excel workbook by their content', () => {
    expect(checkPaperFile('Delivery plan.pdf', pdfPaper())).toBe('pdf')
    expect(checkPaperFile('Report to board.DOCX', docxPaper())).toBe('docx')
    expect(checkPaperFile('Figures.xlsx', xlsxPaper())).toBe('xlsx')
  })

  it('refuses a file whose name claims a type its content is not, naming the file', () => {
    expect(refusal('minutes.pdf', programNamedAsPaper())).toBe(
      'minutes.pdf is named as a PDF but is not one. Upload a PDF, a Word document (.docx) or an Excel workbook (.xlsx).',
    )
    expect(refusal('report.docx', pdfPaper())).toMatch(
      /^report\.docx is named as a Word document but is not one/,
    )
    // A workbook named as a Word document: both are ZIPs, told apart by the parts inside.
    expect(refusal('report.docx', xlsxPaper())).toMatch(
      /^report\.docx is named as a Word document but is not one/,
    )
    expect(refusal('archive.xlsx', writeZip([part('notes.txt', 'hello')]))).toMatch(
      /^archive\.xlsx is named as an? /,
    )
  })

  it('refuses other kinds of file, empty files and files over the limit', () => {
    expect(refusal('setup.exe', programNamedAsPaper())).toMatch(/^setup\.exe is not a paper Safer keeps/)
    expect(refusal('notes.txt', Buffer.from('hello'))).toMatch(/^notes\.txt is not a paper/)
    expect(refusal('blank.pdf', Buffer.alloc(0))).toMatch(/^blank\.pdf is empty/)
    expect(refusal('big.pdf', Buffer.concat([pdfPaper(), Buffer.alloc(2048)]), 1024)).toMatch(
      /^big\.pdf is larger than/,
    )
  })

  it('refuses a decompression bomb before anything opens it, and a ZIP whose directory lies', () => {
    expect(refusal('bomb.docx', docxBomb())).toMatch(
      /^bomb\.docx was refused: it is damaged, or unpacks to far more/,
    )
    const body = part('word/document.xml', 'A'.repeat(200_000))
    const lying = writeZip([{ ...body, declaredSize: 100 }])
    expect(refusal('liar.docx', lying)).toMatch(/^liar\.docx was refused/)
  })

  it('flags an action overdue when its due day has passed and it is not closed', () => {
    const today = '2026-03-31'
    expect(isOverdue({ dueDate: '2026-03-30', status: 'open' }, today)).toBe(true)
    expect(isOverdue({ dueDate: '2026-03-31', status: 'open' }, today)).toBe(false)
    expect(isOverdue({ dueDate: '2026-03-30', status: 'closed' }, today)).toBe(false)
    expect(isOverdue({ dueDate: null, status: 'open' }, today)).toBe(false)
  })

  it('knows which links name a target', () => {
    expect(linkNeedsTarget('plan')).toBe(true)
    expect(linkNeedsTarget('indicator-set')).toBe(true)
    expect(linkNeedsTarget('exception-report')).toBe(false)
  })
})
