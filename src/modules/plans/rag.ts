// RAG as partnerships use it: blue means complete. Colour is never the only signal: every
// display also carries the word (and the export the letter).

export const RAG_STATUSES = ['blue', 'green', 'amber', 'red', 'not-started', 'not-rated'] as const
export type Rag = (typeof RAG_STATUSES)[number]

export const RAG_LABELS: Record<Rag, string> = {
  blue: 'Blue – complete',
  green: 'Green – on track',
  amber: 'Amber – at risk',
  red: 'Red – off track',
  'not-started': 'Not started',
  'not-rated': 'Not rated',
}

export const RAG_LETTERS: Record<Rag, string> = {
  blue: 'B',
  green: 'G',
  amber: 'A',
  red: 'R',
  'not-started': 'NS',
  'not-rated': '',
}

const WORDS: Record<string, Rag> = {
  b: 'blue',
  blue: 'blue',
  complete: 'blue',
  completed: 'blue',
  done: 'blue',
  g: 'green',
  green: 'green',
  a: 'amber',
  amber: 'amber',
  r: 'red',
  red: 'red',
  ns: 'not-started',
  'not started': 'not-started',
  'not-started': 'not-started',
  '': 'not-rated',
  'not rated': 'not-rated',
  'not-rated': 'not-rated',
  'n/a': 'not-rated',
}

/** Reads a RAG cell; undefined when the text is not a RAG status. */
export function parseRag(raw: string): Rag | undefined {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(b|g|a|r)\s*[-–:]\s*.*$/, '$1')
  return WORDS[key] ?? WORDS[key.split(/[\s–-]/)[0] ?? '']
}
