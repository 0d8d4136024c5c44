// Whether enough voting members were there for the board's decisions to stand. A substitute stands
// in for the member they replace; members count only while their membership runs on the day.

export interface QuorumMember {
  personId: number
  voting: boolean
  fromDate: string | null
  toDate: string | null
}

export interface QuorumAttendance {
  personId: number
  attendance: 'present' | 'apologies'
  substituteForPersonId: number | null
}

export interface QuorumResult {
  /** Voting members there in person or through a substitute. */
  present: number
  needed: number
  quorate: boolean
}

export const isMemberOn = (member: Pick<QuorumMember, 'fromDate' | 'toDate'>, day: string) =>
  (member.fromDate === null || member.fromDate <= day) && (member.toDate === null || member.toDate >= day)

export function quorumCheck(
  quorum: number,
  members: readonly QuorumMember[],
  attendance: readonly QuorumAttendance[],
  day: string,
): QuorumResult {
  const voting = new Set(members.filter((m) => m.voting && isMemberOn(m, day)).map((m) => m.personId))
  const counted = new Set<number>()
  for (const a of attendance) {
    if (a.attendance !== 'present') continue
    // A substitute counts once, for the member they replace; a member there in person counts as themself.
    const standsFor = a.substituteForPersonId ?? a.personId
    if (voting.has(standsFor)) counted.add(standsFor)
  }
  return { present: counted.size, needed: quorum, quorate: counted.size >= quorum }
}
