import { EVERYONE } from '../../access/roles.ts'
import { cases as casesMigration } from '../../db/migrations/0021_cases.ts'
import { casesMeetings } from '../../db/migrations/0022_cases_meetings.ts'
import { casesRights } from '../../db/migrations/0023_cases_rights.ts'
import { casesIom as casesIomMigration } from '../../db/migrations/0029_cases_iom.ts'
import { casesInterventions } from '../../db/migrations/0030_cases_interventions.ts'
import { api, demo, pages, provides, type SaferModule, samples } from '../module.ts'
import { casesApi } from './api/cases.api.ts'
import { panelsApi } from './api/panels.api.ts'
import { riskCommands } from './cli/risk-dash.ts'
import { loadCasesDemo } from './demo.ts'
import { loadInterventionsDemo } from './interventions/demo.ts'
import { directoryRoutes } from './interventions/directory.routes.ts'
import { interventionsApi } from './interventions/interventions.api.ts'
import { interventionSamples } from './interventions/samples.ts'
import { subjectInterventionRoutes } from './interventions/subject.routes.ts'
import { loadIomDemo } from './iom/demo.ts'
import { iomApi } from './iom/iom.api.ts'
import { iomScoreCommand } from './iom/iom.cli.ts'
import { iomRoutes } from './iom/iom.routes.ts'
import { iomSamples } from './iom/samples.ts'
import { casePageRoutes } from './pages/cases.routes.ts'
import { panelRoutes } from './pages/panels.routes.ts'
import { referralRoutes } from './pages/referrals.routes.ts'
import { paths } from './paths.ts'
import { rightsCommands } from './rights/cli.ts'
import { rightsRoutes } from './rights/routes.ts'
import { type CasesOptions, type CasesService, createCasesService } from './service.ts'
import './tables.ts'
import './meetings/tables.ts'
import { casesChannelMase } from '../../db/migrations/0033_cases_channel_mase.ts'
import { meetingApi } from './api/meetings.api.ts'
import { maracRoutes } from './pages/marac.routes.ts'
import { meetingRoutes } from './pages/meetings.routes.ts'
import './channel/tables.ts'
import { casesYouthAsb } from '../../db/migrations/0032_cases_youth_asb.ts'
import { channelApi } from './channel/channel.api.ts'
import { channelRoutes } from './channel/channel.routes.ts'
import { loadChannelMaseDemo } from './channel/demo.ts'
import { channelMaseSamples } from './channel/samples.ts'
import { cohortReportCommand } from './cohort-reports/cohort-report.cli.ts'
import { cohortReportsApi } from './cohort-reports/cohort-reports.api.ts'
import { cohortReportRoutes } from './cohort-reports/cohort-reports.routes.ts'
import { loadCohortReportsDemo } from './cohort-reports/demo.ts'
import { type CohortIndicatorSource, cohortIndicatorSource } from './cohort-reports/indicator-source.ts'
import { maseApi } from './mase/mase.api.ts'
import { maseRoutes } from './mase/mase.routes.ts'
import './youth/tables.ts'
import './asb/tables.ts'
import { asbApi } from './asb/asb.api.ts'
import { asbRoutes } from './asb/asb.routes.ts'
import { loadYouthAsbDemo } from './youth/demo.ts'
import { youthApi } from './youth/youth.api.ts'
import { youthRoutes } from './youth/youth.routes.ts'

declare module '../module.ts' {
  interface Services {
    cases: CasesService
    cohortIndicators: CohortIndicatorSource
  }
}

// Roles open the door to the risk panels; membership of a panel, and nothing else, opens its cases
// (policy.ts, ADR 0027). Administrators are here to set panels up and read nothing by that.
const permissions = {
  'cases:view': ['admin', 'partnership-manager', 'caseworker', 'lead'],
  'cases:refer': ['partnership-manager', 'caseworker', 'lead'],
  'cases:manage-panels': ['admin', 'partnership-manager'],
  // The administrator acting as data protection officer answers subject access requests (ADR 0031).
  'cases:subject-access': ['admin'],
  // The interventions directory names nobody: every partner reads it (ADR 0036).
  'cases:directory': EVERYONE,
} as const

/** The risk panels' case system, made with the clock and chair notices given (tests give their own). */
export function casesModuleWith(options: CasesOptions = {}): SaferModule<typeof permissions> {
  return {
    name: 'cases',
    permissions,
    migrations: {
      '0021_cases': casesMigration,
      '0022_cases_meetings': casesMeetings,
      '0023_cases_rights': casesRights,
      '0029_cases_iom': casesIomMigration,
      '0030_cases_interventions': casesInterventions,
      '0033_cases_channel_mase': casesChannelMase,
      '0032_cases_youth_asb': casesYouthAsb,
    },
    services: provides(['audit', 'users', 'partners'], ({ db, config }, { audit, users, partners }) => {
      const cases = createCasesService(db, config, audit, users, partners, options)
      return { cases, cohortIndicators: cohortIndicatorSource(cases) }
    }),
    pages: [
      pages(['cases', 'users', 'partners'], panelRoutes),
      pages(['cases', 'partners'], referralRoutes),
      pages(['cases'], casePageRoutes),
      pages(['cases', 'partners'], meetingRoutes),
      pages(['cases'], maracRoutes),
      pages(['cases'], rightsRoutes),
      pages(['cases', 'partners'], directoryRoutes),
      pages(['cases'], subjectInterventionRoutes),
      pages(['cases'], iomRoutes),
      pages(['cases'], channelRoutes),
      pages(['cases'], maseRoutes),
      pages(['cases'], youthRoutes),
      pages(['cases'], asbRoutes),
      pages(['cases'], cohortReportRoutes),
    ],
    api: [
      api(['cases'], panelsApi),
      api(['cases'], casesApi),
      api(['cases'], meetingApi),
      api(['cases'], interventionsApi),
      api(['cases'], iomApi),
      api(['cases'], channelApi),
      api(['cases'], maseApi),
      api(['cases'], youthApi),
      api(['cases'], asbApi),
      api(['cases'], cohortReportsApi),
    ],
    // The Dash check stores nothing and reads no case: it needs no service.
    commands: [...riskCommands, ...rightsCommands, iomScoreCommand, cohortReportCommand],
    navigation: [{ text: 'Risk panels', href: paths.cases.panels(), needs: 'cases:view', order: 29 }],
    home: [
      {
        title: 'Risk panels',
        text: 'MARAC and the partnership’s other risk panels: refer a case, search and signpost, and your panels’ cases.',
        href: paths.cases.panels(),
        needs: 'cases:view',
        order: 18,
      },
      {
        title: 'Interventions directory',
        text: 'Services partners offer to manage risk through enforcement, prevention and diversion, with who is eligible, how to refer and places free.',
        href: paths.cases.interventions(),
        needs: 'cases:directory',
        order: 19,
      },
    ],
    paths,
    // The panels and their cases first, then the directory, whose services serve the panels it finds.
    demo: demo(['cases', 'users', 'partners'], async (services, actor) => {
      await loadCasesDemo(services, actor)
      await loadIomDemo(services, actor)
      await loadCohortReportsDemo(services, actor)
      await loadChannelMaseDemo(services, actor)
      await loadYouthAsbDemo(services, actor)
      await loadInterventionsDemo(services, actor)
    }),
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
        ...(await interventionSamples(
          cases,
          casePanel,
          found[0] as number,
          made.organisation as number,
          actor,
        )),
        ...(await iomSamples(cases, chair, actor)),
        ...(await channelMaseSamples(cases, actor, chair, made.organisation as number)),
      }
    }),
  }
}

export const casesModule = casesModuleWith()
