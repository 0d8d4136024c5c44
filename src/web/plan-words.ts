// The words pages use for a plan's parts when the plan leaves them blank.

export const NO_OUTCOME = 'Outcome not written'

export function actionHeading(number: string | null): string {
  return number ? `Action ${number}` : 'Action without a number'
}
