// Small helpers for server-rendered SVG charts. Every chart is an <svg role="img"> with a title
// and description; the figures themselves are always in a table beside it.

export const escapeXml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

/** GOV.UK Design System colours. */
export const COLOURS = {
  blue: '#1d70b8',
  darkBlue: '#003078',
  grey: '#505a5f',
  lightGrey: '#b1b4b6',
  black: '#0b0c0c',
  orange: '#f47738',
}

/** A sequential blue scale (light to dark), every step distinct in greyscale. */
export const SEQUENTIAL = ['#f3f2f1', '#c5d9ed', '#8eb8dc', '#4c8cc8', '#1d70b8', '#003078']

export const formatNumber = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 })

/** Rounded-up "nice" maximum for an axis (1, 2, 2.5 or 5 × a power of ten). */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

export function svgOpen(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="safer-chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">
<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>`
}

/**
 * A generous estimate of a label's width in 14px Arial (capitals are wide: Home Office categories
 * are written in them), so that a column sized with it never cuts the label off.
 */
export function textWidth(content: string, fontSize = 14): number {
  let em = 0
  for (const ch of content) em += /[A-Z]/.test(ch) ? 0.75 : /[a-z0-9]/.test(ch) ? 0.58 : 0.4
  return em * fontSize
}

/** A text label; attrs may set its own font-size (an attribute given twice makes the SVG invalid XML). */
export const text = (x: number, y: number, content: string, attrs = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="Arial, sans-serif"${attrs.includes('font-size') ? '' : ' font-size="14"'} fill="${COLOURS.black}" ${attrs}>${escapeXml(content)}</text>`
