// Boards report upwards: a line that would bring a board's reports back round to itself is refused.

export interface Line {
  boardId: number
  reportsToBoardId: number
}

/** Whether adding "from reports to to" closes a loop among the lines already held. */
export function wouldMakeLoop(lines: readonly Line[], from: number, to: number): boolean {
  if (from === to) return true
  const above = new Map<number, number[]>()
  for (const l of lines) above.set(l.boardId, [...(above.get(l.boardId) ?? []), l.reportsToBoardId])
  // Walk upwards from `to`: reaching `from` means `from` already sits above `to`.
  const seen = new Set<number>()
  const queue = [to]
  while (queue.length) {
    const board = queue.shift() as number
    if (board === from) return true
    if (seen.has(board)) continue
    seen.add(board)
    queue.push(...(above.get(board) ?? []))
  }
  return false
}
