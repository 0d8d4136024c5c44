import nodemailer from 'nodemailer'
import type { Config } from '../../../config.ts'

// A break glass is flagged to the panel's chair at once: on the panel page and home always, and by
// e-mail when a mail server is configured. The e-mail names no subject and quotes no reason: it
// says a case was opened, by whom, and links to Safer, where the chair reads the rest signed in.

export interface ChairNotice {
  chairName: string
  chairEmail: string
  panelName: string
  caseId: number
  openedBy: string
  expiresAt: string
}

export type ChairNotifier = (notice: ChairNotice) => Promise<void>

export function chairMail(notice: ChairNotice, publicUrl: string) {
  const link = `${publicUrl}/cases/${notice.caseId}`
  const text = [
    `Dear ${notice.chairName},`,
    '',
    `${notice.openedBy} has opened case ${notice.caseId} of ${notice.panelName} by break glass, until ${notice.expiresAt}.`,
    `Their reason is recorded in Safer. Please review it: ${link}`,
  ].join('\n')
  return {
    to: notice.chairEmail,
    subject: `Break glass on a ${notice.panelName} case`,
    text,
    html: text
      .split('\n')
      .map((line) => `<p>${line.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`)
      .join(''),
  }
}

/** Mails the chair through SMTP_URL when it and PUBLIC_URL are set; otherwise the page and home carry it alone. */
export function chairNotifier(config: Pick<Config, 'smtpUrl' | 'publicUrl' | 'reminderFrom'>): ChairNotifier {
  const { smtpUrl, publicUrl } = config
  if (!smtpUrl || !publicUrl) return async () => {}
  return async (notice) => {
    const transport = nodemailer.createTransport(smtpUrl)
    try {
      await transport.sendMail({
        from: config.reminderFrom,
        ...chairMail(notice, publicUrl),
        headers: { 'Auto-Submitted': 'auto-generated' },
      })
    } finally {
      transport.close()
    }
  }
}
