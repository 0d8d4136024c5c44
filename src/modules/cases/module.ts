import { cases as casesMigration } from '../../db/migrations/0021_cases.ts'
import { casesMeetings } from '../../db/migrations/0022_cases_meetings.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { casesApi } from './api/cases.api.ts'
import { riskCommands } from './cli/risk-dash.ts'
import { panelsApi } from './api/panels.api.ts'
import { casePageRoutes } from './pages/cases.routes.ts'
import { panelRoutes } from './pages/panels.routes.ts'
import { referralRoutes } from './pages/referrals.routes.ts'
import { paths } from './paths.ts'
import { type CasesOptions, type CasesService, createCasesService } from './service.ts'
import './tables.ts'
import './meetings/tables.ts'
import { meetingApi } from './api/meetings.api.ts'
import { meetingRoutes } from './pages/meetings.routes.ts'
import { maracRoutes } from './pages/marac.routes.ts'
import { casesYouthAsb } from '../../db/migrations/0032_cases_youth_asb.ts'
import './youth/tables.ts'
import './asb/tables.ts'
import { youthRoutes } from './youth/youth.routes.ts'
import { youthApi } from './youth/youth.api.ts'
import { asbRoutes } from './asb/asb.routes.ts'
import { asbApi } from './asb/asb.api.ts'
import { loadYouthAsbDemo, youthAsbDemoMissing } from './youth/demo.ts'

declare module '../module.ts' {
  interface Services {
    cases: CasesService
  }
}

// Roles open the door to the risk panels; membership of a panel, and nothing else, opens its cases
// (policy.ts, ADR 0027). Administrators are here to set panels up and read nothing by that.
const permissions = {
  'cases:view': ['admin', 'partnership-manager', 'caseworker', 'lead'],
  'cases:refer': ['partnership-manager', 'caseworker', 'lead'],
  'cases:manage-panels': ['admin', 'partnership-manager'],
} as const

/** The risk panels' case system, made with the clock and chair notices given (tests give their own). */
export function casesModuleWith(options: CasesOptions = {}): SaferModule<typeof permissions> {
  return {
    name: 'cases',
    permissions,
    migrations: {
      '0021_cases': casesMigration,
      '0022_cases_meetings': casesMeetings,
      '0032_cases_youth_asb': casesYouthAsb,
    },
    services: provides(['audit', 'users', 'partners'], ({ db, config }, { audit, users, partners }) => ({
      cases: createCasesService(db, config, audit, users, partners, options),
    })),
    pages: [
      pages(['cases', 'users', 'partners'], panelRoutes),
      pages(['cases', 'partners'], referralRoutes),
      pages(['cases'], casePageRoutes),
      pages(['cases', 'partners'], meetingRoutes),
      pages(['cases'], maracRoutes),
      pages(['cases'], youthRoutes),
      pages(['cases'], asbRoutes),
    ],
    api: [
      api(['cases'], panelsApi),
      api(['cases'], casesApi),
      api(['cases'], meetingApi),
      api(['cases'], youthApi),
      api(['cases'], asbApi),
    ],
    // The Dash check stores nothing and reads no case: it needs no service.
    commands: riskCommands,
    navigation: [{ text: 'Risk panels', href: paths.cases.panels(), needs: 'cases:view', order: 29 }],
    home: [
      {
        title: 'Risk panels',
        text: 'MARAC and the partnership’s other risk panels: refer a case, search and signpost, and your panels’ cases.',
        href: paths.cases.panels(),
        needs: 'cases:view',
        order: 18,
      },
    ],
    paths,
    demo: demo(['cases', 'users', 'partners'], loadYouthAsbDemo, youthAsbDemoMissing),
    // A panel chaired by one sample user, with one case and a break glass by another: every route reaches a record.
    samples: samples(['cases', 'users'], async ({ cases, users }, made, actor) => {
      const person = (n: string) =>
        users.create(actor, {
          email: `sample-${n}@sample.example`,
          name: `Sample ${n}`,
          organisationId: made.organisation as number,
          role: 'caseworker',
          password: 'amber-kettle-orchard',
        })
      const chair = await person('chair')
      const outsider = await person('outsider')
      const system = { actor, user: null }
      const casePanel = await cases.createPanel(system, {
        name: 'Sample MARAC',
        type: 'marac',
        termsOfReference: 'Sample terms',
        chairUserId: chair,
        cadence: 'monthly',
        organisationIds: [made.organisation as number],
        isaParties: ['Sample council'],
        isaLegalBasis: 'gdpr-6e-9g-para18',
        isaReviewDate: '2030-01-01',
      })
      const caseId = await cases.submitReferral(system, {
        panelId: casePanel,
        referringUserId: chair,
        referredOn: '2026-01-02',
        reasons: 'Sample reasons',
        risk: 'Sample risk',
        consent: 'given',
        subjects: [
          {
            role: 'victim',
            forename: 'Sample',
            surname: 'Person',
            dateOfBirth: '1980-01-01',
            gender: 'female',
          },
        ],
      })
      const found = await cases.caseSubjects(caseId)
      const glass = await cases.breakGlass({ actor, user: { id: outsider, role: 'caseworker' } }, caseId, {
        reason: 'Sample break glass for the permission matrix',
      })
      // Heard at a meeting with an action, so the meeting and action routes reach a record too.
      const byChair = { actor, user: { id: chair, role: 'caseworker' as const } }
      await cases.moveCase(system, caseId, { status: 'accepted', on: '2026-01-05' })
      const caseMeeting = await cases.createMeeting(byChair, casePanel, { meetsOn: '2026-01-06' })
      const caseAction = await cases.addAction(byChair, caseMeeting, {
        caseId,
        action: 'Sample action',
        ownerOrganisationId: made.organisation as number,
        ownerUserId: chair,
        dueOn: '2026-02-06',
      })
      // A Community MARAC with an application, so the ASB case review routes reach a record too.
      const asbPanel = await cases.createPanel(system, {
        name: 'Sample Community MARAC',
        type: 'community-marac',
        termsOfReference: 'Sample terms',
        chairUserId: chair,
        cadence: 'monthly',
        organisationIds: [made.organisation as number],
        isaParties: ['Sample council'],
        isaLegalBasis: 'cda-s115',
        isaReviewDate: '2030-01-01',
      })
      const asbApplication = await cases.createApplication(system, asbPanel, {
        forename: 'Sample',
        surname: 'Applicant',
        dateOfBirth: '1970-01-01',
        address: 'Sample address',
        receivedOn: '2026-01-02',
        location: 'Sample location',
        complaints: [{ reportedOn: '2026-01-01', agency: 'Sample council' }],
      })
      return {
        casePanel,
        asbApplication,
        case: caseId,
        caseSubject: found[0] as number,
        breakGlass: glass.id,
        caseMeeting,
        caseAction,
      }
    }),
  }
}

export const casesModule = casesModuleWith()
