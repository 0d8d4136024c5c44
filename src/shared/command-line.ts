// What every command, core or module, shares: its mistakes, its input and who it acts as.

/** A mistake in how the command was typed: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export const CLI_ACTOR_LABEL = `cli:${process.env.USER ?? 'operator'}`
/** Who the audit log names for a change made at the command line. */
export const CLI_ACTOR = { userId: null, label: CLI_ACTOR_LABEL, ip: null }
