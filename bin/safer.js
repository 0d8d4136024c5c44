#!/usr/bin/env node
// The `safer` command: runs the TypeScript CLI through tsx, so there is no build step.
import { register } from 'tsx/esm/api'

// `safer plan import … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

register()
const { main } = await import('../src/cli/main.ts')
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  console.error(error)
  process.exitCode = 1
}
