import { randomBytes } from 'node:crypto'
import nunjucks from 'nunjucks'

/**
 * Part of a page rendered earlier and kept as UTF-8, which reply.page puts in as it is: a cached
 * part of a large page then costs a copy, not a render and an encoding, on each request.
 */
export class RenderedHtml {
  constructor(readonly bytes: Buffer) {}

  static of(html: string): RenderedHtml {
    return new RenderedHtml(Buffer.from(html, 'utf8'))
  }
}

// Where each part goes is marked with a comment no page can otherwise hold: the text the templates
// print is escaped (so never starts a comment), and the secret is new in each process.
const SECRET = randomBytes(12).toString('hex')
const MARK = new RegExp(`<!--part-${SECRET}-(\\d+)-->`, 'g')

/** The data with each RenderedHtml replaced by its mark, and the parts in mark order. */
export function markParts(data: Record<string, unknown>): { data: Record<string, unknown>; parts: Buffer[] } {
  const parts: Buffer[] = []
  const marked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (!(value instanceof RenderedHtml)) marked[key] = value
    else marked[key] = new nunjucks.runtime.SafeString(`<!--part-${SECRET}-${parts.push(value.bytes) - 1}-->`)
  }
  return { data: marked, parts }
}

/**
 * The rendered page with its marks replaced by the parts, as the pieces to send one after another:
 * joining them would copy a large part again for every request.
 */
export function spliceParts(html: string, parts: Buffer[]): string | Buffer[] {
  if (parts.length === 0) return html
  const pieces: Buffer[] = []
  let from = 0
  for (const match of html.matchAll(MARK)) {
    pieces.push(Buffer.from(html.slice(from, match.index), 'utf8'), parts[Number(match[1])] as Buffer)
    from = match.index + match[0].length
  }
  pieces.push(Buffer.from(html.slice(from), 'utf8'))
  return pieces
}
