import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts'

describe('password rules (NCSC: length over complexity, deny-list)', () => {
  it('accepts three random words and long passphrases without composition rules', () => {
    expect(passwordProblems('walnut river lantern')).toEqual([])
    expect(passwordProblems('alllowercaseisfine')).toEqual([])
  })

  it('refuses short passwords, naming the length', () => {
    expect(passwordProblems('Sh0rt!pass')).toEqual(['Password must be 12 characters or more'])
  })

  it('refuses common passwords and their obvious variants', () => {
    for (const common of ['password1234', 'Password1234', 'qwertyuiop12', 'aaaaaaaaaaaaaa', 'safer2026!!!!', 'correct horse battery staple']) {
      expect(passwordProblems(common), common).toEqual([expect.stringContaining('too common')])
    }
  })

  it('refuses a password containing the email address', () => {
    expect(passwordProblems('caroline-thwaites-2026', 'caroline@southwark.example')).toEqual(['Password must not contain your email address'])
  })

  it('stores argon2id hashes that verify only the right password', async () => {
    const hash = await hashPassword('walnut river lantern')
    expect(hash.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(hash, 'walnut river lantern')).toBe(true)
    expect(await verifyPassword(hash, 'walnut river lanterns')).toBe(false)
    expect(await verifyPassword('not a hash', 'anything')).toBe(false)
  })
})
