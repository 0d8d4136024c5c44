// The kinds of organisation a community safety partnership brings together, and the local authority
// it serves: the partnership's words, which the partners' records and setting up both use.

export const ORGANISATION_TYPES = [
  'council',
  'police',
  'probation',
  'health',
  'fire',
  'youth justice',
  'education',
  'voluntary',
  'other',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

/** An ONS local authority district code: a letter for the nation and eight digits (E09000028 is Southwark). */
export const LOCAL_AUTHORITY_CODE = /^[EWSN]\d{8}$/
