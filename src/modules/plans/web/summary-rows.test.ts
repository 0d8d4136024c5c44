import { describe, expect, it } from 'vitest'
import { escapeHtml, summaryRows } from './summary-rows.ts'

describe('summary list rows', () => {
  it('escapes every answer and keeps its line breaks in a pre-line box', () => {
    expect(summaryRows([['Outcome', 'Line one\n<b>"Two"</b> & three']])).toEqual([
      {
        key: { text: 'Outcome' },
        value: {
          html: '<span class="safer-pre-line">Line one\n&lt;b&gt;&quot;Two&quot;&lt;/b&gt; &amp; three</span>',
        },
      },
    ])
  })
  it('links an answer when given a link', () => {
    expect(summaryRows([['Plan', { text: "Knife crime's plan", href: '/plans/3' }]])[0]?.value.html).toBe(
      '<a class="govuk-link" href="/plans/3"><span class="safer-pre-line">Knife crime&#39;s plan</span></a>',
    )
  })
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;')
  })
})
