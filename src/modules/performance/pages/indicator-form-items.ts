import type { IndicatorChoices, IndicatorForm } from './indicator-form.ts'

// The indicator form's radios, select and checkboxes as the GOV.UK macros take them, with the
// form's values chosen.

const POLARITY_CHOICES = [
  { value: 'down', text: 'Lower is better', hint: 'For example, recorded crime' },
  { value: 'up', text: 'Higher is better', hint: 'For example, residents who feel safe' },
  { value: 'none', text: 'Monitor only', hint: 'No target is rated: the figure is watched' },
]

const radios = (choices: Array<{ value: string | number; text: string; hint?: string }>, chosen: string) =>
  choices.map((c) => ({
    value: String(c.value),
    text: c.text,
    hint: c.hint ? { text: c.hint } : undefined,
    checked: String(c.value) === chosen,
  }))

/** The GOV.UK macros' items, with the form's values chosen. */
export function formItems(choices: IndicatorChoices, values: IndicatorForm) {
  const ticked =
    (chosen: string[]) => (group: { legend: string; items: Array<{ value: string; text: string }> }) => ({
      legend: group.legend,
      items: group.items.map((i) => ({ ...i, checked: chosen.includes(i.value) })),
    })
  return {
    unit: radios(choices.units, values.unit),
    polarity: radios(POLARITY_CHOICES, values.polarity),
    frequency: radios(choices.frequencies, values.frequency),
    source: radios(choices.sources, values.source),
    computedSource: radios(
      [
        { value: 'recorded', text: 'Met recorded crime (borough, ward and LSOA files)' },
        { value: 'police-uk', text: 'Police.uk street-level crime' },
      ],
      values.computedSource,
    ),
    computedMeasure: radios(
      [
        { value: 'count', text: 'Count of crimes' },
        { value: 'rate', text: 'Rate per 1,000 residents (ONS population of the period)' },
      ],
      values.computedMeasure,
    ),
    computedCrimeType: choices.crimeTypes.map((c) => ({
      value: c.value,
      text: c.text,
      selected: c.value === values.computedCrimeType,
    })),
    priorityGroups: choices.priorityGroups.map(ticked(values.priorityIds)),
    actionGroups: choices.actionGroups.map(ticked(values.actionIds)),
    actionsTicked: values.actionIds.length,
  }
}
