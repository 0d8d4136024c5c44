import { describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts'
import {
  caseAccess,
  isPanelChair,
  mayManagePanels,
  mayReadAccessLog,
  mayRefer,
  requireCaseAccess,
  requireMayBreakGlass,
  requireMayChangeCase,
  requireMayManagePanels,
} from './policy.ts'

const actor = { userId: 1, label: 'x', ip: null }
const panel = { chairUserId: 1, memberUserIds: [2] }
const chair = { id: 1, role: 'caseworker' as const }
const member = { id: 2, role: 'caseworker' as const }
const outsider = { id: 3, role: 'caseworker' as const }
const admin = { id: 4, role: 'admin' as const }
const manager = { id: 5, role: 'partnership-manager' as const }
const now = new Date('2026-06-01T12:00:00Z')
const glass = { id: 9, userId: 3, expiresAt: '2026-06-01T16:00:00Z' }

describe('need to know', () => {
  it('lets the chair and the members read the case, and nobody else', () => {
    expect(caseAccess(chair, panel, [], now)).toEqual({ by: 'member' })
    expect(caseAccess(member, panel, [], now)).toEqual({ by: 'member' })
    expect(caseAccess(outsider, panel, [], now)).toBeNull()
    expect(caseAccess(null, panel, [], now)).toBeNull()
  })

  it('gives an administrator or partnership manager no case content unless a member', () => {
    expect(caseAccess(admin, panel, [], now)).toBeNull()
    expect(caseAccess(manager, panel, [], now)).toBeNull()
    expect(caseAccess(admin, { chairUserId: 1, memberUserIds: [4] }, [], now)).toEqual({ by: 'member' })
    expect(mayManagePanels(admin)).toBe(true)
    expect(mayManagePanels(member)).toBe(false)
    expect(() => requireMayManagePanels({ actor, user: member }, 'add a panel')).toThrow(ForbiddenError)
  })

  it('refuses a role outside the case system even when named a member', () => {
    expect(caseAccess({ id: 2, role: 'viewer' }, panel, [], now)).toBeNull()
  })

  it('refuses with "not found", so a refusal gives nothing away', () => {
    expect(() => requireCaseAccess(outsider, panel, [], now)).toThrow(NotFoundError)
    expect(() => requireMayChangeCase({ actor, user: outsider }, panel)).toThrow(NotFoundError)
    expect(() => requireMayChangeCase({ actor, user: member }, panel)).not.toThrow()
  })
})

describe('break glass', () => {
  it('opens the case to its user until it expires, and to no one else', () => {
    expect(caseAccess(outsider, panel, [glass], now)).toEqual({ by: 'break-glass', glass })
    expect(caseAccess(manager, panel, [glass], now)).toBeNull()
    expect(caseAccess(outsider, panel, [glass], new Date('2026-06-01T15:59:59Z'))).not.toBeNull()
    expect(caseAccess(outsider, panel, [glass], new Date('2026-06-01T16:00:00Z'))).toBeNull()
  })

  it('never lets the glass change the case', () => {
    expect(() => requireMayChangeCase({ actor, user: outsider }, panel)).toThrow(NotFoundError)
  })

  it('is for practitioners who are not members, never an administrator', () => {
    expect(() => requireMayBreakGlass({ actor, user: outsider }, panel)).not.toThrow()
    expect(() => requireMayBreakGlass({ actor, user: admin }, panel)).toThrow(ForbiddenError)
    expect(() => requireMayBreakGlass({ actor, user: member }, panel)).toThrow(/member of the panel/)
    expect(mayRefer(admin)).toBe(false)
    expect(mayRefer({ id: 6, role: 'viewer' })).toBe(false)
  })
})

describe('the access log', () => {
  it('is the chair’s alone', () => {
    expect(isPanelChair(chair, panel)).toBe(true)
    expect(mayReadAccessLog(chair, panel)).toBe(true)
    expect(mayReadAccessLog(member, panel)).toBe(false)
    expect(mayReadAccessLog(admin, panel)).toBe(false)
  })
})
