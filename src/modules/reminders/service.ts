import { asCurrentUser } from '../../access/current-user.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import { londonToday } from '../../shared/london-day.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { UsersService } from '../auth/users.service.ts'
import type { DeliverablesService } from '../plans/deliverables.service.ts'
import type { PlansService } from '../plans/plans.service.ts'
import { leadReminder, type Message, managerSummary } from './digest.ts'
import { type Mailer, smtpMailer } from './mailer.ts'
import * as repo from './reminders.repository.ts'
import { dueWindow, parseSchedule } from './schedule.ts'

/** Reminders cannot go out as configured: the message says what to set. Nothing was sent. */
export class RemindersNotConfiguredError extends Error {}

export type ReminderKind = 'lead' | 'summary'

/** Who gets what: counts only, never the message. */
export interface Recipient {
  userId: number
  name: string
  email: string
  kind: ReminderKind
  /** A lead's reminder: how many of their deliverables it lists. */
  deliverables?: number
  /** A manager's summary: how many plans it counts. */
  plans?: number
}

export interface Skipped {
  userId: number
  name: string
  email: string
  reason: string
}

export interface ReminderOutcome extends Recipient {
  status: 'sent' | 'failed' | 'not sent (dry run)'
  error?: string
  /** Only on a dry run, for an operator to read what would go. */
  message?: Message
}

export interface ReminderRun {
  dryRun: boolean
  /** The scheduled window the run was for; null for a run by hand. */
  scheduledFor: string | null
  reminders: ReminderOutcome[]
  skipped: Skipped[]
  /** Linked leads none of whose deliverables needs them this week: nothing is sent to them. */
  upToDate: number
}

const NOT_LINKED = 'not linked to a person in the plans'

export interface RemindersDeps {
  users: UsersService
  deliverables: DeliverablesService
  plans: PlansService
  audit: AuditService
}

/**
 * The weekly "chaser": each linked lead gets their own deliverables that are overdue, red or due
 * for an update; each partnership manager gets the counts by plan and theme. Every e-mail sent is
 * in the audit log (who, what kind, how many), never its text.
 */
