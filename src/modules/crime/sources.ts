// The one table of what each kind of crime data is called, used by pages, the CLI and the API alike,
// and the one rule for which source an analysis uses when none is asked for.

export const SOURCES = ['police-uk', 'recorded'] as const
export type Source = (typeof SOURCES)[number]

/** The sources an analysis counts from, as people read them. */
export const SOURCE_LABELS: Record<Source, string> = {
  'police-uk': 'data.police.uk street crime',
  recorded: 'Met recorded crime (Home Office categories)',
}

/** Everything the store holds, by the name the coverage list gives it. */
export const DATASET_LABELS: Record<string, string> = {
  street: SOURCE_LABELS['police-uk'],
  'police-uk': SOURCE_LABELS['police-uk'],
  outcomes: 'data.police.uk outcomes',
  'stop-search': 'data.police.uk stop and search',
  recorded: SOURCE_LABELS.recorded,
}

export const datasetLabel = (name: string) => DATASET_LABELS[name] ?? name

/**
 * The source used when none is asked for: Met recorded crime (every crime type, official counts,
 * and what the demo holds most of), or police.uk street crime where no recorded crime is loaded,
 * as outside London, where the Met's files do not reach (ADR 0019).
 */
export function defaultSource(holdsRecordedCrime: boolean): Source {
  return holdsRecordedCrime ? 'recorded' : 'police-uk'
}
