import type { IndicatorView } from '../indicators.service.ts'

// Shapes the services' domain objects into the API's JSON (api/contracts.ts describes them).

export function statusJson(view: IndicatorView) {
  const { key, period, value, target, rag, previous, direction, sameLastYear, significant } = view.status
  return { key, period, value, target, rag, previous, direction, sameLastYear, significant }
}

export function indicatorJson(view: IndicatorView) {
  const { computedVersion: _internal, updatedAt: _u, ...indicator } = view.indicator
  return { ...indicator, status: statusJson(view), exceptions: view.exceptions }
}

export function indicatorDetailJson(view: IndicatorView) {
  const chart = view.series.chart
  return {
    ...indicatorJson(view),
    values: view.series.points.map(({ label: _label, enteredBy: _by, ...p }) => p),
    controlChart: chart
      ? { baseline: chart.baseline, mean: chart.mean, upper: chart.upper, lower: chart.lower }
      : null,
    significance: view.status.significance,
  }
}
