import type { Actor } from '../audit/service.ts'
import type { Services } from '../module.ts'

// The demo's indicators. Seed 002 (Southwark's 2017-20 community safety strategy) reports these
// figures; it sets no targets, so none are invented here. The computed ones are counted from the
// demo crime extract (Met recorded crime for Southwark, E09000028).

const SOUTHWARK = 'E09000028'
const YOUTH_VIOLENCE = 'Tackling Youth Violence including Knife Crime and Knife Carrying'
const SERIOUS_VIOLENCE = 'Serious violence - including group and weapon violence'

interface ManualDemo {
  key: string
  name: string
  definition: string
  unit: 'percent' | 'rate'
  polarity: 'up' | 'down'
  frequency: 'year' | 'financial-year'
  owner: string
  priorities?: string[]
  values: Array<{ period: string; value: number; comparator?: number }>
}

const MANUAL: ManualDemo[] = [
  {
    key: 'crime-per-1000-strategy',
    name: 'Recorded crime per 1,000 residents, as the strategy reports it',
    definition:
      'Police recorded crime per 1,000 residents by financial year, against the London average (comparator), as seed 002 gives it.',
    unit: 'rate',
    polarity: 'down',
    frequency: 'financial-year',
    owner: 'MPS',
    values: [
      { period: '2011-12', value: 120, comparator: 98 },
      { period: '2015-16', value: 102, comparator: 84 },
    ],
  },
  {
    key: 'feel-safe-after-dark',
    name: 'Residents who feel safe walking alone after dark',
    definition: 'Share of residents surveyed who feel safe walking alone outside after dark.',
    unit: 'percent',
    polarity: 'up',
    frequency: 'year',
    owner: 'LBS',
    values: [
      { period: '2011', value: 76 },
      { period: '2016', value: 89 },
    ],
  },
  {
    key: 'worried-about-crime',
    name: 'Residents worried about crime in their area',
    definition: 'Share of residents surveyed who are worried about crime in the area.',
    unit: 'percent',
    polarity: 'down',
    frequency: 'year',
    owner: 'LBS',
    values: [
      { period: '2011', value: 36 },
      { period: '2016', value: 20 },
    ],
  },
  {
    key: 'asb-concern',
    name: 'Residents concerned about anti-social behaviour',
    definition: 'Share of residents surveyed who are concerned about anti-social behaviour.',
    unit: 'percent',
    polarity: 'down',
    frequency: 'year',
    owner: 'LBS',
    priorities: ['Tackling Anti Social Behaviour'],
    values: [
      { period: '2011', value: 23 },
      { period: '2016', value: 14 },
    ],
  },
  {
    key: 'savu-not-reoffending',
    name: 'SAVU clients not reoffending within 6 months',
    definition:
      'Share of Southwark Anti Violence Unit clients who do not reoffend within 6 months of being accepted on to the programme.',
    unit: 'percent',
    polarity: 'up',
    frequency: 'financial-year',
    owner: 'LBS',
    priorities: [YOUTH_VIOLENCE],
    values: [{ period: '2015-16', value: 50 }],
  },
  {
    key: 'iom-in-ete',
    name: 'IOM clients in education, training or employment',
    definition: 'Share of the Integrated Offender Management caseload in education, training or employment.',
    unit: 'percent',
    polarity: 'up',
    frequency: 'financial-year',
    owner: 'NPS',
    priorities: ['Reducing Reoffending'],
    values: [{ period: '2015-16', value: 43 }],
  },
  {
    key: 'iom-starting-treatment',
    name: 'IOM clients starting substance misuse treatment',
    definition: 'Share of the Integrated Offender Management caseload who started treatment.',
    unit: 'percent',
    polarity: 'up',
    frequency: 'financial-year',
    owner: 'NPS',
    priorities: ['Reducing Reoffending'],
    values: [{ period: '2015-16', value: 49 }],
  },
  {
    key: 'iom-not-reoffending',
    name: 'IOM clients not reoffending within 6 months',
    definition:
      'Share of Integrated Offender Management clients who do not reoffend within 6 months of being accepted on to the programme.',
    unit: 'percent',
    polarity: 'up',
    frequency: 'financial-year',
    owner: 'NPS',
    priorities: ['Reducing Reoffending'],
    values: [{ period: '2015-16', value: 45 }],
  },
]

