import { describe, expect, it } from 'vitest'
import { runFuzz } from '../../scripts/fuzz/run.ts'

// The importers fed real inputs (test/fixtures) damaged in every way the fuzzer knows: flipped
// bytes, cut files, shuffled and repeated rows, wrong encodings, huge cells, formulas and control
// characters. A fixed seed, so a failure here fails the same way every time; `npm run fuzz` runs
// 10,000. Each input is either taken or refused in words naming the file, a refusal leaves the
// database and the crime store exactly as they were, and none takes long or much memory.
describe('the plan importer and the crime ingest under fuzzing', () => {
  it('take or cleanly refuse 200 damaged real inputs, never writing part of one', async () => {
    const summary = await runFuzz({ runs: 200, seed: 20250601, maxMs: 20_000, maxRssGrowthMb: 1000 })
    expect(summary.inputs).toBe(200)
    expect(summary.refused).toBeGreaterThan(0)
    expect(summary.accepted).toBeGreaterThan(0)
    expect(summary.byImporter.plan?.refused).toBeGreaterThan(0)
    expect(summary.byImporter.crime?.refused).toBeGreaterThan(0)
  }, 240_000)
})
