// Rows for govukSummaryList. Answers keep their line breaks: the macro would print its own
// indentation inside a white-space: pre-line box, so each answer is wrapped here instead.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string)

export interface SummaryAnswer {
  text: string
  href?: string
}

export function summaryRows(pairs: Array<[string, string | SummaryAnswer]>) {
  return pairs.map(([key, answer]) => {
    const { text, href } = typeof answer === 'string' ? { text: answer, href: undefined } : answer
    const inner = `<span class="safer-pre-line">${escapeHtml(text)}</span>`
    return {
      key: { text: key },
      value: { html: href ? `<a class="govuk-link" href="${escapeHtml(href)}">${inner}</a>` : inner },
    }
  })
}
