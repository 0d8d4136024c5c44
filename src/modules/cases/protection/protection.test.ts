import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { blindIndexes, normaliseName } from './blind-index.ts'
import { CaseDataUnreadable, fieldCipher } from './field-cipher.ts'
import { caseKey, caseKeyProblem, caseKeyring } from './keys.ts'

const KEY_A = randomBytes(32).toString('base64')
const KEY_B = randomBytes(32).toString('hex')
const someone = { forename: 'Ada', surname: 'Example-Person', dateOfBirth: '1990-02-03' }

describe('case data keys', () => {
  it('takes 32 bytes as base64, base64url or hex, and nothing else', () => {
    expect(caseKeyProblem(KEY_A)).toBeNull()
    expect(caseKeyProblem(KEY_B)).toBeNull()
    expect(caseKeyProblem(randomBytes(32).toString('base64url'))).toBeNull()
    expect(caseKeyProblem(randomBytes(16).toString('base64'))).toMatch(/32 random bytes/)
    expect(caseKeyProblem('a password someone chose')).toMatch(/32 random bytes/)
    expect(caseKeyProblem('ab'.repeat(31))).toMatch(/32 random bytes/)
  })

  it('names a key by an id that is stable and differs between keys', () => {
    expect(caseKey(KEY_A).id).toBe(caseKey(KEY_A).id)
    expect(caseKey(KEY_A).id).not.toBe(caseKey(KEY_B).id)
    expect(caseKey(KEY_A).id).toMatch(/^[0-9a-f]{12}$/)
  })
})

describe('field encryption', () => {
  const cipher = fieldCipher(caseKeyring(KEY_A))

  it('round-trips text and JSON, with a fresh IV every time', () => {
    const a = cipher.seal('referral.reasons', 'Threats to kill, 3 March')
    const b = cipher.seal('referral.reasons', 'Threats to kill, 3 March')
    expect(a).not.toBe(b)
    expect(a).not.toContain('Threats')
    expect(a).toMatch(/^c1\.[0-9a-f]{12}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/)
    expect(cipher.open('referral.reasons', a)).toBe('Threats to kill, 3 March')
    expect(cipher.openJson('subject.identity', cipher.sealJson('subject.identity', someone))).toEqual(someone)
    expect(cipher.open('x', cipher.seal('x', ''))).toBe('')
  })

  it('detects any change to the stored value', () => {
    const sealed = cipher.seal('referral.risk', 'Has a knife at home')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[4] as string, 'base64url')
    body[0] = (body[0] as number) ^ 1
    const flipped = [...parts.slice(0, 4), body.toString('base64url')].join('.')
    expect(() => cipher.open('referral.risk', flipped)).toThrow(CaseDataUnreadable)
    const tag = Buffer.from(parts[3] as string, 'base64url')
    tag[5] = (tag[5] as number) ^ 0x80
    expect(() =>
      cipher.open('referral.risk', [...parts.slice(0, 3), tag.toString('base64url'), parts[4]].join('.')),
    ).toThrow(/altered/)
    expect(() => cipher.open('referral.risk', 'Has a knife at home')).toThrow(/not a sealed value/)
  })

  it('refuses a value moved into another field', () => {
    const sealed = cipher.seal('referral.risk', 'Has a knife at home')
    expect(() => cipher.open('referral.reasons', sealed)).toThrow(/another field/)
  })

  it('cannot open a value under the wrong key, but opens it with the old key kept beside a new one', () => {
    const sealed = cipher.seal('referral.reasons', 'secret')
    expect(() => fieldCipher(caseKeyring(KEY_B)).open('referral.reasons', sealed)).toThrow(
      /not CASE_DATA_KEY/,
    )
    const rotated = fieldCipher(caseKeyring(KEY_B, [KEY_A]))
    expect(rotated.open('referral.reasons', sealed)).toBe('secret')
    expect(rotated.keyIdOf(sealed)).toBe(caseKey(KEY_A).id)
    expect(rotated.keyIdOf(rotated.seal('referral.reasons', 'secret'))).toBe(caseKey(KEY_B).id)
    // A forged value naming the right key id, but made under another key, is still refused.
    const forged = fieldCipher(caseKeyring(KEY_B)).seal('referral.reasons', 'forged').split('.')
    forged[1] = caseKey(KEY_A).id
    expect(() => cipher.open('referral.reasons', forged.join('.'))).toThrow(/altered/)
  })
})

describe('blind index', () => {
  it('normalises case, accents, spaces and punctuation', () => {
    expect(normaliseName("  O'Brién-Smith ")).toBe('obriensmith')
    expect(normaliseName('ZOË')).toBe('zoe')
  })

  it('is stable for the same person written differently, and differs by name or birth', () => {
    const key = caseKey(KEY_A)
    const one = blindIndexes(key, someone)
    expect(blindIndexes(key, { ...someone, surname: 'example person', forename: 'ADA' })).toEqual(one)
    expect(one.nameAndBirth).toMatch(/^[0-9a-f]{64}$/)
    const otherForename = blindIndexes(key, { ...someone, forename: 'Adaline' })
    expect(otherForename.nameAndBirth).not.toBe(one.nameAndBirth)
    expect(otherForename.surnameAndBirth).toBe(one.surnameAndBirth)
    expect(blindIndexes(key, { ...someone, dateOfBirth: '1990-02-04' }).surnameAndBirth).not.toBe(
      one.surnameAndBirth,
    )
  })

  it('is keyed: another key gives other hashes, and none is the plain hash of the name', () => {
    const one = blindIndexes(caseKey(KEY_A), someone)
    const two = blindIndexes(caseKey(KEY_B), someone)
    expect(two.nameAndBirth).not.toBe(one.nameAndBirth)
    expect(two.surnameAndBirth).not.toBe(one.surnameAndBirth)
    // The index key is derived, not the encryption key itself.
    expect(caseKey(KEY_A).blindIndex.equals(caseKey(KEY_A).encryption)).toBe(false)
  })
})
