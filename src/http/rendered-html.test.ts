import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { markParts, RenderedHtml, spliceParts } from './rendered-html.ts'

const env = new nunjucks.Environment(null, { autoescape: true })
const render = (template: string, data: Record<string, unknown>) => {
  const { data: marked, parts } = markParts(data)
  const out = spliceParts(env.renderString(template, marked), parts)
  return typeof out === 'string' ? out : Buffer.concat(out).toString('utf8')
}

describe('RenderedHtml in a page', () => {
  it('goes in as it is, where the template prints it, among text that is escaped as usual', () => {
    const part = RenderedHtml.of('<ul><li>Knife crime – 2018/20 ’</li></ul>')
    expect(
      render('<h1>{{ title }}</h1>{{ part }}<p>{{ after }}</p>', { title: 'A & B', part, after: '<b>' }),
    ).toBe('<h1>A &amp; B</h1><ul><li>Knife crime – 2018/20 ’</li></ul><p>&lt;b&gt;</p>')
  })

  it('puts each of several parts in its own place, and a part printed twice twice', () => {
    const one = RenderedHtml.of('<i>1</i>')
    const two = RenderedHtml.of('<i>2</i>')
    expect(render('{{ b }}|{{ a }}|{{ b | safe }}', { a: one, b: two })).toBe('<i>2</i>|<i>1</i>|<i>2</i>')
  })

  it('leaves a page without parts as the string it was', () => {
    expect(spliceParts('<p>plain</p>', [])).toBe('<p>plain</p>')
  })

  it('cannot be faked by text on the page: marks are escaped text there, and carry a secret', () => {
    const part = RenderedHtml.of('<p>real</p>')
    const { data } = markParts({ part })
    const mark = String(data.part)
    const out = render('{{ typed }}{{ guessed | safe }}{{ part }}', {
      typed: mark,
      guessed: '<!--part-0000-0-->',
      part,
    })
    expect(out).toBe(`${mark.replace(/</g, '&lt;').replace(/>/g, '&gt;')}<!--part-0000-0--><p>real</p>`)
  })
})
