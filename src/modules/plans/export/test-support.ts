// Shared by the export tests: the seed plan, a real file round trip, and comparison without row numbers.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePlanTable } from '../import/parse.ts'
import { readTable } from '../import/table.ts'
import type { ParsedPlan } from '../import/types.ts'
import type { DeliverableNode, PlanTree } from '../plan-tree.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
// Seed 003 unchanged, as committed with the tests (scripts/make-fixtures.ts).
export const SEED_003 = resolve(repoRoot, 'test/fixtures/plans/seed-003.tsv')

export async function parseFile(path: string): Promise<ParsedPlan> {
  return parsePlanTable(await readTable(await readFile(path), path))
}

/** Writes the export to a real file and imports that file, as a partnership would. */
export async function importExported(contents: Buffer | string, fileName: string): Promise<ParsedPlan> {
  const dir = await mkdtemp(join(tmpdir(), 'safer-plan-export-'))
  const path = join(dir, fileName)
  try {
    await writeFile(path, contents)
    return await parseFile(path)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A parsed plan as the tree the exporter takes (the importer's "no title" is null). */
export const asTree = (plan: ParsedPlan): PlanTree => ({ ...plan, title: plan.title ?? '' })

/** The plan's content, without the row numbers and reports that depend on where it sat in the file. */
export function content(plan: PlanTree | ParsedPlan) {
  return {
    title: plan.title ?? '',
    leadership: plan.leadership.map(({ name, initials, organisation, role }) => ({
      name,
      initials: initials ?? null,
      organisation,
      role,
    })),
    strategicAims: plan.strategicAims,
    themes: plan.themes.map(({ title, subtitle, notes, actions }) => ({
      title,
      subtitle,
      notes,
      actions: actions.map(({ number, locallyAdded, text, deliverables }) => ({
        number,
        locallyAdded,
        text,
        deliverables: deliverables.map((d) => {
          const { row: _row, ...rest } = d as typeof d & { row?: number }
          return rest
        }),
      })),
    })),
  }
}

/** A deliverable with every field filled, so a field lost on the way back shows. */
export function deliverable(overrides: Partial<DeliverableNode> = {}): DeliverableNode {
  return {
    outcome: 'Outcome text',
    leads: ['Caroline Thwaites', 'Det Supt Helen Lyons'],
    leadOrganisations: ['LBS CS&P', 'MPS'],
    start: '2018-10',
    end: '2019-03',
    supportingOrganisations: 'All Partners',
    progress: 'Progress so far',
    comment: 'A comment, with "quotes"',
    documentReferences: 'Southwark Knife Crime Plan',
    rag: 'green',
    ...overrides,
  }
}
