import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CasesFixture, casesFixture, REASONS } from '../helpers/cases.ts'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'

// With a mail server configured, a break glass is e-mailed to the panel's chair at once, through a
// real SMTP server: who opened which case and until when, with a link, and nothing of the case itself.

describe('a break glass e-mailed to the chair', () => {
  let f: CasesFixture
  let smtp: TestSmtpServer

  beforeAll(async () => {
    smtp = await startSmtpServer()
    f = await casesFixture('sqlite', { SMTP_URL: smtp.url, PUBLIC_URL: 'https://safer.example.gov.uk' })
  })
  afterAll(async () => {
    await f?.t.close()
    await smtp?.close()
  })

  it('tells the chair who opened the case, with a link, and no subject or reason', async () => {
    const reason = 'Victim arrived at A&E at night'
    await f.t.deps.services.cases.breakGlass(f.who('outsider'), f.caseId, { reason })
    expect(smtp.messages).toHaveLength(1)
    const [mail] = smtp.messages
    expect(mail?.envelopeTo).toEqual(['caseworker@test.example'])
    expect(mail?.subject).toBe('Break glass on a Test MARAC case')
    expect(mail?.text).toContain(
      `Test outsider (Test Council) has opened case ${f.caseId} of Test MARAC by break glass`,
    )
    expect(mail?.text).toContain(`https://safer.example.gov.uk/cases/${f.caseId}`)
    for (const secret of [reason, REASONS, 'Ada', 'Fictional', 'Madeup']) {
      expect(mail?.text).not.toContain(secret)
      expect(mail?.html).not.toContain(secret)
    }
  })
})
