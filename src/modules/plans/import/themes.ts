import { stripTags } from './layout.ts'

const CONNECTORS = new Set(['and', 'of', 'the', 'for', 'to', '&', 'in', 'on', 'with'])
const isUpper = (word: string) => /[A-Z]/.test(word) && !/[a-z]/.test(word)

/**
 * A theme cell holds its title and a subtitle: "<b>TARGETTING LAWBREAKERS</b> Enforcement and …",
 * or without tags "KEEPING DEADLY WEAPONS OFF OUR STREETS Addressing …". The title is the bold
 * part, else the run of capitals at the start ("and" may join two capital words).
 */
export function splitThemeCell(raw: string): { title: string; subtitle: string } {
  const bold = raw.match(/<b>(.*?)<\/b>(.*)$/is)
  if (bold?.[1] !== undefined) return { title: tidy(bold[1]), subtitle: tidy(stripTags(bold[2] ?? '')) }
  const words = tidy(stripTags(raw)).split(' ')
  let end = 0
  while (end < words.length) {
    const word = words[end] as string
    const next = words[end + 1]
    if (
      isUpper(word) ||
      (end > 0 && CONNECTORS.has(word.toLowerCase()) && next !== undefined && isUpper(next))
    )
      end++
    else break
  }
  if (end === 0) return { title: words.join(' '), subtitle: '' }
  return {
    title: words
      .slice(0, end)
      .join(' ')
      .replace(/[,;:]$/, ''),
    subtitle: words.slice(end).join(' '),
  }
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
