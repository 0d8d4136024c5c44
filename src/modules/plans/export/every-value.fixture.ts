// A plan holding every RAG status, every kind of date and every awkward shape of theme and action:
// shared by the round-trip and xlsx format tests.
import type { PlanDate } from '../plan-dates.ts'
import type { PlanTree } from '../plan-tree.ts'
import { RAG_STATUSES } from '../rag.ts'
import { deliverable } from './test-support.ts'

// Every kind of PlanDate in both columns, each beside a different RAG status.
const DATES: Array<[PlanDate | null, PlanDate | null]> = [
  ['2018-12', '2019-03-31'],
  ['2019-01-05', 'ongoing'],
  ['tbc', 'tbc'],
  [null, '2020-03'],
  ['2018-10', null],
  ['ongoing', '2069-12'],
]

export const everyValue: PlanTree = {
  title: 'Every value: Community Safety Partnership Plan 2024/26',
  leadership: [
    {
      name: 'Professor Kevin Fenton',
      initials: 'KF',
      organisation: 'Southwark Council',
      role: 'Director of Health',
    },
    { name: 'Eleanor Kelly', initials: null, organisation: 'Southwark Council', role: 'Chief Executive' },
  ],
  // More aims than leaders: the extra ones go on rows with no leader.
  strategicAims: ['Protection of Life', 'Reduction in youth violence', 'Bring Offenders to Justice'],
  themes: [
    {
      title: 'GOVERNANCE',
      subtitle: '*locally added actions',
      notes: ['* The Safer Communities Delivery Group is the statutory Community Safety Partnership.'],
      actions: [
        {
          number: '1',
          locallyAdded: false,
          text: 'Every RAG status and kind of date',
          deliverables: RAG_STATUSES.map((rag, i) => {
            const [start, end] = DATES[i] as [PlanDate | null, PlanDate | null]
            return deliverable({ outcome: `Outcome ${i + 1}`, rag, start, end })
          }),
        },
        { number: '*2', locallyAdded: true, text: 'An action with no outcomes yet', deliverables: [] },
        {
          number: null,
          locallyAdded: false,
          text: 'An action with no number',
          deliverables: [deliverable({ rag: 'amber' })],
        },
      ],
    },
    {
      // Not all capitals, and a subtitle that starts with capitals: only the <b> form keeps them apart.
      title: 'Engagement and Consultation',
      subtitle: 'CSP partners and communities',
      notes: [],
      actions: [
        {
          number: '3',
          locallyAdded: false,
          text: 'Consult',
          deliverables: [deliverable({ leads: ['Stephen Douglass'], leadOrganisations: [] })],
        },
      ],
    },
    {
      title: 'KEEPING DEADLY WEAPONS OFF OUR STREETS',
      subtitle: 'A theme with no actions yet',
      notes: [],
      actions: [],
    },
  ],
}
