import { describe, expect, it } from 'vitest'
import {
  capacity,
  type EpisodeState,
  episodeProblems,
  episodeStage,
  holdsPlace,
  settledOutcome,
} from './episode-rules.ts'

const TODAY = '2026-06-01'
const referred: EpisodeState = {
  referredOn: '2026-03-02',
  referralOutcome: 'pending',
  outcomeOn: null,
  reasonCode: null,
  startedOn: null,
  endedOn: null,
  ending: null,
}
const accepted: EpisodeState = { ...referred, referralOutcome: 'accepted', outcomeOn: '2026-03-09' }
const started: EpisodeState = { ...accepted, startedOn: '2026-03-16' }

describe('an intervention episode', () => {
  it('holds together at each stage, and says where it stands', () => {
    const ended: EpisodeState = {
      ...started,
      referralOutcome: 'done',
      endedOn: '2026-05-29',
      ending: 'completed',
    }
    const rejected: EpisodeState = {
      ...referred,
      referralOutcome: 'rejected',
      outcomeOn: '2026-03-03',
      reasonCode: 'lack-of-capacity',
    }
    for (const e of [referred, accepted, started, ended, rejected])
      expect(episodeProblems(e, TODAY)).toEqual({})
    expect([referred, accepted, started, ended, rejected].map(episodeStage)).toEqual([
      'referred',
      'accepted',
      'started',
      'ended',
      'rejected',
    ])
  })

  it('asks a reason code of a rejected referral and of an episode that ends without success', () => {
    expect(
      episodeProblems({ ...referred, referralOutcome: 'rejected', outcomeOn: '2026-03-03' }, TODAY),
    ).toEqual({
      reasonCode: 'Select why the referral was rejected',
    })
    expect(
      episodeProblems(
        { ...started, referralOutcome: 'done', endedOn: '2026-04-01', ending: 'disengaged' },
        TODAY,
      ),
    ).toEqual({ reasonCode: 'Select why it did not succeed' })
    expect(
      episodeProblems(
        {
          ...started,
          referralOutcome: 'done',
          endedOn: '2026-04-01',
          ending: 'completed',
          reasonCode: 'other',
        },
        TODAY,
      ),
    ).toEqual({ reasonCode: 'A completed episode needs no reason: leave it blank' })
  })

  it('lets someone decline before starting, but not complete or disengage', () => {
    const declined: EpisodeState = {
      ...accepted,
      referralOutcome: 'done',
      endedOn: '2026-03-10',
      ending: 'declined',
      reasonCode: 'client-refused',
    }
    expect(episodeProblems(declined, TODAY)).toEqual({})
    expect(episodeProblems({ ...declined, ending: 'disengaged' }, TODAY)).toEqual({
      endedOn: 'Only a declined episode can end before it starts: enter the start',
    })
  })

  it('keeps its days in order, up to and including today', () => {
    expect(episodeProblems({ ...started, startedOn: '2026-03-01' }, TODAY)).toEqual({
      startedOn: 'It cannot start before the referral',
    })
    expect(episodeProblems({ ...started, startedOn: '2026-03-08' }, TODAY)).toEqual({
      startedOn: 'It cannot start before the service accepted it',
    })
    expect(episodeProblems({ ...started, startedOn: TODAY }, TODAY)).toEqual({})
    expect(episodeProblems({ ...started, startedOn: '2026-06-02' }, TODAY)).toEqual({
      startedOn: 'The date cannot be in the future',
    })
    expect(
      episodeProblems(
        { ...started, referralOutcome: 'done', endedOn: '2026-03-15', ending: 'completed' },
        TODAY,
      ),
    ).toEqual({ endedOn: 'It cannot end before it started' })
    // The same day is allowed: an episode may start and end on one day.
    expect(
      episodeProblems(
        { ...started, referralOutcome: 'done', endedOn: '2026-03-16', ending: 'completed' },
        TODAY,
      ),
    ).toEqual({})
    expect(episodeProblems({ ...accepted, outcomeOn: '2026-03-01' }, TODAY)).toEqual({
      outcomeOn: 'The answer cannot come before the referral',
    })
  })

  it('needs the answer recorded before a start, and an end with its kind', () => {
    expect(episodeProblems({ ...referred, startedOn: '2026-03-16' }, TODAY)).toEqual({
      startedOn: 'Record the service’s answer before the start',
    })
    expect(episodeProblems({ ...accepted, referralOutcome: 'accepted', outcomeOn: null }, TODAY)).toEqual({
      outcomeOn: 'Enter the day of the answer',
    })
    expect(episodeProblems({ ...started, endedOn: '2026-04-01' }, TODAY)).toEqual({
      ending: 'Select how it ended',
    })
    expect(episodeProblems({ ...started, ending: 'completed' }, TODAY)).toEqual({
      endedOn: 'Enter the day it ended',
    })
    expect(episodeProblems({ ...started, referralOutcome: 'done' }, TODAY)).toEqual({
      referralOutcome: 'A referral is done once the episode has ended: enter the end',
    })
    expect(
      episodeProblems(
        {
          ...referred,
          referralOutcome: 'rejected',
          outcomeOn: '2026-03-03',
          reasonCode: 'not-eligible',
          startedOn: '2026-03-04',
        },
        TODAY,
      ),
    ).toEqual({ startedOn: 'A rejected referral does not start' })
  })

  it('is done once an accepted episode ends, and holds a place only while accepted and not ended', () => {
    const ended: EpisodeState = { ...started, endedOn: '2026-04-01', ending: 'completed' }
    expect(settledOutcome(ended)).toBe('done')
    expect(settledOutcome(started)).toBe('accepted')
    expect(settledOutcome({ ...referred, referralOutcome: 'rejected' })).toBe('rejected')
    expect(
      [referred, accepted, started, { ...ended, referralOutcome: 'done' as const }].map(holdsPlace),
    ).toEqual([false, true, true, false])
  })
})

describe('a service’s capacity', () => {
  it('counts places free, never below none, and says when it is over', () => {
    expect(capacity(10, 3)).toEqual({ places: 10, inUse: 3, free: 7, over: false })
    expect(capacity(10, 10)).toEqual({ places: 10, inUse: 10, free: 0, over: false })
    expect(capacity(10, 11)).toEqual({ places: 10, inUse: 11, free: 0, over: true })
    expect(capacity(null, 40)).toEqual({ places: null, inUse: 40, free: null, over: false })
  })
})
