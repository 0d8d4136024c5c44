import { describe, expect, it } from 'vitest'
import { fileSlug } from './plans.service.ts'

describe('the export file name', () => {
  it('keeps a partnership’s whole plan title', () => {
    expect(
      fileSlug(
        'Southwark Borough - Community Safety Partnership Knife Crime and Serious Violence Plan 2018/20',
      ),
    ).toBe('southwark-borough-community-safety-partnership-knife-crime-and-serious-violence-plan-2018-20')
  })

  it('cuts a very long title at a whole word, never leaving a hyphen at the end', () => {
    const slug = fileSlug(`${'Reducing serious violence '.repeat(8)}Plan`)
    expect(slug.length).toBeLessThanOrEqual(150)
    expect(slug).toMatch(/^reducing-serious-violence-.*(reducing|serious|violence)$/)
    expect(fileSlug('A'.repeat(200))).toHaveLength(150)
    expect(fileSlug('!!!')).toBe('')
  })
})