export function createRemindersService(
  db: Db,
  config: Pick<Config, 'smtpUrl' | 'reminderFrom' | 'reminderSchedule' | 'publicUrl' | 'planStaleDays'>,
  { users, deliverables, plans, audit }: RemindersDeps,
  makeMailer: (smtpUrl: string, from: string) => Mailer = smtpMailer,
) {
  function requirePublicUrl(): string {
    if (config.publicUrl) return config.publicUrl
    throw new RemindersNotConfiguredError(
      'PUBLIC_URL is not set, so reminders cannot link to Safer. Set it to Safer’s address as people reach it (PUBLIC_URL=https://safer.example.gov.uk). Nothing was sent.',
    )
  }

  /** Everyone who would get a reminder today, with its message; and who cannot, and why. */
  async function prepare(today: string) {
    const publicUrl = requirePublicUrl()
    const options = { publicUrl, staleDays: config.planStaleDays }
    const leads: Array<Recipient & { message: Message }> = []
    const managers: Array<{ userId: number; name: string; email: string }> = []
    const skipped: Skipped[] = []
    let upToDate = 0
    let leadsNotReached = 0
    for (const u of await users.list()) {
      const manager = u.role === 'partnership-manager'
      const lead = u.personId !== null || u.role === 'lead'
      if (!manager && !lead) continue
      const who = { userId: u.id, name: u.name, email: u.email }
      const reason = u.disabledAt
        ? 'disabled'
        : !u.email.trim()
          ? 'no email address'
          : u.personId === null && !manager
            ? NOT_LINKED
            : null
      if (reason) {
        skipped.push({ ...who, reason })
        if (lead) leadsNotReached++
        continue
      }
      if (manager) managers.push(who)
      if (u.personId === null) continue
      const { groups } = await deliverables.needingAttention(asCurrentUser(u), today)
      const count = groups.reduce((n, g) => n + g.deliverables.length, 0)
      if (count === 0) upToDate++
      else
        leads.push({
          ...who,
          kind: 'lead',
          deliverables: count,
          message: leadReminder(u.name, groups, options),
        })
    }
    const attention = managers.length > 0 ? await plans.attention(today) : []
    const summaries = managers.map((m) => ({
      ...m,
      kind: 'summary' as const,
      plans: attention.length,
      message: managerSummary(
        m.name,
        attention,
        { reminded: leads.length, notReached: leadsNotReached },
        options,
      ),
    }))
    return { recipients: [...leads, ...summaries], skipped, upToDate }
  }

  /**
   * Sends this week's reminders (or, with dryRun, says who would get what, with the text). With
   * scheduledFor, the run claims that window first, and sends nothing (null) if it was claimed before.
   */
  async function run(
    actor: Actor,
    options: { dryRun?: boolean; today?: string; scheduledFor?: string | null } = {},
  ): Promise<ReminderRun | null> {
    const dryRun = options.dryRun ?? false
    const scheduledFor = options.scheduledFor ?? null
    requirePublicUrl()
    if (!dryRun && !config.smtpUrl) {
      throw new RemindersNotConfiguredError(
        'SMTP_URL is not set, so there is no mail server to send reminders through. Set it (SMTP_URL=smtp://user:password@mail.example.gov.uk:587), or use --dry-run to see what would be sent. Nothing was sent.',
      )
    }
    const { recipients, skipped, upToDate } = await prepare(options.today ?? londonToday())
    if (dryRun) {
      const reminders = recipients.map((r) => ({ ...r, status: 'not sent (dry run)' as const }))
      return { dryRun, scheduledFor, reminders, skipped, upToDate }
    }
    const runId = await repo.startRun(db, {
      scheduledFor,
      startedAt: new Date().toISOString(),
      startedBy: actor.label,
    })
    if (runId === undefined) return null
    const mailer = makeMailer(config.smtpUrl as string, config.reminderFrom)
    const reminders: ReminderOutcome[] = []
    try {
      for (const { message, ...r } of recipients) {
        const counts = r.kind === 'lead' ? { deliverables: r.deliverables } : { plans: r.plans }
        try {
          await mailer.send({ to: r.email, ...message })
          reminders.push({ ...r, status: 'sent' })
          await audit.record(db, actor, {
            action: 'reminder.sent',
            entityType: 'user',
            entityId: r.userId,
            detail: { kind: r.kind, ...counts, scheduledFor },
          })
        } catch (error) {
          const reason = (error as Error).message
          reminders.push({ ...r, status: 'failed', error: reason })
          await audit.record(db, actor, {
            action: 'reminder.failed',
            entityType: 'user',
            entityId: r.userId,
            detail: { kind: r.kind, ...counts, scheduledFor, error: reason },
          })
        }
      }
    } finally {
      mailer.close()
    }
    const sent = reminders.filter((r) => r.status === 'sent').length
    await repo.finishRun(db, runId, {
      finishedAt: new Date().toISOString(),
      sent,
      failed: reminders.length - sent,
      skipped: skipped.length,
    })
    return { dryRun, scheduledFor, reminders, skipped, upToDate }
  }

  /** The scheduled run, if one is due at `now` and not yet sent: called by the server's timer. */
  async function sendIfDue(actor: Actor, now: Date): Promise<ReminderRun | null> {
    if (!config.reminderSchedule) return null
    const window = dueWindow(parseSchedule(config.reminderSchedule), now, await repo.lastScheduledWindow(db))
    if (!window) return null
    return run(actor, { scheduledFor: window, today: londonToday(now) })
  }

  /** Sends this week's reminders now, by hand (or, with dryRun, says who would get what). */
  async function send(
    actor: Actor,
    options: { dryRun?: boolean; today?: string } = {},
  ): Promise<ReminderRun> {
    const done = await run(actor, { ...options, scheduledFor: null })
    // A run by hand claims no window, so it always runs.
    if (!done) throw new Error('A run by hand was refused a window it does not claim')
    return done
  }

  return {
    send,
    sendIfDue,
    recentRuns: async (limit = 5) =>
      (await repo.recentRuns(db, limit)).map((r) => ({
        scheduledFor: r.scheduled_for,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        sent: r.sent,
        failed: r.failed,
        skipped: r.skipped,
        startedBy: r.started_by,
      })),
  }
}

export type RemindersService = ReturnType<typeof createRemindersService>
