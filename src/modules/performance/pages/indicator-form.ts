import type { FieldErrors } from '../../../shared/errors.ts'
import type { Services } from '../../module.ts'
import { LONDON } from '../computed/london.ts'
import {
  DEFAULT_COMPARATOR,
  type Indicator,
  SOURCE_LABELS,
  SOURCES,
  UNIT_LABELS,
  UNITS,
} from '../indicator.ts'
import { FREQUENCIES, FREQUENCY_LABELS } from '../rules/periods.ts'

// The "Add an indicator" and "Change the indicator" form: what the browser sends, turned into the
// service's input; an indicator turned back into the form; the lists it chooses from, each taken
// from the module that owns it; and the service's field names mapped to the form's.

/** The form as the browser sends it: text boxes as strings, checkboxes as lists of ids. */
export interface IndicatorForm {
  key: string
  name: string
  definition: string
  unit: string
  ratePer: string
  polarity: string
  frequency: string
  tolerance: string
  ownerOrganisationId: string
  priorityIds: string[]
  actionIds: string[]
  baseline: string
  baselinePeriod: string
  comparatorSeries: string
  source: string
  computedSource: string
  computedArea: string
  computedCrimeType: string
  computedMeasure: string
  computedComparatorAreas: string
  version: string
}

const TEXT_FIELDS = [
  'key',
  'name',
  'definition',
  'unit',
  'ratePer',
  'polarity',
  'frequency',
  'tolerance',
  'ownerOrganisationId',
  'baseline',
  'baselinePeriod',
  'comparatorSeries',
  'source',
  'computedSource',
  'computedArea',
  'computedCrimeType',
  'computedMeasure',
  'computedComparatorAreas',
  'version',
] as const

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  )

export function formFromBody(body: unknown): IndicatorForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const text = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '')
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((k) => [k, text(k)])) as Omit<
      IndicatorForm,
      'priorityIds' | 'actionIds'
    >),
    priorityIds: list(b.priorityIds),
    actionIds: list(b.actionIds),
  }
}

const lines = (text: string) =>
  text
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean)

/** The service's input; a computed indicator's unit follows its measure, so the form need not ask twice. */
export function inputFromForm(f: IndicatorForm) {
  const computed = f.source === 'computed'
  const measure = f.computedMeasure || 'count'
  return {
    key: f.key,
    name: f.name,
    definition: f.definition,
    unit: computed ? (measure === 'rate' ? 'rate' : 'count') : f.unit || undefined,
    ratePer: computed ? '' : f.ratePer,
    polarity: f.polarity || undefined,
    frequency: f.frequency || undefined,
    tolerance: f.tolerance,
    ownerOrganisationId: f.ownerOrganisationId,
    priorityIds: f.priorityIds,
    actionIds: f.actionIds,
    baseline: f.baseline,
    baselinePeriod: f.baselinePeriod,
    comparatorSeries: computed ? '' : f.comparatorSeries,
    source: f.source || undefined,
    computed: computed
      ? {
          source: f.computedSource || 'recorded',
          area: f.computedArea,
          crimeType: f.computedCrimeType,
          measure,
          comparatorAreas: lines(f.computedComparatorAreas),
        }
      : null,
    version: f.version,
  }
}

const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))

export function formFromIndicator(i: Indicator): IndicatorForm {
  return {
    key: i.key,
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    ratePer: i.unit === 'rate' ? str(i.ratePer) : '',
    polarity: i.polarity,
    frequency: i.frequency,
    tolerance: str(i.tolerance),
    ownerOrganisationId: str(i.ownerOrganisationId),
    priorityIds: i.priorityIds.map(String),
    actionIds: i.actionIds.map(String),
    baseline: str(i.baseline),
    baselinePeriod: i.baselinePeriod ?? '',
    comparatorSeries:
      i.source === 'computed' || i.comparatorSeries === DEFAULT_COMPARATOR ? '' : i.comparatorSeries,
    source: i.source,
    computedSource: i.computed?.source ?? 'recorded',
    computedArea: i.computed?.area ?? '',
    computedCrimeType: i.computed?.crimeType ?? '',
    computedMeasure: i.computed?.measure ?? 'count',
    computedComparatorAreas: (i.computed?.comparatorAreas ?? []).join('\n'),
    version: String(i.version),
  }
}

