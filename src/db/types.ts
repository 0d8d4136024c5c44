// Timestamps are ISO-8601 UTC strings in both dialects so that values read back
// identically from SQLite and PostgreSQL (see docs/adr/0002).

/**
 * Every table, by name. Each module adds its own tables in its tables.ts
 * (`declare module '../../db/types.ts' { interface Database { … } }`), so a module's types live with it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module through declaration merging
export interface Database {}
