import { describe, expect, it } from 'vitest'
import type { CurrentUser } from '../access/current-user.ts'
import { navigationFor } from './navigation.ts'

const user = (role: CurrentUser['role']): CurrentUser => ({
  id: 1,
  email: 'a@b.example',
  name: 'A',
  role,
  organisationId: 1,
  organisationName: 'LBS',
  personId: null,
})

describe('service navigation', () => {
  it('shows nothing signed out, and only what the role may use', () => {
    expect(navigationFor(null, '/')).toEqual([])
    const viewer = navigationFor(user('viewer'), '/').map((i) => i.text)
    expect(viewer).toContain('Home')
    expect(viewer).not.toContain('Users')
    expect(navigationFor(user('admin'), '/').map((i) => i.text)).toEqual(
      expect.arrayContaining(['Users', 'Audit log']),
    )
  })

  it('marks the page itself as current and a page inside a section as active', () => {
    const onList = navigationFor(user('admin'), '/admin/users')
    expect(onList.find((i) => i.text === 'Users')).toMatchObject({ current: true, active: false })
    expect(onList.find((i) => i.text === 'Home')).toMatchObject({ current: false, active: false })
    const inside = navigationFor(user('admin'), '/admin/users/4')
    expect(inside.find((i) => i.text === 'Users')).toMatchObject({ current: false, active: true })
  })
})
