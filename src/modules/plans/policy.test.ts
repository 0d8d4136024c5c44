import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '../../access/current-user.ts'
import type { Role } from '../../access/roles.ts'
import { ForbiddenError } from '../../shared/errors.ts'
import { mayUpdateDeliverable, requireMayUpdateDeliverable } from './policy.ts'

const user = (role: Role, personId: number | null, name = 'Helen Lyons'): CurrentUser => ({
  id: 7,
  email: 'someone@test.example',
  name,
  role,
  organisationId: 1,
  organisationName: 'MPS',
  personId,
})
const helens = { leads: [{ personId: 12 }, { personId: 30 }] }
const nobodys = { leads: [] }

describe('who may update a deliverable', () => {
  it('lets a lead update the deliverables that name the person their account is linked to, and no others', () => {
    expect(mayUpdateDeliverable(user('lead', 12), helens)).toBe(true)
    expect(mayUpdateDeliverable(user('lead', 30), helens)).toBe(true)
    expect(mayUpdateDeliverable(user('lead', 99), helens)).toBe(false)
    expect(mayUpdateDeliverable(user('lead', 12), nobodys)).toBe(false)
  })

  it('gives an unlinked account nothing, whatever its name', () => {
    expect(mayUpdateDeliverable(user('lead', null, 'Helen Lyons'), helens)).toBe(false)
    expect(mayUpdateDeliverable(user('lead', null, 'Det Supt Helen Lyons'), helens)).toBe(false)
  })

  it('lets partnership managers and administrators update any deliverable, and no other role even when linked', () => {
    expect(mayUpdateDeliverable(user('partnership-manager', null), nobodys)).toBe(true)
    expect(mayUpdateDeliverable(user('admin', null), helens)).toBe(true)
    for (const role of ['viewer', 'analyst', 'board-member', 'caseworker'] as const) {
      expect(mayUpdateDeliverable(user(role, 12), helens)).toBe(false)
    }
  })

  it('refuses with a ForbiddenError saying in plain words what, who may, and what to do', () => {
    expect(() => requireMayUpdateDeliverable(user('lead', 12), helens)).not.toThrow()
    try {
      requireMayUpdateDeliverable(user('lead', null), helens)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenError)
      const refusal = error as ForbiddenError
      expect(refusal.heading).toBe('You do not have permission to update this deliverable')
      expect(refusal.reason).toBe(
        'Only this deliverable’s named lead or a partnership manager can update it.',
      )
      expect(refusal.advice).toContain('ask your Safer administrator to link your account')
      expect(refusal.message).toBe(
        'You do not have permission to update this deliverable. Only this deliverable’s named lead or a partnership manager can update it.',
      )
    }
  })
})
