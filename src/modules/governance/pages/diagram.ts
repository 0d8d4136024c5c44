import { COLOURS, escapeXml } from '../../../shared/svg.ts'
import type { BoardLink, ReportingLine } from '../records.ts'

// The partnership's boards drawn top-down: a board sits below every board it reports to, and an
// arrow runs up each reporting line. The same lines are listed in words beside the drawing.

const BOX_WIDTH = 200
const BOX_HEIGHT = 56
const GAP_X = 24
const GAP_Y = 56
const LINE_CHARS = 26

function wrap(text: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > LINE_CHARS) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.slice(0, 3)
}

/** Each board's level: 0 for those reporting to no one, one below the lowest board each reports to. */
export function levels(boards: readonly BoardLink[], lines: readonly ReportingLine[]): Map<number, number> {
  const level = new Map<number, number>()
  const up = (id: number, depth: number): number => {
    if (level.has(id)) return level.get(id) as number
    if (depth > boards.length) return 0
    const above = lines.filter((l) => l.board.id === id).map((l) => up(l.reportsTo.id, depth + 1) + 1)
    const value = above.length ? Math.max(...above) : 0
    level.set(id, value)
    return value
  }
  for (const b of boards) up(b.id, 0)
  return level
}

/** The boards this one is joined to, directly or through others, with it: what its page draws. */
export function connected(boardId: number, lines: readonly ReportingLine[]): BoardLink[] {
  const found = new Map<number, BoardLink>()
  const queue = [boardId]
  const seen = new Set<number>()
  while (queue.length) {
    const id = queue.shift() as number
    if (seen.has(id)) continue
    seen.add(id)
    for (const l of lines) {
      if (l.board.id === id || l.reportsTo.id === id) {
        found.set(l.board.id, l.board)
        found.set(l.reportsTo.id, l.reportsTo)
        queue.push(l.board.id, l.reportsTo.id)
      }
    }
  }
  return [...found.values()]
}

export function reportingLinesSvg(
  boards: readonly BoardLink[],
  lines: readonly ReportingLine[],
  currentId: number,
  titleId: string,
): string {
  if (!boards.length) return ''
  const level = levels(boards, lines)
  const rows = new Map<number, BoardLink[]>()
  for (const b of [...boards].sort((a, b) => a.name.localeCompare(b.name)))
    rows.set(level.get(b.id) ?? 0, [...(rows.get(level.get(b.id) ?? 0) ?? []), b])
  const widest = Math.max(...[...rows.values()].map((r) => r.length))
  const width = widest * BOX_WIDTH + (widest - 1) * GAP_X + 16
  const height = rows.size * BOX_HEIGHT + (rows.size - 1) * GAP_Y + 16
  const at = new Map<number, { x: number; y: number }>()
  for (const [row, members] of rows) {
    const rowWidth = members.length * BOX_WIDTH + (members.length - 1) * GAP_X
    members.forEach((b, i) => {
      at.set(b.id, { x: (width - rowWidth) / 2 + i * (BOX_WIDTH + GAP_X), y: 8 + row * (BOX_HEIGHT + GAP_Y) })
    })
  }
  const arrows = lines
    .filter((l) => at.has(l.board.id) && at.has(l.reportsTo.id))
    .map((l) => {
      const from = at.get(l.board.id) as { x: number; y: number }
      const to = at.get(l.reportsTo.id) as { x: number; y: number }
      const x1 = from.x + BOX_WIDTH / 2
      const x2 = to.x + BOX_WIDTH / 2
      return `<line x1="${x1}" y1="${from.y}" x2="${x2}" y2="${to.y + BOX_HEIGHT + 2}" stroke="${COLOURS.grey}" stroke-width="2" marker-end="url(#${titleId}-arrow)"/>`
    })
  const boxes = [...at.entries()].map(([id, p]) => {
    const board = boards.find((b) => b.id === id) as BoardLink
    const current = id === currentId
    const text = wrap(board.name)
    const firstY = p.y + BOX_HEIGHT / 2 - ((text.length - 1) * 16) / 2 + 5
    return [
      `<rect x="${p.x}" y="${p.y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="2" fill="${current ? COLOURS.darkBlue : '#ffffff'}" stroke="${COLOURS.darkBlue}" stroke-width="2"/>`,
      ...text.map(
        (t, i) =>
          `<text x="${p.x + BOX_WIDTH / 2}" y="${firstY + i * 16}" text-anchor="middle" font-size="14" fill="${current ? '#ffffff' : COLOURS.black}">${escapeXml(t)}</text>`,
      ),
    ].join('')
  })
  const description = lines
    .filter((l) => at.has(l.board.id))
    .map((l) => `${l.board.name} reports to ${l.reportsTo.name}.`)
    .join(' ')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${titleId} ${titleId}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="safer-reporting-lines" style="max-width:100%;height:auto">`,
    `<title id="${titleId}">Reporting lines</title>`,
    `<desc id="${titleId}-desc">${escapeXml(description)}</desc>`,
    `<defs><marker id="${titleId}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.grey}"/></marker></defs>`,
    ...arrows,
    ...boxes,
    '</svg>',
  ].join('')
}
