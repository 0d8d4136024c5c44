// One fuzzing run: real inputs (test/fixtures, extracts of the real files), each damaged by a
// random mix of mutations and fed to its importer. Deterministic for a given seed.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { byteMutations, textMutations } from './mutate.ts'
import { createFuzzTarget, type FeedResult, workbookOf } from './target.ts'

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures')

interface Source {
  importer: 'plan' | 'crime'
  file: string
  content: Buffer
}

const PLAN_SOURCES = ['seed-003.tsv', 'seed-003.csv', 'seed-003.xlsx']
const CRIME_SOURCES = [
  '2024-01-city-of-london-street.csv',
  '2024-06-metropolitan-outcomes-burglary.csv',
  '2024-03-metropolitan-stop-and-search.csv',
  'mps_recorded_crime_lsoa_southwark_2024-02_to_2026-02.csv',
]

function sources(): Source[] {
  return [
    ...PLAN_SOURCES.map((file) => ({
      importer: 'plan' as const,
      file,
      content: readFileSync(join(FIXTURES, 'plans', file)),
    })),
    ...CRIME_SOURCES.map((file) => ({
      importer: 'crime' as const,
      file,
      content: readFileSync(join(FIXTURES, 'crime', file)),
    })),
  ]
}

/** An input: which source, and how it is damaged. Workbooks are damaged in their cells or their bytes. */
const inputOf = (all: Source[]) =>
  fc.record({
    source: fc.nat(all.length - 1).map((i) => all[i] as Source),
    text: textMutations,
    bytes: byteMutations,
    inCells: fc.boolean(),
  })

async function damaged(input: {
  source: Source
  text: (b: Buffer) => Buffer
  bytes: (b: Buffer) => Buffer
  inCells: boolean
}): Promise<Buffer> {
  const { source } = input
  if (!source.file.endsWith('.xlsx')) return input.text(source.content)
  if (!input.inCells) return input.bytes(source.content)
  const tsv = readFileSync(join(FIXTURES, 'plans', 'seed-003.tsv'))
  const rows = input
    .text(tsv)
    .toString('utf8')
    .split('\n')
    .map((line) => line.split('\t'))
  return workbookOf(rows)
}

export interface FuzzSummary {
  inputs: number
  accepted: number
  refused: number
  byImporter: Record<string, { accepted: number; refused: number }>
  slowest: FeedResult | null
  peakRssMb: number
  ms: number
}

export async function runFuzz(options: {
  runs: number
  seed: number
  maxMs: number
  maxRssGrowthMb: number
  onResult?: (r: FeedResult, i: number) => void
}): Promise<FuzzSummary> {
  const target = await createFuzzTarget(options)
  const summary: FuzzSummary = {
    inputs: 0,
    accepted: 0,
    refused: 0,
    byImporter: {},
    slowest: null,
    peakRssMb: 0,
    ms: 0,
  }
  const started = performance.now()
  try {
    await fc.assert(
      fc.asyncProperty(inputOf(sources()), async (input) => {
        const content = await damaged(input)
        const { importer, file } = input.source
        if (process.env.FUZZ_VERBOSE)
          console.error(
            `feeding ${importer} ${file} (${content.length} bytes): ${JSON.stringify(content.subarray(0, 120).toString('latin1'))}`,
          )
        const result =
          importer === 'plan' ? await target.feedPlan(file, content) : await target.feedCrime(file, content)
        summary.inputs++
        summary[result.verdict]++
        summary.byImporter[importer] ??= { accepted: 0, refused: 0 }
        const mine = summary.byImporter[importer]
        mine[result.verdict]++
        if (!summary.slowest || result.ms > summary.slowest.ms) summary.slowest = result
        summary.peakRssMb = Math.max(summary.peakRssMb, result.rssMb)
        options.onResult?.(result, summary.inputs)
      }),
      // Shrinking would re-run imports against a database that has moved on: report the input as found.
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    )
  } finally {
    await target.close()
  }
  summary.ms = performance.now() - started
  return summary
}
