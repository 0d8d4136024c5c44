import { clearDaysBetween, type Day } from '../../../../shared/working-days.ts'

// The Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
// Regulations 2012 (SI 2012/2089): a key decision is published on the forward plan at least 28
// clear days before it is taken. With less notice it may still be taken under the general
// exception (regulation 10), which needs its reason recorded.

export const KEY_DECISION_NOTICE_CLEAR_DAYS = 28

export interface NoticeCheck {
  clearDays: number
  /** A key decision given fewer than 28 clear days' notice. */
  short: boolean
}

export function noticeCheck(item: { keyDecision: boolean; noticeDate: Day; decisionDate: Day }): NoticeCheck {
  const clearDays = clearDaysBetween(item.noticeDate, item.decisionDate)
  return { clearDays, short: item.keyDecision && clearDays < KEY_DECISION_NOTICE_CLEAR_DAYS }
}

export const shortNoticeMessage = (clearDays: number) =>
  `A key decision needs ${KEY_DECISION_NOTICE_CLEAR_DAYS} clear days’ notice and this gives ${Math.max(clearDays, 0)}: ` +
  'give the general-exception reason (why it cannot wait), or choose a later meeting'
