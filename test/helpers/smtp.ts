import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

// A real SMTP server for a test file: it listens on a free local port, asks for a password, and
// keeps every message it accepts, decoded enough to read (headers, the plain text and the HTML).

export const SMTP_USER = 'safer'
export const SMTP_PASSWORD = 'mail-test-password'

export interface ReceivedMail {
  /** The SMTP envelope: who the message was actually delivered to. */
  envelopeTo: string[]
  envelopeFrom: string
  headers: Record<string, string>
  subject: string
  text: string
  html: string
}

export interface TestSmtpServer {
  /** SMTP_URL for Safer, with the password. */
  url: string
  messages: ReceivedMail[]
  /** Recipients whose address contains this are refused at RCPT TO, as a real server refuses an unknown mailbox. */
  refuse: string
  close(): Promise<void>
}

function decodeQuotedPrintable(s: string): Buffer {
  const joined = s.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3)
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(joined[i] as string, 'utf8'))
  }
  return Buffer.from(bytes)
}

/** RFC 2047 encoded words, as nodemailer writes a subject that is not plain ASCII. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset, encoding: string, word: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : decodeQuotedPrintable(word.replace(/_/g, ' ')).toString('utf8'),
    )
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return headers
}

function splitEntity(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/)
  if (at < 0) return { headers: parseHeaders(raw), body: '' }
  return { headers: parseHeaders(raw.slice(0, at)), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') }
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8')
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

/** The text/plain and text/html parts, wherever they sit in the message's parts. */
function parts(raw: string, found: { text: string; html: string }) {
  const { headers, body } = splitEntity(raw)
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = type.match(/boundary="?([^";]+)"?/)?.[1]
  if (type.startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`).slice(1)
    for (const section of sections) {
      if (section.startsWith('--')) break
      parts(section.replace(/^\r?\n/, ''), found)
    }
  } else if (type.startsWith('text/html')) found.html = decodeBody(headers, body)
  else if (type.startsWith('text/plain')) found.text = decodeBody(headers, body).replace(/\r\n/g, '\n')
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const { headers } = splitEntity(raw)
  const found = { text: '', html: '' }
  parts(raw, found)
  return {
    envelopeTo: envelope.to,
    envelopeFrom: envelope.from,
    headers,
    subject: decodeWords(headers.subject ?? ''),
    ...found,
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = []
  const state = { refuse: 'refused.' }
  const server = new SMTPServer({
    logger: false,
    // No TLS certificate on a test server: the password goes in clear, over the loopback address only.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (address.address.includes(state.refuse))
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        }
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    messages,
    get refuse() {
      return state.refuse
    },
    set refuse(value: string) {
      state.refuse = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
