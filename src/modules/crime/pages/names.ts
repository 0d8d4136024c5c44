// The Met publishes its recorded-crime categories in capitals ("MISCELLANEOUS CRIMES AGAINST
// SOCIETY"), police.uk in sentence case ("Burglary"). People read them side by side, so pages and
// the assessment show every category in sentence case; the API and the CLI's --json keep the
// exact published name, which is also what a query matches on.

/** Abbreviations that stay in capitals. */
const KEEP = new Set(['NFIB', 'UK', 'ASB', 'HMRC', 'BTP', 'CSE'])

const sentence = (part: string) =>
  part
    .split(' ')
    .map((word, i) => {
      if (KEEP.has(word)) return word
      const lower = word.toLowerCase()
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
    })
    .join(' ')

/** A category as people read it: a name in capitals in sentence case, each side of "MAJOR / MINOR"; others as they are. */
export function categoryName(name: string): string {
  if (!/[A-Z]/.test(name) || /[a-z]/.test(name)) return name
  return name.split(' / ').map(sentence).join(' / ')
}
