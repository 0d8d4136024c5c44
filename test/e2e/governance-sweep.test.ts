import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadGovernanceDemoYear } from '../../src/modules/governance/demo.ts'
import type { DemoYear } from '../../src/modules/governance/demo-year.ts'
import { loadPartnersDemo } from '../../src/modules/partners/demo.ts'
import { londonToday } from '../../src/shared/london-day.ts'
import { TEST_ACTOR } from '../helpers/app.ts'
import {
  BROWSER_TIMEOUTS,
  type E2E,
  expectNoSidewaysScroll,
  expectTablesInside,
  heading,
  signIn,
  startE2E,
  visit,
} from './helpers.ts'

vi.setConfig(BROWSER_TIMEOUTS)

// Every governance page over the demo's year, as a board member reads it and, for the public pages,
// as anyone signed out: with JavaScript on and off, each checked with axe on arrival, no table wider
// than the page's column at 1280 pixels, and nothing scrolling sideways at 320.

describe('every governance page in a real browser', () => {
  let e: E2E
  let year: DemoYear
  let pages: { signedIn: Array<[string, RegExp]>; public: Array<[string, RegExp]> }

  beforeAll(async () => {
    e = await startE2E()
    const services = e.t.deps.services
    await loadPartnersDemo(services, TEST_ACTOR)
    year = await loadGovernanceDemoYear(services, TEST_ACTOR, londonToday())
    const who = { actor: TEST_ACTOR, user: null }
    await services.boardPacks.build(who, year.published)
    const delivery = (await services.governance.findBoardByName('Safer Communities Delivery Group')) as number
    const decision = year.decisions.callInClosed
    pages = {
      signedIn: [
        ['/governance/boards', /^Boards$/],
        [`/governance/boards/${delivery}`, /Safer Communities Delivery Group/],
        [`/governance/meetings/${year.published}`, /Meeting/],
        [`/governance/meetings/${year.next}`, /Meeting/],
        [`/governance/meetings/${year.published}/publishing`, /Public page/],
        ['/governance/decisions', /^Decisions register$/],
        [`/governance/decisions/${decision}`, /half-year review/],
        ['/governance/forward-plan', /Forward plan/],
        ['/governance/duties', /^Statutory duties \d{4}\/\d{2}$/],
        ['/governance/my-actions-arising', /actions arising/i],
        ['/governance/annual-report', /Annual report/i],
      ],
      public: [
        ['/public/meetings', /^Meetings of the Community Safety Partnership$/],
        [`/public/meetings/${year.published}`, /^Meeting: /],
        ['/public/decisions', /^Decisions of the Community Safety Partnership$/],
        [`/public/decisions/${decision}`, /half-year review/],
        [`/public/decisions/${year.decisions.callInOpen}`, /Serious Violence Duty/],
      ],
    }
  })
  afterAll(async () => {
    await e?.close()
  })

  async function sweep(list: Array<[string, RegExp]>, javaScriptEnabled: boolean, signInAs?: string) {
    const { context, page } = await e.newPage({ javaScriptEnabled })
    try {
      await page.setViewportSize({ width: 1280, height: 900 })
      if (signInAs) await signIn(page, signInAs)
      for (const [url, title] of list) {
        await page.setViewportSize({ width: 1280, height: 900 })
        await visit(page, url)
        expect(await heading(page), url).toMatch(title)
        await expectTablesInside(page)
        await page.setViewportSize({ width: 320, height: 640 })
        await expectNoSidewaysScroll(page)
      }
    } finally {
      await context.close()
    }
  }

  // Two journeys a mode, so that each stays well inside its time limit on a busy machine.
  for (const javaScript of [true, false]) {
    const mode = javaScript ? 'JavaScript on' : 'JavaScript off'
    it(`shows a board member the boards, meetings and publishing pages, ${mode}`, async () => {
      await sweep(pages.signedIn.slice(0, 5), javaScript, 'board-member@test.example')
    })

    it(`shows a board member the decisions, forward plan, duties, actions and annual report, ${mode}`, async () => {
      await sweep(pages.signedIn.slice(5), javaScript, 'board-member@test.example')
    })
  }

  it('shows anyone signed out the public pages, JavaScript on', async () => {
    await sweep(pages.public, true)
  })

  it('shows anyone signed out the public pages, JavaScript off', async () => {
    await sweep(pages.public, false)
  })
})
