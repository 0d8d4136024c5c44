import type { PlanTree } from '../../src/modules/plans/plan-tree.ts'
import { RAG_STATUSES } from '../../src/modules/plans/rag.ts'

// A plan shaped like a real partnership plan (seed 003), at any size: themes of actions, each
// with one to three deliverables, joint leads and organisations, months, Ongoing and TBC.

function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

const LEADS = ['Caroline Thwaites', 'Det Supt Helen Lyons', 'Supt Ian Howells', 'Stephen Douglass', 'Kevin Fenton', 'Jenny Brennan', 'Ian Smith', 'Nina Dohel', 'Louise Neilan', 'Becky Canning']
const ORGANISATIONS = ['LBS CS&P', 'MPS', 'LBS Communities', 'LBS Health and Wellbeing', 'LBS Family Early Help & Youth Justice', 'LBS Environment', 'LBS Education', 'NPS', 'CCG']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function generatePlan(deliverables: number, seed = 42): PlanTree {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T
  const themes: PlanTree['themes'] = Array.from({ length: 8 }, (_, i) => ({
    title: `THEME ${String.fromCharCode(65 + i)} OF THE PLAN`,
    subtitle: 'Generated for benchmarking',
    notes: [],
    actions: [],
  }))
  let made = 0
  let actionNumber = 0
  while (made < deliverables) {
    const theme = themes[actionNumber % themes.length] as PlanTree['themes'][number]
    actionNumber++
    const count = Math.min(1 + Math.floor(next() * 3), deliverables - made)
    const locallyAdded = next() < 0.5
    theme.actions.push({
      number: `${locallyAdded ? '*' : ''}${theme.actions.length + 1}`,
      locallyAdded,
      text: `Action ${actionNumber}: work with partners to reduce serious youth violence in the borough`,
      deliverables: Array.from({ length: count }, () => {
        const startYear = 2018 + Math.floor(next() * 3)
        const start = `${startYear}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`
        const endKind = next()
        const end = endKind < 0.3 ? 'ongoing' : endKind < 0.35 ? 'tbc' : `${startYear + 1}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`
        const joint = next() < 0.25
        return {
          outcome: `Outcome ${made + 1}: ${pick(MONTHS)} review of progress with a measurable improvement`,
          leads: joint ? [pick(LEADS), pick(LEADS)] : [pick(LEADS)],
          leadOrganisations: joint ? [pick(ORGANISATIONS), pick(ORGANISATIONS)] : [pick(ORGANISATIONS)],
          start,
          end,
          supportingOrganisations: 'All Partners',
          progress: next() < 0.3 ? 'Meeting held; actions agreed' : '',
          comment: '',
          documentReferences: 'Southwark Knife Crime and Knife Carrying Action Plan',
          rag: pick(RAG_STATUSES),
        }
      }),
    })
    made += count
  }
  return { title: `Generated plan with ${deliverables} deliverables`, leadership: [], strategicAims: ['Protection of Life'], themes }
}
