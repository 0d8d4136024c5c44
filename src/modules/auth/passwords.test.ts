import { describe, expect, it } from 'vitest'
import { commonPasswordCount, hashPassword, passwordProblems, verifyPassword } from './passwords.ts'

describe('password rules (NCSC: length over complexity, deny-list)', () => {
  it('accepts three random words and long passphrases without composition rules', () => {
    expect(passwordProblems('walnut river lantern')).toEqual([])
    expect(passwordProblems('alllowercaseisfine')).toEqual([])
  })

  it('refuses short passwords, naming the length', () => {
    expect(passwordProblems('Sh0rt!pass')).toEqual(['Password must be 12 characters or more'])
  })

  it('refuses common passwords and their obvious variants', () => {
    for (const common of [
      'password1234',
      'Password1234',
      'qwertyuiop12',
      'aaaaaaaaaaaaaa',
      'safer2026!!!!',
      'correct horse battery staple',
    ]) {
      expect(passwordProblems(common), common).toEqual([expect.stringContaining('too common')])
    }
  })

  it('checks against a list of over 100,000 common and breached passwords, read from the package on this machine', () => {
    expect(commonPasswordCount()).toBeGreaterThan(100_000)
    for (const breached of ['1qaz2wsx3edc4rfv', 'qazwsxedcrfvtgb', 'ILOVEYOUSOMUCH']) {
      expect(passwordProblems(breached), breached).toEqual([expect.stringContaining('too common')])
    }
  })

  it('refuses a common word dressed up with digits, symbols and years', () => {
    for (const dressed of [
      'Summer2024!!!',
      'london123456',
      'iloveyou123456',
      '!!2023Football!!',
      '1999Monkey2000',
      'Liverpool#1892',
    ]) {
      expect(passwordProblems(dressed), dressed).toEqual([
        'Password is too common – choose 3 random words, for example “walnut river lantern”',
      ])
    }
    for (const fine of [
      'walnut river lantern 2024',
      '2024 walnut river lantern!',
      'kettle-orchard-amber-9',
    ]) {
      expect(passwordProblems(fine), fine).toEqual([])
    }
  })

  it('refuses a password containing the email address', () => {
    expect(passwordProblems('caroline-thwaites-2026', 'caroline@southwark.example')).toEqual([
      'Password must not contain your email address',
    ])
  })

  it('stores argon2id hashes that verify only the right password', async () => {
    const hash = await hashPassword('walnut river lantern')
    expect(hash.startsWith('$argon2id$')).toBe(true)
    expect(await verifyPassword(hash, 'walnut river lantern')).toBe(true)
    expect(await verifyPassword(hash, 'walnut river lanterns')).toBe(false)
    expect(await verifyPassword('not a hash', 'anything')).toBe(false)
  })
})
