import type { Subject } from '../subjects/subject.ts'

// The rectification form without JavaScript: the subject's fields, with other names and addresses
// one a line, as on the referral form. An address's dates are kept when its line is unchanged.

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)

/** "Forename Surname" a line: the last word is the surname. */
function aliasOf(line: string) {
  const words = line.split(/\s+/)
  return { surname: words.pop() ?? '', forename: words.join(' ') }
}

export function subjectToForm(s: Subject & { version: number }): Record<string, string> {
  return {
    forename: s.forename,
    surname: s.surname,
    dateOfBirth: s.dateOfBirth,
    gender: s.gender,
    ethnicity: s.ethnicity ?? '',
    disability: s.disability ?? '',
    sexuality: s.sexuality ?? '',
    aliases: s.aliases.map((a) => `${a.forename} ${a.surname}`).join('\n'),
    addresses: s.addresses.map((a) => a.address).join('\n'),
    addressDates: JSON.stringify(s.addresses),
    version: String(s.version),
  }
}

export function subjectFromForm(body: Record<string, string>) {
  let before: Array<{ address: string; from: string | null; to: string | null }> = []
  try {
    before = JSON.parse(body.addressDates || '[]')
  } catch {
    before = []
  }
  return {
    forename: body.forename ?? '',
    surname: body.surname ?? '',
    dateOfBirth: body.dateOfBirth ?? '',
    gender: body.gender ?? '',
    ethnicity: body.ethnicity ?? '',
    disability: body.disability ?? '',
    sexuality: body.sexuality ?? '',
    aliases: lines(body.aliases).map(aliasOf),
    addresses: lines(body.addresses).map((address) => {
      const kept = Array.isArray(before) ? before.find((b) => b?.address === address) : undefined
      return { address, from: kept?.from ?? '', to: kept?.to ?? '' }
    }),
    version: body.version ?? '',
  }
}
