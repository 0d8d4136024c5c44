/** Rows for govukSummaryList, from [question, answer] pairs. Line breaks in answers are kept. */
export function summaryRows(pairs: Array<[string, string]>) {
  return pairs.map(([key, value]) => ({ key: { text: key }, value: { text: value, classes: 'safer-pre-line' } }))
}
