import type { DatabaseDialect } from '../../src/config.ts'
import type { ChairNotice } from '../../src/modules/cases/access/chair-notice.ts'
import type { Who } from '../../src/modules/cases/policy.ts'
import { MODULES } from '../../src/modules/index.ts'
import { buildTestApp, TEST_ACTOR, TEST_PASSWORD, type TestApp } from './app.ts'

/** A clock the test moves by hand: break glass expires without anyone waiting. */
export interface TestClock {
  at: Date
  advanceHours(hours: number): void
}

export interface CasesFixture {
  t: TestApp
  clock: TestClock
  /** What the chair was told, when no mail server is set. */
  notices: ChairNotice[]
  /** chair (caseworker), member (lead), outsider (another caseworker), admin and manager: none but chair and member on the panel. */
  ids: { chair: number; member: number; outsider: number; admin: number; manager: number }
  who(user: keyof CasesFixture['ids']): Who
  panel: number
  /** A case on the panel naming Ada Fictional (victim) and Bram Madeup (perpetrator). */
  caseId: number
}

export const VICTIM = {
  role: 'victim',
  forename: 'Ada',
  surname: 'Fictional',
  dateOfBirth: '1988-04-12',
  gender: 'female',
  aliases: [{ forename: 'Adeline', surname: 'Inventedname' }],
  addresses: [{ address: '1 Nowhere Lane, Imaginary Town' }],
}
export const PERPETRATOR = {
  role: 'perpetrator',
  forename: 'Bram',
  surname: 'Madeup',
  dateOfBirth: '1985-09-30',
  gender: 'male',
}
export const REASONS = 'Threatened with a kitchen knife on the landing'
export const RISK = 'Strangulation in March; separation pending'

export async function casesFixture(
  dialect: DatabaseDialect,
  overrides: Record<string, string> = {},
): Promise<CasesFixture> {
  const clock: TestClock = {
    at: new Date('2026-06-01T09:00:00Z'),
    advanceHours(hours) {
      this.at = new Date(this.at.getTime() + hours * 3_600_000)
    },
  }
  const notices: ChairNotice[] = []
  // Loaded after the module list, which the cases module's policy reaches through the permission table.
  const { casesModuleWith } = await import('../../src/modules/cases/module.ts')
  const modules = MODULES.map((m) =>
    m.name === 'cases'
      ? casesModuleWith({
          now: () => clock.at,
          ...(overrides.SMTP_URL ? {} : { notifyChair: async (n: ChairNotice) => void notices.push(n) }),
        })
      : m,
  )
  const t = await buildTestApp(dialect, overrides, { modules })
  const outsider = await t.deps.services.users.create(TEST_ACTOR, {
    email: 'outsider@test.example',
    name: 'Test outsider',
    organisationId: t.organisationId,
    role: 'caseworker',
    password: TEST_PASSWORD,
  })
  const ids = {
    chair: t.userIds.caseworker,
    member: t.userIds.lead,
    outsider,
    admin: t.userIds.admin,
    manager: t.userIds['partnership-manager'],
  }
  const roles = {
    chair: 'caseworker',
    member: 'lead',
    outsider: 'caseworker',
    admin: 'admin',
    manager: 'partnership-manager',
  } as const
  const who = (user: keyof typeof ids): Who => ({
    actor: { userId: ids[user], label: `${user}@test`, ip: null },
    user: { id: ids[user], role: roles[user] },
    via: '/test',
  })
  const cases = t.deps.services.cases
  const panel = await cases.createPanel(who('admin'), {
    name: 'Test MARAC',
    type: 'marac',
    termsOfReference: 'Monthly MARAC for high-risk domestic abuse victims',
    chairUserId: ids.chair,
    cadence: 'monthly',
    memberUserIds: [ids.member],
    organisationIds: [t.organisationId],
    isaParties: ['Test Council', 'Test Police'],
    isaLegalBasis: 'gdpr-6e-9g-para18',
    isaReviewDate: '2027-01-31',
  })
  const caseId = await cases.submitReferral(who('member'), {
    panelId: panel,
    reasons: REASONS,
    risk: RISK,
    consent: 'refused',
    referredOn: '2026-05-04',
    shareWithoutConsentReason: 'Serious risk of harm to the victim and the children',
    shareWithoutConsentBasis: 'gdpr-6e-9g-para18',
    subjects: [VICTIM, PERPETRATOR],
  })
  return { t, clock, notices, ids, who, panel, caseId }
}