/** Counted from the crime store: the seed-002 measure, and the violence and acquisitive crime the plans target. */
export const COMPUTED_DEMO: ReadonlyArray<{
  key: string
  name: string
  crimeType: string | null
  measure: 'count' | 'rate'
  frequency: 'month' | 'financial-year'
  comparatorAreas: string[]
  priorities: string[]
}> = [
  {
    key: 'crime-rate',
    name: 'Recorded crime per 1,000 residents',
    crimeType: null,
    measure: 'rate',
    frequency: 'financial-year',
    comparatorAreas: ['London'],
    priorities: [],
  },
  {
    key: 'weapon-possession',
    name: 'Possession of weapons offences',
    crimeType: 'POSSESSION OF WEAPONS',
    measure: 'count',
    frequency: 'month',
    comparatorAreas: [],
    priorities: [YOUTH_VIOLENCE, SERIOUS_VIOLENCE],
  },
  {
    key: 'serious-violence',
    name: 'Serious violence (the saved local definition)',
    crimeType: 'serious-violence',
    measure: 'count',
    frequency: 'month',
    comparatorAreas: [],
    priorities: [YOUTH_VIOLENCE, SERIOUS_VIOLENCE],
  },
  {
    key: 'robbery',
    name: 'Robbery',
    crimeType: 'ROBBERY',
    measure: 'count',
    frequency: 'month',
    comparatorAreas: [],
    priorities: ['Robbery'],
  },
  {
    key: 'burglary',
    name: 'Burglary',
    crimeType: 'BURGLARY',
    measure: 'count',
    frequency: 'month',
    comparatorAreas: [],
    priorities: [],
  },
  {
    key: 'violence-against-the-person',
    name: 'Violence against the person',
    crimeType: 'VIOLENCE AGAINST THE PERSON',
    measure: 'count',
    frequency: 'month',
    comparatorAreas: [],
    priorities: ['Low level violence'],
  },
]

export async function loadPerformanceDemo(
  services: Pick<Services, 'indicators' | 'partners' | 'strategies'>,
  actor: Actor,
) {
  const who = { actor, user: null }
  const organisations = await services.partners.listOrganisations()
  const owner = (shortName: string) => organisations.find((o) => o.shortName === shortName)?.id ?? null
  // The demo strategies' priorities, by title: the dashboard filters indicators by them.
  const strategies = await Promise.all(
    (await services.strategies.list()).map((st) => services.strategies.get(st.id)),
  )
  const byTitle = new Map(strategies.flatMap((st) => st.priorities.map((p) => [p.title, p.id] as const)))
  const priorityIds = (titles: readonly string[] = []) =>
    titles.map((t) => byTitle.get(t)).filter((id): id is number => id !== undefined)
  for (const m of MANUAL) {
    await services.indicators.define(who, {
      key: m.key,
      name: m.name,
      definition: m.definition,
      unit: m.unit,
      polarity: m.polarity,
      frequency: m.frequency,
      ownerOrganisationId: owner(m.owner),
      priorityIds: priorityIds(m.priorities),
    })
    for (const v of m.values)
      await services.indicators.enterValue(who, m.key, {
        period: v.period,
        value: v.value,
        comparator: v.comparator,
        note: 'From the Southwark Community Safety Partnership strategy 2017-20',
      })
  }
  for (const c of COMPUTED_DEMO)
    await services.indicators.define(who, {
      key: c.key,
      name: `${c.name}, Southwark`,
      definition: `Met recorded crime in Southwark${c.crimeType ? ` (${c.crimeType.toLowerCase()})` : ''}, counted by Safer from its crime data${c.measure === 'rate' ? ', per 1,000 residents (ONS mid-year population), against London' : ''}.`,
      unit: c.measure === 'rate' ? 'rate' : 'count',
      polarity: 'down',
      frequency: c.frequency,
      source: 'computed',
      priorityIds: priorityIds(c.priorities),
      computed: {
        source: 'recorded',
        area: SOUTHWARK,
        crimeType: c.crimeType,
        measure: c.measure,
        comparatorAreas: [...c.comparatorAreas],
      },
    })
  return { indicators: MANUAL.length + COMPUTED_DEMO.length }
}

/** A database made before the performance module existed has no indicators yet. */
export async function performanceDemoMissing(services: Pick<Services, 'indicators'>) {
  return (await services.indicators.find('feel-safe-after-dark').catch(() => null)) === null
}
