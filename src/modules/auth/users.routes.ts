import type { FastifyInstance } from 'fastify'
import { ROLE_LABELS, ROLES } from '../../access/roles.ts'
import { idParams } from '../../http/api.ts'
import { parseInput, versionField } from '../../shared/validation.ts'
import { formBody, submitForm, withNotice } from '../../web/forms.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'
import { sensitiveReads } from './sensitive-reads.ts'

const FORM = 'auth/views/user-form.njk'
const PASSWORD = 'auth/views/user-password.njk'
const roleItems = ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }))

/** Administrators create, change, disable and re-enable the people who can sign in. */
export function userAdminRoutes(
  app: FastifyInstance,
  { users, partners, audit }: Pick<Services, 'users' | 'partners' | 'audit'>,
) {
  const view = { permission: 'users:view' as const }
  const manage = { permission: 'users:manage' as const }

  const form = async (extra: Record<string, unknown>) => ({
    template: FORM,
    roleItems,
    organisationItems: (await partners.listOrganisations()).map((o) => ({ value: o.id, text: o.name })),
    personItems: (await partners.listPeople()).map((p) => ({
      value: p.id,
      text: p.organisationShortName ? `${p.name} (${p.organisationShortName})` : p.name,
    })),
    backLink: paths.admin.users(),
    ...extra,
  })

  app.get(paths.admin.users(), { config: view }, async (request, reply) => {
    const query = request.query as { notice?: string; unlinked?: string }
    const all = await users.list()
    await auditRead(audit, sensitiveReads, request, { what: 'users' })
    // Leads see their actions only once linked: the administrator's to-do list.
    const unlinked = all.filter((u) => u.personId === null && u.disabledAt === null)
    const onlyUnlinked = query.unlinked === 'yes'
    return reply.page('auth/views/users.njk', {
      pageTitle: onlyUnlinked ? 'Users not linked to a person' : 'Users',
      users: onlyUnlinked ? unlinked : all,
      onlyUnlinked,
      unlinkedCount: unlinked.length,
      notice: query.notice,
    })
  })

  app.get(paths.admin.newUser(), { config: manage }, async (_request, reply) => {
    const { template, ...data } = await form({ pageTitle: 'Add a user', values: {} })
    return reply.page(template, data)
  })

  app.post(paths.admin.users(), { config: manage }, async (request, reply) => {
    const { password: _never, ...values } = formBody(request.body)
    const page = await form({ pageTitle: 'Add a user', values })
    return submitForm(
      reply,
      async () => {
        await users.create(request.actor, request.body)
        return withNotice(
          paths.admin.users(),
          'User added. Give them their password by a separate, secure route.',
        )
      },
      ({ errors }) => ({ ...page, errors }),
    )
  })

  app.get('/admin/users/:id', { config: { ...view, record: 'user' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const u = await users.get(id)
    const values = {
      email: u.email,
      name: u.name,
      organisationId: u.organisationId,
      role: u.role,
      personId: u.personId,
      version: u.version,
    }
    const { template, ...data } = await form({
      pageTitle: u.name,
      account: u,
      values,
      notice: (request.query as { notice?: string }).notice,
    })
    return reply.page(template, data)
  })

  app.post('/admin/users/:id', { config: { ...manage, record: 'user' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const u = await users.get(id)
    const body = formBody(request.body)
    const page = await form({ pageTitle: u.name, account: u })
    return submitForm(
      reply,
      async () => {
        await users.update(request.actor, id, request.body)
        return withNotice(paths.admin.users(), 'User saved')
      },
      ({ errors, current }) => ({
        ...page,
        values: { ...body, version: current ? u.version : body.version },
        current,
        errors,
      }),
    )
  })

  for (const [suffix, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/admin/users/:id/${suffix}`,
      { config: { ...manage, record: 'user' } },
      async (request, reply) => {
        const { id } = parseInput(idParams, request.params)
        const u = await users.get(id)
        const values = {
          email: u.email,
          name: u.name,
          organisationId: u.organisationId,
          role: u.role,
          personId: u.personId,
          version: u.version,
        }
        const page = await form({ pageTitle: u.name, account: u, values })
        return submitForm(
          reply,
          async () => {
            const version = parseInput(versionField, formBody(request.body).version)
            await (disabled
              ? users.disable(request.actor, id, version)
              : users.enable(request.actor, id, version))
            return withNotice(
              paths.admin.user(id),
              disabled ? 'User disabled and signed out' : 'User enabled',
            )
          },
          ({ errors, current }) => ({ ...page, current, errors }),
        )
      },
    )
  }

  app.get('/admin/users/:id/password', { config: { ...manage, record: 'user' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const u = await users.get(id)
    return reply.page(PASSWORD, {
      pageTitle: `Set a new password for ${u.name}`,
      account: u,
      backLink: paths.admin.user(id),
    })
  })

  app.post('/admin/users/:id/password', { config: { ...manage, record: 'user' } }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params)
    const u = await users.get(id)
    return submitForm(
      reply,
      async () => {
        await users.setPassword(request.actor, id, request.body)
        return withNotice(
          paths.admin.user(id),
          'Password set. The user has been signed out everywhere and their API tokens revoked.',
        )
      },
      ({ errors }) => ({
        template: PASSWORD,
        pageTitle: `Set a new password for ${u.name}`,
        account: u,
        backLink: paths.admin.user(id),
        errors,
      }),
    )
  })
}
