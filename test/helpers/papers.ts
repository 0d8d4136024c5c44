import { part, repeatedPart, writeZip } from './zip.ts'

// Board papers as tests need them: small real-looking files of each kind, and the ones Safer must
// refuse (a program named as a PDF, a Word document that unpacks to hundreds of times its size).

export const pdfPaper = (text = 'Board paper') =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)

export const docxPaper = (text = 'Board paper') =>
  writeZip([
    part('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    part(
      'word/document.xml',
      `<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ])

export const xlsxPaper = () =>
  writeZip([
    part('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    part('xl/workbook.xml', '<?xml version="1.0"?><workbook><sheets/></workbook>'),
  ])

/** A Windows program's first bytes: what "minutes.pdf" really is when someone renames a .exe. */
export const programNamedAsPaper = () =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(512, 0x41)])

/** A Word document whose body unpacks to about 190 MB from a few hundred kilobytes: a decompression bomb. */
export const docxBomb = () =>
  writeZip([
    part('[Content_Types].xml', '<?xml version="1.0"?><Types/>'),
    repeatedPart(
      'word/document.xml',
      '<w:document><w:body><w:t>',
      'A'.repeat(65_536),
      3_000,
      '</w:t></w:body></w:document>',
    ),
  ])
