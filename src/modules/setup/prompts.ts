import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'

/** Questions at a terminal: a line of text, or a secret that is not echoed. */
export interface Prompter {
  ask(question: string): Promise<string>
  secret(question: string): Promise<string>
  close(): void
}

export function terminalPrompter(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
): Prompter {
  let muted = false
  // readline echoes what is typed through its output; while a password is typed that output goes nowhere.
  const echo = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding)
      done()
    },
  })
  const lines = createInterface({ input, output: echo, terminal: Boolean(input.isTTY) })
  return {
    ask: async (question) => (await lines.question(question)).trim(),
    async secret(question) {
      output.write(question)
      muted = true
      try {
        return await lines.question('')
      } finally {
        muted = false
        output.write('\n')
      }
    },
    close: () => lines.close(),
  }
}
