import { inflateEntry, readDirectory } from '../../src/shared/zip.ts'

/** The text of a Word document's body, a line a paragraph. */
export function docxText(file: Buffer): string {
  const entry = readDirectory(file).find((e) => e.name === 'word/document.xml')
  if (!entry) throw new Error('No word/document.xml')
  return inflateEntry(file, entry, 50_000_000)
    .toString('utf8')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
}
