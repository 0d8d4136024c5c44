import { formatNumber } from '../../../shared/svg.ts'
import { formatDateTime } from '../../../web/view-helpers.ts'
import { datasetLabel } from '../sources.ts'
import type { DataLoadedPage } from './pages.service.ts'

/** The data page's tables: what is loaded, and the recent loads (empty for those who do not load data). */
export function dataLoadedView(page: DataLoadedPage) {
  return {
    coverage: page.coverage.map((c) => [
      datasetLabel(c.source),
      c.area,
      c.from,
      c.to,
      String(c.months),
      formatNumber(c.rows),
    ]),
    history: page.history.map((h) => [
      h.file_name,
      h.kind,
      formatNumber(h.rows),
      String(h.rejected),
      String((JSON.parse(h.replaced) as unknown[]).length || ''),
      formatDateTime(h.ingested_at),
      h.actor,
    ]),
  }
}
