import { ConfigError } from '../../config.ts'
import { SYSTEM_ACTOR } from '../audit/service.ts'
import type { ServerContext, Services } from '../module.ts'
import { parseSchedule, ScheduleError } from './schedule.ts'

/** How often the server asks whether the reminders are due; the rule itself is dueWindow's. */
export const CHECK_EVERY_MS = 5 * 60_000
/** The first check waits until the server has settled after starting. */
const FIRST_CHECK_MS = 30_000

/**
 * The weekly reminders' timer, when REMINDER_SCHEDULE and SMTP_URL are set. A bad schedule, or one
 * without PUBLIC_URL, stops the server starting: better than a week found to have sent nothing.
 */
export function startReminderSchedule(
  { reminders }: Pick<Services, 'reminders'>,
  { config, log }: ServerContext,
) {
  if (!config.reminderSchedule) return undefined
  try {
    parseSchedule(config.reminderSchedule)
  } catch (error) {
    if (error instanceof ScheduleError) throw new ConfigError(error.message)
    throw error
  }
  if (!config.smtpUrl) {
    log.warn('REMINDER_SCHEDULE is set but SMTP_URL is not: no reminders will be sent')
    return undefined
  }
  if (!config.publicUrl)
    throw new ConfigError(
      'REMINDER_SCHEDULE is set but PUBLIC_URL is not: reminders need it to link to Safer',
    )

  let checking: Promise<void> | null = null
  const check = () => {
    if (checking) return
    checking = reminders
      .sendIfDue(SYSTEM_ACTOR, new Date())
      .then((run) => {
        if (!run) return
        const sent = run.reminders.filter((r) => r.status === 'sent').length
        log.info(
          {
            scheduledFor: run.scheduledFor,
            sent,
            failed: run.reminders.length - sent,
            skipped: run.skipped.length,
          },
          'weekly reminders sent',
        )
      })
      .catch((error: unknown) => log.error({ err: error }, 'weekly reminders could not be sent'))
      .finally(() => {
        checking = null
      })
  }
  const first = setTimeout(check, FIRST_CHECK_MS)
  const timer = setInterval(check, CHECK_EVERY_MS)
  // Neither keeps the process alive: the server's own listening does.
  first.unref()
  timer.unref()
  return {
    async stop() {
      clearTimeout(first)
      clearInterval(timer)
      await checking
    },
  }
}
