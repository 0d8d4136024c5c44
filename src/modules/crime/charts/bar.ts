// The horizontal bar chart is shared with other modules' reports (src/shared/report/bar-chart.ts).
export { type Bar, barChart } from '../../../shared/report/bar-chart.ts'
