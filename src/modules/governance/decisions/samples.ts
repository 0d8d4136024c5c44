import type { Services } from '../../module.ts'
import type { Who } from '../policy.ts'

/** A decision taken at the sample meeting, so that every decision route reaches a record. */
export async function decisionSamples(
  governance: Services['governance'],
  who: Who,
  made: { board: number; meeting: number },
) {
  const decision = await governance.recordDecision(who, {
    title: 'Sample decision',
    decisionMaker: 'Sample board',
    decisionDate: '2020-01-15',
    publicationDate: '2020-01-16',
    subjectToCallIn: true,
    decisions: [{ number: '1', text: 'That the sample be adopted.' }],
    boardId: made.board,
    meetingId: made.meeting,
  })
  return { decision }
}
