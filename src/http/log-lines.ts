// What a person watching the console reads: one short line per request, in local time, instead of
// pino's JSON. Only for a terminal; anything else (a file, journald, a log shipper) gets the JSON.
// Written here rather than taken from pino-pretty, which is a development dependency only.

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}
// What the line already says, or what must never be printed twice.
const SHOWN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'req',
  'res',
  'responseTime',
  'reqId',
  'err',
])

interface LogRecord {
  level?: number
  time?: number
  msg?: string
  req?: { method?: string; path?: string }
  res?: { statusCode?: number }
  responseTime?: number
  err?: { type?: string; message?: string; stack?: string }
  [field: string]: unknown
}

function clock(time: number | undefined): string {
  return new Date(time ?? Date.now()).toTimeString().slice(0, 8)
}

/** One pino JSON record as the console shows it: `12:01:02 GET /plans/1 200 35 ms`. */
export function prettyLogLine(json: string): string {
  let record: LogRecord
  try {
    record = JSON.parse(json) as LogRecord
  } catch {
    return json.trimEnd()
  }
  const error = record.err?.stack ?? record.err?.message
  const line = requestLine(record) ?? otherLine(record)
  return error ? `${line}\n  ${error.split('\n').join('\n  ')}` : line
}

/** A request answered: `12:01:02 GET /plans/1 200 35 ms`. */
function requestLine(record: LogRecord): string | undefined {
  if (!record.req || !record.res || typeof record.responseTime !== 'number') return undefined
  const { req, res } = record
  return `${clock(record.time)} ${req.method} ${req.path} ${res.statusCode} ${Math.round(record.responseTime)} ms`
}

/** Anything else: the time, the level unless it is INFO, the message and any other fields. */
function otherLine(record: LogRecord): string {
  const level = LEVELS[record.level ?? 30] ?? String(record.level)
  const extra = Object.entries(record)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
  return [clock(record.time), level === 'INFO' ? '' : level, record.msg ?? '', ...extra]
    .filter(Boolean)
    .join(' ')
}

/** A pino destination that writes each record as prettyLogLine shows it. */
export function prettyDestination(out: { write(text: string): unknown } = process.stdout) {
  return {
    write(chunk: string) {
      for (const json of chunk.split('\n')) if (json.trim()) out.write(`${prettyLogLine(json)}\n`)
    },
  }
}
