import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { withNotice } from '../../web/forms.ts'
import { auditRead } from '../audit/read-audit.ts'
import type { Services } from '../module.ts'
import { paths } from './paths.ts'
import { describeSchedule, parseSchedule, ScheduleError } from './schedule.ts'
import { sensitiveReads } from './sensitive-reads.ts'
import { type ReminderRun, RemindersNotConfiguredError } from './service.ts'

const permission = { permission: 'reminders:send' } as const

function scheduleText(config: Config): string {
  if (!config.reminderSchedule)
    return 'None: REMINDER_SCHEDULE is not set, so reminders go out only when sent by hand'
  try {
    const text = describeSchedule(parseSchedule(config.reminderSchedule))
    return config.smtpUrl ? text : `${text}, but SMTP_URL is not set, so none are sent`
  } catch (error) {
    if (error instanceof ScheduleError) return error.message
    throw error
  }
}

/** The administrator's page: how reminders are set up, who would get one today, and "send now". */
export function reminderRoutes(
  app: FastifyInstance,
  { reminders, audit }: Pick<Services, 'reminders' | 'audit'>,
  config: Config,
) {
  async function page(request: FastifyRequest, reply: FastifyReply, refused?: string) {
    let preview = null
    let problem = null
    try {
      preview = await reminders.send(request.actor, { dryRun: true })
      await auditRead(audit, sensitiveReads, request, { what: 'reminder recipients' })
    } catch (error) {
      if (!(error instanceof RemindersNotConfiguredError)) throw error
      problem = error.message.replace(/ Nothing was sent\.$/, '')
    }
    return reply.code(refused ? 409 : 200).page('reminders/views/reminders.njk', {
      pageTitle: 'E-mail reminders',
      notice: (request.query as { notice?: string }).notice,
      refused,
      setup: {
        smtp: config.smtpUrl ? 'Set (SMTP_URL)' : 'Not set: set SMTP_URL to send reminders',
        publicUrl: config.publicUrl ?? 'Not set: set PUBLIC_URL to send reminders',
        from: config.reminderFrom,
        schedule: scheduleText(config),
      },
      canSend: Boolean(config.smtpUrl && config.publicUrl),
      preview,
      problem,
      runs: await reminders.recentRuns(),
    })
  }

  app.get(paths.reminders.admin(), { config: permission }, (request, reply) => page(request, reply))

  app.post(paths.reminders.admin(), { config: permission }, async (request, reply) => {
    let run: ReminderRun
    try {
      run = await reminders.send(request.actor)
    } catch (error) {
      if (error instanceof RemindersNotConfiguredError) return page(request, reply, error.message)
      throw error
    }
    const sent = run.reminders.filter((r) => r.status === 'sent').length
    const failed = run.reminders.length - sent
    const notice = `Reminders sent: ${sent}${failed ? `, ${failed} failed` : ''}, ${run.skipped.length} skipped`
    return reply.redirect(withNotice(paths.reminders.admin(), notice), 303)
  })
}
