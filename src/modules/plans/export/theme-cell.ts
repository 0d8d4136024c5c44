import { splitThemeCell } from '../import/themes.ts'

export interface ThemeCell {
  text: string
  /** How many leading characters are the title when it is written plainly (for bold in xlsx). */
  titleLength?: number
}

const same = (a: { title: string; subtitle: string }, b: { title: string; subtitle: string }) =>
  a.title === b.title && a.subtitle === b.subtitle

/**
 * The theme cell as partnerships write it: "TITLE subtitle" when the importer's capitals rule
 * splits it back exactly, else "<b>Title</b> subtitle", which the importer reads by its tags.
 * Asking splitThemeCell itself, rather than guessing from the capitals, keeps the two in step.
 */
export function themeCell(title: string, subtitle: string): ThemeCell {
  const wanted = { title, subtitle }
  const plain = subtitle ? `${title} ${subtitle}` : title
  if (title && same(splitThemeCell(plain), wanted)) return { text: plain, titleLength: title.length }
  return { text: subtitle ? `<b>${title}</b> ${subtitle}` : `<b>${title}</b>` }
}
