import type ExcelJS from 'exceljs'

// A cell with Excel's "quote prefix" style holds its text as typed ("=SUM(A1)", "-2") and stays text
// when someone edits it, without a visible ' in the value. exceljs cannot write that style, so a
// guarded cell is marked with a protection setting the export never otherwise uses, and the mark
// is turned into quotePrefix="1" as styles.xml is written.

const MARK: Partial<ExcelJS.Protection> = { locked: false, hidden: true }
const MARKED_XF =
  /<xf ([^>]*?)applyProtection="1"([^>]*)>((?:(?!<\/xf>).)*?)<protection locked="0" hidden="1"\/><\/xf>/g

export function markQuotePrefix(cell: ExcelJS.Cell): void {
  cell.protection = MARK
}

export const quotePrefixStyles = (stylesXml: string) =>
  stylesXml.replace(
    MARKED_XF,
    (_xf, before: string, after: string, inner: string) =>
      `<xf ${before}quotePrefix="1"${after}>${inner}</xf>`,
  )

interface StylesWriter {
  addStyles(zip: unknown, model: { styles: { xml: string } }): Promise<void>
}

/** Makes this workbook write the marked cells' styles as quote prefix (the mark is gone from the file). */
export function writeQuotePrefix(workbook: ExcelJS.Workbook): void {
  const writer = workbook.xlsx as unknown as StylesWriter
  const addStyles = writer.addStyles.bind(writer)
  writer.addStyles = (zip, model) =>
    addStyles(zip, { ...model, styles: { xml: quotePrefixStyles(model.styles.xml) } })
}

/**
 * The cell's value for the workbook: a text the formula guard quoted goes in as written, under the
 * quote-prefix style. Text that itself began with quotes keeps the guard's extra one, so the
 * importer (which removes one) still gives it back exactly.
 */
export function unquoted(guarded: string): { text: string; quotePrefix: boolean } {
  if (/^'[=+\-@\t\r]/.test(guarded)) return { text: guarded.slice(1), quotePrefix: true }
  return { text: guarded, quotePrefix: /^'+[=+\-@\t\r]/.test(guarded) }
}
