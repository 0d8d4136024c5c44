// Spreadsheet programs run a cell that starts with =, +, - or @ (or a tab or carriage return,
// which some strip first) as a formula: free text typed into Safer must never become one on
// someone else's machine. A leading ' makes it text. Safer's importers (plans: import/table.ts,
// unguardFormula; performance: import/read.ts) remove exactly one such quote, so export → import
// gives back the text as written.
//
// Text that already starts with quotes before one of those characters ("'=x") gets one more
// ("''=x"): otherwise the importer could not tell it from a guarded "=x".

const NEEDS_GUARD = /^'*[=+\-@\t\r]/

export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text
}
