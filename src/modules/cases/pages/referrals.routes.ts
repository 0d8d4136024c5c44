import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ValidationError } from '../../../shared/errors.ts'
import { formBody, withNotice } from '../../../web/forms.ts'
import type { Services } from '../../module.ts'
import { isPanelMember } from '../policy.ts'
import { paths } from '../paths.ts'
import { LEGAL_BASES, LEGAL_BASIS_LABELS } from '../panels/schema.ts'
import {
  CONSENT_LABELS,
  CONSENTS,
  DISABILITY,
  GENDERS,
  SEXUALITIES,
  SUBJECT_ROLE_LABELS,
  SUBJECT_ROLES,
} from '../referrals/schema.ts'
import { canRefer, whoOf } from './common.ts'
import { carried, formErrors, referralFromForm, SLOTS } from './referral-form.ts'

const FORM = 'cases/views/referral-form.njk'
const CHECK = 'cases/views/referral-check.njk'
const SEARCH = 'cases/views/search.njk'

const words = (v: string) => (v.charAt(0).toUpperCase() + v.slice(1)).replace(/-/g, ' ')
const choices = {
  roleItems: SUBJECT_ROLES.map((r) => ({ value: r, text: SUBJECT_ROLE_LABELS[r] })),
  genderItems: GENDERS.map((g) => ({ value: g, text: words(g) })),
  disabilityItems: DISABILITY.map((d) => ({ value: d, text: words(d) })),
  sexualityItems: SEXUALITIES.map((s) => ({ value: s, text: words(s) })),
  consentItems: CONSENTS.map((c) => ({ value: c, text: CONSENT_LABELS[c] })),
  basisItems: LEGAL_BASES.map((b) => ({ value: b, text: LEGAL_BASIS_LABELS[b] })),
}

/** Referral in two steps without JavaScript (details, then the people Safer may already hold), and search and signpost. */
export function referralRoutes(app: FastifyInstance, { cases }: Pick<Services, 'cases' | 'partners'>) {
  const refer = { permission: 'cases:refer' as const }

  async function formPage(values: Record<string, string>, errors?: Record<string, string>) {
    const panels = (await cases.listPanels()).map((p) => ({
      value: p.id,
      text: `${p.name} (${p.typeLabel})`,
    }))
    return {
      pageTitle: 'Refer a case',
      panels,
      slots: [...Array(SLOTS).keys()],
      values,
      errors,
      backLink: paths.cases.panels(),
      ...choices,
    }
  }

  app.get(paths.cases.newReferral(), { config: refer }, async (request, reply) => {
    const panel = (request.query as { panel?: string }).panel
    return reply.page(FORM, await formPage({ panelId: panel ?? '', s0_role: 'victim' }))
  })

  async function checkPage(
    request: FastifyRequest,
    body: Record<string, string>,
    errors?: Record<string, string>,
  ) {
    const { input, slots } = referralFromForm(body)
    const matches = await cases.checkReferral(whoOf(request), input)
    return {
      pageTitle: 'Check for people Safer already holds',
      people: matches.map((m) => {
        const slot = slots[m.index] ?? 0
        return {
          slot,
          name: `${body[`s${slot}_forename`] ?? ''} ${body[`s${slot}_surname`] ?? ''}`.trim(),
          dateOfBirth: body[`s${slot}_dateOfBirth`],
          candidates: m.candidates.map((c) => ({ ...c, answer: body[`s${slot}_match_${c.subjectId}`] })),
        }
      }),
      hidden: carried(body),
      errors,
      backLink: paths.cases.newReferral(),
    }
  }

  app.post(paths.cases.checkReferral(), { config: refer }, async (request, reply) => {
    const body = formBody(request.body)
    try {
      return reply.page(CHECK, await checkPage(request, body))
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const { slots } = referralFromForm(body)
      return reply.code(400).page(FORM, await formPage(body, formErrors(error.fieldErrors, slots)))
    }
  })

  app.post(paths.cases.referrals(), { config: refer }, async (request, reply) => {
    const body = formBody(request.body)
    const { input, slots } = referralFromForm(body)
    try {
      const id = await cases.submitReferral(whoOf(request), input)
      const panel = await cases.getPanel(Number(body.panelId))
      // A referrer who sits on the panel goes to the case; anyone else is told it arrived, and no more.
      return reply.redirect(
        isPanelMember(request.user, panel)
          ? withNotice(paths.cases.case(id), `Referral ${id} submitted`)
          : withNotice(paths.cases.panel(panel.id), `Referral ${id} submitted to ${panel.name}`),
        303,
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      const errors = formErrors(error.fieldErrors, slots)
      // A missing answer about a match goes back to the check; anything else to the form itself.
      if (Object.keys(errors).every((k) => /_matches$/.test(k) || k === 's0_forename'))
        return reply.code(400).page(CHECK, await checkPage(request, body, errors))
      return reply.code(400).page(FORM, await formPage(body, errors))
    }
  })

  const view = { permission: 'cases:view' as const }
  app.get(paths.cases.search(), { config: view }, async (request, reply) =>
    reply.page(SEARCH, { pageTitle: 'Search for a person', values: {}, canRefer: canRefer(request) }),
  )

  // A POST, so the name searched for never appears in an address, a server log or browser history.
  app.post(paths.cases.search(), { config: view }, async (request, reply) => {
    const body = formBody(request.body)
    try {
      const result = await cases.search(whoOf(request), body)
      return reply.page(SEARCH, {
        pageTitle: 'Search results',
        values: body,
        result,
        canRefer: canRefer(request),
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      return reply.code(400).page(SEARCH, {
        pageTitle: 'Search for a person',
        values: body,
        errors: error.fieldErrors,
        canRefer: canRefer(request),
      })
    }
  })
}
