// npm run fuzz [-- --runs N --seed S]: damages real inputs in every way an upload or a download can
// go wrong and feeds each to the plan importer or the crime ingest. Stops at the first broken
// promise (a crash, a refusal that does not name the file, a partial write, too slow, too big).
import { parseArgs } from 'node:util'
import { runFuzz } from './fuzz/run.ts'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: '20250601' } },
})
const runs = Number(values.runs)
const seed = Number(values.seed)

const started = performance.now()
const summary = await runFuzz({
  runs,
  seed,
  maxMs: 60_000,
  maxRssGrowthMb: 1500,
  onResult: (r, i) => {
    if (i % 500 === 0 || process.env.FUZZ_VERBOSE) {
      const minutes = ((performance.now() - started) / 60_000).toFixed(1)
      console.error(
        `${i}/${runs} inputs in ${minutes} min; last: ${r.importer} ${r.file} ${r.verdict} in ${Math.round(r.ms)} ms`,
      )
    }
  },
})
const slowest = summary.slowest
console.log(
  JSON.stringify(
    {
      seed,
      inputs: summary.inputs,
      refused: summary.refused,
      accepted: summary.accepted,
      byImporter: summary.byImporter,
      slowest: slowest && {
        importer: slowest.importer,
        file: slowest.file,
        bytes: slowest.bytes,
        ms: Math.round(slowest.ms),
        verdict: slowest.verdict,
      },
      peakRssMb: Math.round(summary.peakRssMb),
      minutes: Number((summary.ms / 60_000).toFixed(1)),
    },
    null,
    2,
  ),
)
