export { exportPlanCsv } from './csv.ts'
export { exportPlanXlsx } from './xlsx.ts'
