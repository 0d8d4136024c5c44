import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '../http/return-path.ts'
import { paths } from './paths.ts'

describe('safe return path after sign-in', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnPath('/admin/users?x=1')).toBe('/admin/users?x=1')
  })
  it('sends anything else home', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad)).toBe(paths.home())
    }
  })
})