/** The service names nested and listed fields by path ("computed.area", "priorityIds.0"); the form by its boxes. */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(errors)) {
    const [head, sub] = path.split('.')
    const field =
      head === 'computed'
        ? sub
          ? `computed${sub.charAt(0).toUpperCase()}${sub.slice(1)}`
          : 'source'
        : head === 'version'
          ? 'form'
          : (head ?? 'form')
    out[field] ??= message
  }
  return out
}

/** The fields a stale save compares, with the labels the form gives them. */
const COMPARED: Array<[keyof IndicatorForm, string]> = [
  ['name', 'Name'],
  ['definition', 'Definition'],
  ['unit', 'Unit'],
  ['ratePer', 'Rate per'],
  ['polarity', 'Polarity'],
  ['frequency', 'Frequency'],
  ['tolerance', 'Tolerance (%)'],
  ['ownerOrganisationId', 'Owner organisation'],
  ['priorityIds', 'Strategy priorities'],
  ['actionIds', 'Plan actions'],
  ['baseline', 'Baseline value'],
  ['baselinePeriod', 'Baseline period'],
  ['comparatorSeries', 'Comparator series'],
  ['computedArea', 'Area'],
  ['computedCrimeType', 'Crime type'],
  ['computedMeasure', 'Count or rate'],
  ['computedComparatorAreas', 'Comparator areas'],
]

/** After a stale save: what the other person saved, beside what this person sent. */
export function changesBetween(theirs: IndicatorForm, yours: IndicatorForm) {
  const shown = (v: string | string[]) => (Array.isArray(v) ? [...v].sort().join(', ') : v.trim())
  return COMPARED.filter(([k]) => shown(theirs[k]) !== shown(yours[k])).map(([k, label]) => ({
    label,
    theirs: shown(theirs[k]),
    yours: shown(yours[k]),
  }))
}

type ChoiceServices = Pick<Services, 'partners' | 'strategies' | 'plans' | 'crime'>

/** Everything the form offers, each list from its own module's service. */
export async function indicatorChoices({ partners, strategies, plans, crime }: ChoiceServices) {
  const [organisations, strategyList, planList, home, recorded, policeUk] = await Promise.all([
    partners.listOrganisations(),
    strategies.list(),
    plans.listPlans(),
    crime.homeArea(),
    crime.recordedCategories(),
    crime.policeUkCrimeTypes(),
  ])
  const [strategyDetails, planDetails] = await Promise.all([
    Promise.all(strategyList.map((s) => strategies.get(s.id))),
    Promise.all(planList.map((p) => plans.getPlan(p.id))),
  ])
  const majors = [...new Set(recorded.map((c) => c.major))]
  return {
    units: UNITS.map((u) => ({ value: u, text: UNIT_LABELS[u] })),
    frequencies: FREQUENCIES.map((f) => ({ value: f, text: FREQUENCY_LABELS[f] })),
    // Computed indicators are set up in their own section of the form.
    sources: SOURCES.map((s) => ({ value: s, text: SOURCE_LABELS[s] })),
    organisations: organisations.map((o) => ({ value: o.id, text: o.name })),
    priorityGroups: strategyDetails
      .filter((s) => s.priorities.length)
      .map((s) => ({
        legend: s.title,
        items: s.priorities.map((p) => ({ value: String(p.id), text: p.title })),
      })),
    actionGroups: planDetails
      .map((p) => ({
        legend: p.title,
        items: p.themes.flatMap((t) =>
          t.actions.map((a) => ({
            value: String(a.id),
            text: `${a.number ? `${a.number}. ` : ''}${a.text.length > 160 ? `${a.text.slice(0, 157)}…` : a.text}`,
          })),
        ),
      }))
      .filter((g) => g.items.length),
    crimeTypes: [
      { value: '', text: 'All crime' },
      { value: 'serious-violence', text: 'Serious violence (the saved local definition)' },
      ...majors.map((m) => ({ value: m, text: `Recorded crime: ${m.toLowerCase()}` })),
      ...recorded.map((c) => ({
        value: `${c.major} / ${c.minor}`,
        text: `Recorded crime: ${c.major.toLowerCase()} / ${c.minor.toLowerCase()}`,
      })),
      ...policeUk.map((t) => ({ value: t, text: `Police.uk: ${t}` })),
    ],
    homeArea: home?.name ?? '',
    london: LONDON,
  }
}

export type IndicatorChoices = Awaited<ReturnType<typeof indicatorChoices>>
