import { formatPlanDate } from '../../shared/plan-dates.ts'
import type { LeadAttentionGroup, PlanAttention } from '../plans/attention.ts'
import { paths } from '../plans/paths.ts'

// The reminder e-mails, in plain English: a lead's own deliverables that need them, and a
// partnership manager's counts by plan and theme. Only the lead's own work and counts go in: no
// other lead's name, no progress notes. Every link is absolute, to PUBLIC_URL.

export interface Message {
  subject: string
  text: string
  html: string
}

const FOOTER =
  'This is the weekly reminder from Safer, the partnership’s delivery plans. It is sent automatically: please do not reply to it.'

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

/** An outcome can run to a paragraph: the e-mail gives its opening, and the link the rest. */
export function headline(outcome: string, max = 150): string {
  const flat = outcome.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat || 'Outcome not written'
  const cut = flat.slice(0, max)
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max).replace(/[\s,.;:–-]+$/, '')}…`
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** A message's paragraphs and lists, written once and rendered as text and as simple HTML. */
type Block =
  | { p: string }
  | { h: string }
  | { list: Array<{ lines: string[]; href?: string }> }
  | { link: string; href: string }

function render(subject: string, blocks: Block[]): Message {
  const text: string[] = []
  const html: string[] = []
  for (const b of blocks) {
    if ('p' in b) {
      text.push(b.p, '')
      html.push(`<p>${escapeHtml(b.p)}</p>`)
    } else if ('h' in b) {
      text.push(b.h, '')
      html.push(`<h2>${escapeHtml(b.h)}</h2>`)
    } else if ('list' in b) {
      for (const item of b.list) {
        text.push(`- ${item.lines[0]}`, ...item.lines.slice(1).map((l) => `  ${l}`))
        if (item.href) text.push(`  ${item.href}`)
        text.push('')
      }
      const items = b.list.map((item) => {
        const [first = '', ...rest] = item.lines.map(escapeHtml)
        const head = item.href ? `<a href="${escapeHtml(item.href)}">${first}</a>` : first
        return `<li>${[head, ...rest].join('<br>')}</li>`
      })
      html.push(`<ul>${items.join('')}</ul>`)
    } else {
      text.push(`${b.link}: ${b.href}`, '')
      html.push(`<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.link)}</a></p>`)
    }
  }
  const body = text.join('\n').trimEnd()
  return {
    subject,
    text: `${body}\n`,
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family: arial, sans-serif">${html.join('\n')}</body></html>\n`,
  }
}

export function leadReminder(
  name: string,
  groups: readonly LeadAttentionGroup[],
  options: { publicUrl: string; staleDays: number },
): Message {
  const count = groups.reduce((n, g) => n + g.deliverables.length, 0)
  const blocks: Block[] = [
    { p: `Dear ${name},` },
    {
      p: `${plural(count, 'deliverable')} you lead in the partnership’s action plans ${count === 1 ? 'needs' : 'need'} your attention. Please open each one and add a progress update: what has happened, and its RAG status now.`,
    },
  ]
  for (const { group, heading, deliverables } of groups) {
    const why = group === 'update' ? ` – no progress update for ${options.staleDays} days, or none yet` : ''
    blocks.push({ h: `${heading} (${deliverables.length})${why}` })
    blocks.push({
      list: deliverables.map((d) => ({
        lines: [
          headline(d.outcome),
          `${d.plan.title}: ${d.theme}, ${d.action.number ? `action ${d.action.number}` : 'action without a number'}. End: ${formatPlanDate(d.end) || 'not set'}.`,
        ],
        href: `${options.publicUrl}${paths.plans.deliverable(d.id)}`,
      })),
    })
  }
  blocks.push({
    link: 'All the deliverables you lead',
    href: `${options.publicUrl}${paths.plans.myActions()}`,
  })
  blocks.push({ p: FOOTER })
  return render(
    `Safer: ${plural(count, 'deliverable')} you lead ${count === 1 ? 'needs' : 'need'} an update`,
    blocks,
  )
}

const countsLine = (c: PlanAttention['total']) =>
  `${plural(c.deliverables, 'deliverable')}: ${c.red} red, ${c.overdue} overdue, ${c.stale} with no update, ${c.neverUpdated} never updated`

export function managerSummary(
  name: string,
  plans: readonly PlanAttention[],
  leads: { reminded: number; notReached: number },
  options: { publicUrl: string; staleDays: number },
): Message {
  const blocks: Block[] = [
    { p: `Dear ${name},` },
    {
      p: `This week’s summary of the action plans: in each theme, how many deliverables are red, overdue, without a progress update for ${options.staleDays} days (no update), or never updated.`,
    },
  ]
  if (plans.length === 0) blocks.push({ p: 'There are no action plans in Safer yet.' })
  for (const p of plans) {
    const planUrl = `${options.publicUrl}${paths.plans.show(p.plan.id)}`
    blocks.push({ h: p.plan.title })
    blocks.push({
      list: [
        { lines: [`All themes, ${countsLine(p.total)}.`], href: planUrl },
        ...p.themes.map((t) => ({
          lines: [`${t.theme}, ${countsLine(t)}.`],
          href: `${planUrl}?${new URLSearchParams({ theme: t.theme })}`,
        })),
      ],
    })
  }
  blocks.push({
    p: `${plural(leads.reminded, 'lead')} ${leads.reminded === 1 ? 'is' : 'are'} sent their own reminder this week.${leads.notReached > 0 ? ` ${plural(leads.notReached, 'lead account')} could not be reminded (not linked to a person in the plans, or disabled): a Safer administrator can see which.` : ''}`,
  })
  blocks.push({ p: FOOTER })
  return render('Safer: this week’s action plans summary', blocks)
}
