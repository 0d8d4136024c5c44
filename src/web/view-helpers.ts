import type { FieldErrors } from '../shared/errors.ts'

/** GOV.UK error summary items, each linking to its field. */
export function errorSummary(errors: FieldErrors | undefined) {
  if (!errors) return []
  return Object.entries(errors).map(([field, text]) => ({
    text,
    href: `#${field === 'form' ? 'main-content' : field}`,
  }))
}

/** A field's errorMessage parameter for a GOV.UK macro, or false when the field is fine. */
export function fieldError(errors: FieldErrors | undefined, field: string) {
  const text = errors?.[field]
  return text ? { text } : false
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** "23 Nov 2026, 09:14" in UK time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return dateTime.format(new Date(iso))
}

/** Options for a GOV.UK select, with the current value selected and a blank first choice. */
export function selectItems(
  options: Array<{ value: string | number; text: string }>,
  selected: unknown,
  blank = 'Choose…',
) {
  return [
    { value: '', text: blank },
    ...options.map((o) => ({
      value: String(o.value),
      text: o.text,
      selected: String(o.value) === String(selected ?? ''),
    })),
  ]
}
