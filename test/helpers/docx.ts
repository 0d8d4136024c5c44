import { inflateEntry, readDirectory } from '../../src/shared/zip.ts'

function decodeXmlText(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
}

/**
 * The parts of a Word file by name, and the text of its body: each paragraph on a line, and each
 * table row on one line with its cells separated by tabs.
 */
export function openDocx(file: Buffer): { names: string[]; text: string; part(name: string): string } {
  const entries = readDirectory(file)
  const part = (name: string) => {
    const entry = entries.find((e) => e.name === name)
    if (!entry) throw new Error(`No ${name} in the document`)
    return inflateEntry(file, entry, 50_000_000).toString('utf8')
  }
  const text = decodeXmlText(
    part('word/document.xml')
      .replace(/<\/w:p>\s*<\/w:tc>/g, '\t')
      .replace(/\t?<\/w:tr>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, '\t'),
  )
  return { names: entries.map((e) => e.name), text, part }
}

/** The text of a Word document's body, a line a paragraph (a table's cells each on their own line). */
export function docxText(file: Buffer): string {
  return decodeXmlText(
    openDocx(file)
      .part('word/document.xml')
      .replace(/<\/w:p>/g, '\n'),
  )
}
