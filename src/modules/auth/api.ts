import { z } from 'zod'
import { type ApiRegistry, idParams } from '../../http/api.ts'
import { parseInput, versionField } from '../../shared/validation.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { newUserInput, userChangesInput } from './schema.ts'
import { sensitiveReads } from './sensitive-reads.ts'
import type { User } from './user.ts'

function publicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    personId: u.personId,
    disabled: u.disabledAt !== null,
    version: u.version,
  }
}

export function authApi(api: ApiRegistry, { users, audit }: Pick<Services, 'users' | 'audit'>) {
  api.add({
    method: 'GET',
    url: '/me',
    permission: 'home:view',
    tag: 'Account',
    summary: 'The signed-in user',
    handler: async ({ request }) => request.user,
  })
  api.add({
    method: 'GET',
    url: '/users',
    permission: 'users:view',
    tag: 'Users',
    summary: 'List users',
    handler: async ({ request }) => {
      const list = (await users.list()).map(publicUser)
      await auditRead(audit, sensitiveReads, request, { what: 'users' })
      return { users: list }
    },
  })
  api.add({
    method: 'POST',
    url: '/users',
    permission: 'users:manage',
    tag: 'Users',
    summary: 'Create a user',
    body: newUserInput,
    status: 201,
    handler: async ({ request, body }) =>
      publicUser(await users.get(await users.create(request.actor, body))),
  })
  api.add({
    method: 'GET',
    url: '/users/:id',
    record: 'user',
    permission: 'users:view',
    tag: 'Users',
    summary: 'One user',
    params: idParams,
    handler: async ({ params }) => publicUser(await users.get(params.id)),
  })
  api.add({
    method: 'PUT',
    url: '/users/:id',
    record: 'user',
    permission: 'users:manage',
    tag: 'Users',
    summary: 'Change a user (send the version you read: a stale version answers 409)',
    params: idParams,
    body: userChangesInput,
    handler: async ({ request, params, body }) => {
      await users.update(request.actor, params.id, body)
      return publicUser(await users.get(params.id))
    },
  })
  const versionBody = z.object({ version: versionField })
  for (const [suffix, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    api.add({
      method: 'POST',
      url: `/users/:id/${suffix}`,
      record: 'user',
      permission: 'users:manage',
      tag: 'Users',
      summary: disabled ? 'Disable a user and end their sessions' : 'Enable a disabled user',
      params: idParams,
      body: versionBody,
      handler: async ({ request, params, body }) => {
        const { version } = parseInput(versionBody, body)
        await (disabled
          ? users.disable(request.actor, params.id, version)
          : users.enable(request.actor, params.id, version))
        return publicUser(await users.get(params.id))
      },
    })
  }
}
