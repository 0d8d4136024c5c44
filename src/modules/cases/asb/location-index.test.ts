import { describe, expect, it } from 'vitest'
import { caseKeyring } from '../protection/keys.ts'
import { formRows, listOf } from '../youth/form.ts'
import { locationIndex, normaliseLocation } from './location-index.ts'

const key = caseKeyring(Buffer.alloc(32, 'location-index-test').toString('base64')).current
const other = caseKeyring(Buffer.alloc(32, 'another-key-entirely').toString('base64')).current

describe('the location index', () => {
  it('finds a place again however it is written', () => {
    expect(normaliseLocation('Outside 14 Quayside Walk, SE99 9ZZ')).toBe('outside14quaysidewalkse999zz')
    expect(locationIndex(key, 'Outside 14 Quayside Walk, SE99 9ZZ')).toBe(
      locationIndex(key, 'outside 14 quayside walk se99 9zz'),
    )
    expect(locationIndex(key, 'Café Row')).toBe(locationIndex(key, 'cafe row'))
  })

  it('tells places apart, and reveals nothing without the key', () => {
    expect(locationIndex(key, '14 Quayside Walk')).not.toBe(locationIndex(key, '15 Quayside Walk'))
    expect(locationIndex(key, '14 Quayside Walk')).not.toBe(locationIndex(other, '14 Quayside Walk'))
    expect(locationIndex(key, '14 Quayside Walk')).not.toContain('quayside')
  })
})

describe('repeated rows of a form', () => {
  it('gathers rows by their number, in order, and drops those left blank', () => {
    expect(
      formRows(
        {
          'complaints.1.agency': 'Police',
          'complaints.1.reportedOn': '2026-05-01',
          'complaints.0.agency': 'Council',
          'complaints.0.reportedOn': '2026-04-01',
          'complaints.2.agency': ' ',
          'complaints.2.reportedOn': '',
          'options.0.kind': 'diversion',
          other: 'x',
        },
        'complaints',
      ),
    ).toEqual([
      { agency: 'Council', reportedOn: '2026-04-01' },
      { agency: 'Police', reportedOn: '2026-05-01' },
    ])
    // A kind chosen with nothing agreed is a blank row: the select always sends one.
    expect(formRows({ 'options.0.kind': 'diversion', 'options.0.option': '' }, 'options')).toEqual([])
  })

  it('reads no, one or many checkboxes as a list', () => {
    expect([listOf(undefined), listOf('self'), listOf(['self', 'public'])]).toEqual([
      [],
      ['self'],
      ['self', 'public'],
    ])
  })
})
