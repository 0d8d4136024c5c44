import { addWorkingDays, type Day, nextWorkingDay } from '../../../../shared/working-days.ts'

// A decision subject to call-in may be called in for scrutiny until the end of a number of working
// days after it is published (five in most constitutions; CALL_IN_WORKING_DAYS sets it); it takes
// effect on the next working day unless called in. One not subject to call-in takes effect on the
// day it is made.

export const DEFAULT_CALL_IN_WORKING_DAYS = 5

export interface CallInPeriod {
  deadline: Day | null
  takesEffectOn: Day | null
}

export function callInPeriod(
  decision: { subjectToCallIn: boolean; publicationDate: Day | null; decisionDate: Day },
  workingDays: number,
): CallInPeriod {
  if (!decision.subjectToCallIn) return { deadline: null, takesEffectOn: decision.decisionDate }
  // Not yet published: the period has not started.
  if (!decision.publicationDate) return { deadline: null, takesEffectOn: null }
  const deadline = addWorkingDays(decision.publicationDate, workingDays)
  return { deadline, takesEffectOn: nextWorkingDay(deadline) }
}

/** Whether it can be called in today: published, the deadline not passed, and not already called in. */
export function isCallInOpen(
  decision: {
    subjectToCallIn: boolean
    publicationDate: Day | null
    callInDeadline: Day | null
    status: string
  },
  today: Day,
): boolean {
  return (
    decision.subjectToCallIn &&
    decision.status !== 'called-in' &&
    decision.publicationDate !== null &&
    decision.callInDeadline !== null &&
    decision.publicationDate <= today &&
    today <= decision.callInDeadline
  )
}
