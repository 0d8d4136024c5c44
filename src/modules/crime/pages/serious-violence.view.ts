import { POLICE_UK_CRIME_TYPES } from '../schema.ts'
import { categoryName } from './names.ts'
import { overviewView } from './overview.view.ts'
import type { SeriousViolencePage } from './pages.service.ts'

/**
 * The serious violence page: the overview of the figures under the local definition, the definition,
 * and its form's checkboxes ticked from what was sent (after an error) or else from the saved one.
 */
export function seriousViolenceView(
  page: SeriousViolencePage,
  options: {
    canDefine: boolean
    definitionErrors?: Record<string, string>
    definitionValues?: Record<string, unknown>
  },
) {
  const { definition, recordedCategories: recorded } = page
  const chosen = options.definitionValues ?? { ...definition }
  const ticked = (list: unknown, value: string) => (Array.isArray(list) ? list : [list]).includes(value)
  const majors = [...new Set(recorded.map((c) => c.major))]
  return {
    ...overviewView(page.overview),
    definition,
    recordedCategoriesText: definition.recordedCategories.map(categoryName).join(', '),
    canDefine: options.canDefine,
    definitionErrors: options.definitionErrors,
    definitionValues: chosen,
    policeUkItems: POLICE_UK_CRIME_TYPES.map((t) => ({
      value: t,
      text: t,
      checked: ticked(chosen.policeUkTypes, t),
    })),
    recordedItems: [
      ...majors.map((m) => ({
        value: m,
        text: `${categoryName(m)} (all)`,
        checked: ticked(chosen.recordedCategories, m),
      })),
      ...recorded.map((c) => ({
        value: `${c.major} / ${c.minor}`,
        text: categoryName(`${c.major} / ${c.minor}`),
        checked: ticked(chosen.recordedCategories, `${c.major} / ${c.minor}`),
      })),
    ],
  }
}
