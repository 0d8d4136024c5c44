import { COLOURS, escapeXml, SEQUENTIAL, svgOpen, text } from '../../../shared/svg.ts'
import type { ActivityReport } from '../activity.service.ts'
import type { TensionSummary } from '../records.ts'
import { projection, ringsOf } from './geometry.ts'

// The trackers' two drawings. Each is an image with a title and description; the table beside it
// holds the same figures and is the one to trust.

/** An area's tension levels (1–5) over time, one point an assessment, joined in date order. */
export function tensionChart(
  id: string,
  areaName: string,
  history: TensionSummary[],
  dayText: (d: string) => string,
): string {
  if (history.length === 0) return ''
  const width = 560
  const height = 260
  const left = 40
  const right = 20
  const top = 20
  const bottom = 50
  const time = (d: string) => new Date(`${d}T00:00:00Z`).getTime()
  const first = time(history[0]?.assessedOn ?? '')
  const last = time(history.at(-1)?.assessedOn ?? '')
  const x = (d: string) =>
    last === first
      ? left + (width - left - right) / 2
      : left + ((time(d) - first) / (last - first)) * (width - left - right)
  const y = (level: number) => top + ((5 - level) / 4) * (height - top - bottom)
  const grid = [1, 2, 3, 4, 5]
    .map(
      (l) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(l).toFixed(1)}" y2="${y(l).toFixed(1)}" stroke="${COLOURS.lightGrey}"/>${text(left - 18, y(l) + 5, String(l))}`,
    )
    .join('')
  const line = history.map((h) => `${x(h.assessedOn).toFixed(1)},${y(h.level).toFixed(1)}`).join(' ')
  const dots = history
    .map(
      (h) =>
        `<circle cx="${x(h.assessedOn).toFixed(1)}" cy="${y(h.level).toFixed(1)}" r="5" fill="${COLOURS.darkBlue}"/>`,
    )
    .join('')
  const firstDay = history[0]?.assessedOn ?? ''
  const lastDay = history.at(-1)?.assessedOn ?? ''
  const description = `${history.length} assessment${history.length === 1 ? '' : 's'} from ${dayText(firstDay)} to ${dayText(lastDay)}; levels ${history.map((h) => h.level).join(', ')}. The table beside the chart has every figure.`
  return `${svgOpen(id, width, height, `Community tension in ${areaName}`, description)}
${grid}<polyline points="${line}" fill="none" stroke="${COLOURS.blue}" stroke-width="3"/>${dots}
${text(left, height - 25, dayText(firstDay))}${text(width - right, height - 25, dayText(lastDay), 'text-anchor="end"')}
${text(left, height - 5, 'Level 1 (no tension) to 5 (critical), by date of assessment', 'font-size="12"')}</svg>`
}

/**
 * The area's wards shaded by police activity entries given by ward, with each entry given as a
 * point drawn as a dot. Entries given by LSOA or in words are in the table only.
 */
export function activityMap(id: string, report: ActivityReport): string {
  const shapes = report.wards.map((w) => ({ ...w, rings: ringsOf(w.geometry) }))
  const points = shapes.flatMap((s) => s.rings.flatMap((polygon) => polygon[0] ?? []))
  if (points.length === 0) return ''
  const width = 520
  const p = projection(points, width, 10)
  const keyHeight = 50
  const counts = new Map(
    report.byPlace.filter((s) => s.key.startsWith('ward:')).map((s) => [s.key.slice(5), s.entries]),
  )
  const most = Math.max(0, ...counts.values())
  const fill = (n: number) =>
    n === 0
      ? '#ffffff'
      : (SEQUENTIAL[Math.min(5, 1 + Math.floor(((n - 1) / Math.max(1, most)) * 5))] ?? COLOURS.blue)
  const paths = shapes
    .map((s) => {
      const d = s.rings
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `M${ring.map(([lon, lat]) => `${p.x(lon).toFixed(1)},${p.y(lat).toFixed(1)}`).join('L')}Z`,
          ),
        )
        .join('')
      const n = counts.get(s.code) ?? 0
      return `<path d="${d}" fill="${fill(n)}" stroke="${COLOURS.grey}" stroke-width="0.8" fill-rule="evenodd"><title>${escapeXml(`${s.name}: ${n} ${n === 1 ? 'entry' : 'entries'}`)}</title></path>`
    })
    .join('')
  const dots = report.activities
    .filter((a) => a.place.kind === 'point' && a.place.latitude !== null && a.place.longitude !== null)
    .map(
      (a) =>
        `<circle cx="${p.x(a.place.longitude as number).toFixed(1)}" cy="${p.y(a.place.latitude as number).toFixed(1)}" r="5" fill="${COLOURS.orange}" stroke="${COLOURS.black}"><title>${escapeXml(a.place.name)}</title></circle>`,
    )
    .join('')
  const height = p.height + keyHeight
  const wardEntries = [...counts.values()].reduce((a, b) => a + b, 0)
  const description = `${wardEntries} entries given by ward, shaded darker for more, and ${report.activities.filter((a) => a.place.kind === 'point').length} given as a point, drawn as orange dots. The table beside the map has every place.`
  return `${svgOpen(id, width, height, 'Police activity by ward', description)}
${paths}${dots}
<rect x="10" y="${(p.height + 12).toFixed(1)}" width="16" height="16" fill="${SEQUENTIAL[4]}" stroke="${COLOURS.grey}"/>${text(32, p.height + 25, 'More entries in the ward')}
<circle cx="268" cy="${(p.height + 20).toFixed(1)}" r="5" fill="${COLOURS.orange}" stroke="${COLOURS.black}"/>${text(280, p.height + 25, 'An entry at a point')}</svg>`
}
