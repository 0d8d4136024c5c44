import type { Actor } from '../../audit/service.ts'
import type { Services } from '../../module.ts'
import type { PanelType } from '../panels/schema.ts'

// The demo's interventions directory: seed 003's "local schedule of intervention options", a menu
// of enforcement, prevention and diversion, provided by the demo partnership's organisations. The
// service names are made up and marked "(demo)"; the places are illustrative, except the IOM team's
// 170, seed 002's caseload. A service serves the demo panels of the types named, where they exist.

const SERVICES: Array<{
  name: string
  provider: string
  kind: 'enforcement' | 'prevention' | 'diversion'
  description: string
  eligibility: string
  referralRoute: string
  places: number | null
  contact: string
  panelTypes: PanelType[]
}> = [
  {
    name: 'Southwark Youth Anti-Violence Unit (demo)',
    provider: 'LBS',
    kind: 'diversion',
    description:
      'Intensive mentoring and family work with young people involved in, or at risk of, serious violence.',
    eligibility:
      'Aged 10 to 25, living or studying in the borough, involved in or at risk of serious violence.',
    referralRoute: 'The unit’s referral form, sent to its secure inbox; urgent referrals by telephone first.',
    places: 40,
    contact: 'youth-anti-violence@demo.example, 020 7000 0101',
    panelTypes: ['youth-rmp', 'knife-crime'],
  },
  {
    name: 'Gangs Exit Service (demo)',
    provider: 'CS',
    kind: 'diversion',
    description:
      'One-to-one support to leave a gang: safety planning, relocation support, education and work.',
    eligibility: 'Aged 16 and over, gang-involved and wanting to leave.',
    referralRoute: 'Through a risk panel, or self-referral by telephone.',
    places: 25,
    contact: 'exit@demo.example, 020 7000 0102',
    panelTypes: ['youth-rmp', 'knife-crime', 'iom'],
  },
  {
    name: 'Substance Misuse Treatment Service (demo)',
    provider: 'CCG',
    kind: 'prevention',
    description:
      'Structured community treatment for drug and alcohol misuse, including prescribing and key work.',
    eligibility: 'Adults living in the borough with a drug or alcohol problem.',
    referralRoute: 'Open access; referral form from a professional, or walk in to the assessment clinic.',
    places: null,
    contact: 'treatment@demo.example, 020 7000 0103',
    panelTypes: ['iom', 'marac'],
  },
  {
    name: 'Independent Domestic Violence Advisers (demo)',
    provider: 'CS',
    kind: 'prevention',
    description: 'IDVAs support victims at high risk of domestic abuse through the MARAC and the courts.',
    eligibility: 'Victims of domestic abuse aged 16 and over assessed at high risk.',
    referralRoute: 'Every MARAC case is offered an IDVA; other referrals by the referral form.',
    places: 60,
    contact: 'idva@demo.example, 020 7000 0104',
    panelTypes: ['marac'],
  },
  {
    name: 'Integrated Offender Management Police Team (demo)',
    provider: 'MPS',
    kind: 'enforcement',
    description:
      'Police offender managers for the IOM cohort: home visits, licence enforcement and swift recall.',
    eligibility: 'Members of the IOM cohort.',
    referralRoute: 'Selection by the IOM panel.',
    places: 170,
    contact: 'iom-team@demo.example',
    panelTypes: ['iom'],
  },
  {
    name: 'Accredited Programmes (demo)',
    provider: 'NPS',
    kind: 'enforcement',
    description: 'Court-ordered and licence programmes addressing thinking, behaviour and violence.',
    eligibility: 'People on a community order or licence with a programme requirement.',
    referralRoute: 'The offender manager through probation’s case system.',
    places: 30,
    contact: 'programmes@demo.example',
    panelTypes: ['iom'],
  },
  {
    name: 'Education, Training and Employment Mentoring (demo)',
    provider: 'London CRC',
    kind: 'prevention',
    description: 'Mentors who help people on probation into training and work, and to stay there.',
    eligibility: 'People on probation aged 18 and over, not in education, training or employment.',
    referralRoute: 'The offender manager’s referral form.',
    places: 35,
    contact: 'ete-mentoring@demo.example',
    panelTypes: ['iom'],
  },
  {
    name: 'Housing Options for People Leaving Custody (demo)',
    provider: 'LBS',
    kind: 'prevention',
    description: 'Housing advice and accommodation before release, so that nobody leaves custody homeless.',
    eligibility: 'People with a local connection due for release within 12 weeks.',
    referralRoute: 'The prison or probation resettlement team, by the duty to refer.',
    places: 20,
    contact: 'housing-options@demo.example, 020 7000 0108',
    panelTypes: ['iom', 'marac'],
  },
  {
    name: 'Youth Justice Triage (demo)',
    provider: 'YOS',
    kind: 'diversion',
    description: 'Out-of-court assessment and short interventions for young people after a first offence.',
    eligibility: 'Aged 10 to 17, first or second offence, admitted.',
    referralRoute: 'Police custody or the youth panel.',
    places: 50,
    contact: 'triage@demo.example',
    panelTypes: ['youth-rmp'],
  },
  {
    name: 'Firesetter Intervention and Fire Cadets (demo)',
    provider: 'LFB',
    kind: 'diversion',
    description: 'Firesetting education for children and young people, and a cadet scheme for those at risk.',
    eligibility: 'Aged 5 to 17 showing firesetting behaviour, or aged 13 to 17 for the cadets.',
    referralRoute: 'The brigade’s referral form, by any professional.',
    places: 15,
    contact: 'firesetters@demo.example',
    panelTypes: ['youth-rmp', 'community-marac'],
  },
]

export async function loadInterventionsDemo(
  { cases, partners }: Pick<Services, 'cases' | 'partners'>,
  actor: Actor,
) {
  const who = { actor, user: null }
  const organisations = new Map((await partners.listOrganisations()).map((o) => [o.shortName, o.id]))
  const panels = await cases.listPanels()
  for (const { provider, panelTypes, ...service } of SERVICES) {
    const providerOrganisationId = organisations.get(provider)
    if (providerOrganisationId === undefined) continue
    await cases.createIntervention(who, {
      ...service,
      providerOrganisationId,
      panelIds: panels.filter((p) => panelTypes.includes(p.type)).map((p) => p.id),
    })
  }
}

export async function interventionsDemoMissing({ cases }: Pick<Services, 'cases'>) {
  return (await cases.listInterventions()).length === 0
}
