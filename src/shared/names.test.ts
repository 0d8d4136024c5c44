import { describe, expect, it } from 'vitest'
import { displayName, initialsOf, nearDuplicateNames, personKey, splitList, splitTitle } from './names.ts'

describe('names as plans write them', () => {
  it('splits joint leads and organisations on "/"', () => {
    expect(splitList('Caroline Thwaites/Det Supt Helen Lyons')).toEqual([
      'Caroline Thwaites',
      'Det Supt Helen Lyons',
    ])
    expect(splitList('LBS Education/ LBS Communities')).toEqual(['LBS Education', 'LBS Communities'])
    expect(splitList('')).toEqual([])
  })

  it('separates ranks, titles and initials from the name', () => {
    expect(splitTitle('Det Supt Helen Lyons')).toEqual({ title: 'Det Supt', name: 'Helen Lyons' })
    expect(splitTitle('Supt Ian Howells')).toEqual({ title: 'Supt', name: 'Ian Howells' })
    expect(splitTitle('Professor Kevin Fenton (KF)')).toEqual({ title: 'Professor', name: 'Kevin Fenton' })
    expect(splitTitle('Councillor Evelyn Akoto (EK)').name).toBe('Evelyn Akoto')
    expect(splitTitle('Dr. Ann Smith')).toEqual({ title: 'Dr.', name: 'Ann Smith' })
    expect(displayName('David Quirke-Thornton (DQT)')).toBe('David Quirke-Thornton')
    expect(initialsOf('David Quirke-Thornton (DQT)')).toBe('DQT')
    expect(personKey('Professor Kevin Fenton (KF)')).toBe(personKey('Kevin Fenton'))
  })

  it('finds names spelt two ways, without pairing different people', () => {
    const pairs = nearDuplicateNames([
      'Simon Messinger',
      'Simon Messenger',
      'Gordon McCullough',
      'Gordan McCullough',
      'Ian Smith',
      'Ian Howells',
      'Alasdair Smith',
      'Det Supt Helen Lyons',
      'Helen Lyons',
    ])
    expect(pairs).toEqual([
      ['gordan mccullough', 'gordon mccullough'],
      ['simon messenger', 'simon messinger'],
    ])
  })
})
