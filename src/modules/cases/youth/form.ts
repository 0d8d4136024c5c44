// Forms send flat names ("options.0.kind"); the services take lists. Rows left wholly blank are dropped.

/** The rows of a repeated part of a form, by their index, in order. */
export function formRows(body: Record<string, unknown>, prefix: string): Record<string, string>[] {
  const rows = new Map<number, Record<string, string>>()
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`)
  for (const [key, value] of Object.entries(body)) {
    const match = pattern.exec(key)
    if (!match) continue
    const index = Number(match[1])
    const row = rows.get(index) ?? {}
    row[match[2] as string] = typeof value === 'string' ? value : String(value ?? '')
    rows.set(index, row)
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => row)
    .filter((row) => Object.entries(row).some(([k, v]) => k !== 'kind' && v.trim() !== ''))
}

/** A form's answer for a list of checkboxes: none, one or many. */
export const listOf = (value: unknown): string[] =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value.map(String) : [String(value)]
