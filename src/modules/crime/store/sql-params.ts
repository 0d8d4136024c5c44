import type { DuckDBValue } from '@duckdb/node-api'

/** Collects positional parameters while a query is built, so values never enter the SQL text. */
export class Params {
  readonly values: DuckDBValue[] = []

  add(value: DuckDBValue): string {
    this.values.push(value)
    return `$${this.values.length}`
  }

  list(values: readonly string[]): string {
    return values.map((v) => this.add(v)).join(', ')
  }

  /** A YYYY-MM month as the DATE of its first day. */
  month(month: string): string {
    return `${this.add(`${month}-01`)}::DATE`
  }
}
