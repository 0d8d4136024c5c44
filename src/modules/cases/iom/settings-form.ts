import type { IomSettings } from './settings.ts'

// The scoring matrix as a flat form works without JavaScript: one row per offence group (gravity,
// priority, neighbourhood crime, Flex priority), and the bands and codes as lines of text. Adding or
// renaming groups is done through the API, where the matrix is sent whole.

const lines = (pairs: Array<[string | number, number]>) => pairs.map(([a, b]) => `${a}, ${b}`).join('\n')

export function settingsForm({ matrix, eligibility }: IomSettings) {
  return {
    groups: matrix.groups.map((g, i) => ({
      i,
      ...g,
      flex: eligibility.flexGroups?.includes(g.id) ?? false,
    })),
    recencyBands: lines(matrix.recencyBands.map((b) => [b.months, b.points])),
    codeGravity: lines(Object.entries(matrix.codeGravity ?? {})),
    windowMonths: matrix.windowMonths,
    frequencyPoints: matrix.frequencyPoints,
    fallbackGroup: matrix.fallbackGroup,
    eligibilityMonths: eligibility.withinMonths,
  }
}

const pairsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(/\s*[,=:]\s*|\s+/) as [string, string | undefined])

/** The form's fields as the settings input the service checks. */
export function settingsFromForm(body: Record<string, string>) {
  const count = Object.keys(body).filter((k) => /^id_\d+$/.test(k)).length
  const groups = Array.from({ length: count }, (_, i) => ({
    id: body[`id_${i}`] ?? '',
    label: body[`label_${i}`] ?? '',
    gravity: body[`gravity_${i}`] ?? '',
    priority: body[`priority_${i}`] ?? '',
    neighbourhoodCrime: body[`neighbourhood_${i}`] === 'yes',
  }))
  return {
    groups,
    recencyBands: pairsOf(body.recencyBands).map(([months, points]) => ({ months, points: points ?? '' })),
    codeGravity: Object.fromEntries(pairsOf(body.codeGravity).map(([code, g]) => [code, g ?? ''])),
    windowMonths: body.windowMonths,
    frequencyPoints: body.frequencyPoints,
    fallbackGroup: body.fallbackGroup,
    eligibilityMonths: body.eligibilityMonths,
    flexGroups: groups.filter((_, i) => body[`flex_${i}`] === 'yes').map((g) => g.id),
    version: body.version || undefined,
  }
}
