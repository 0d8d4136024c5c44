#!/usr/bin/env node
// The `safer` command. It runs the compiled JavaScript in dist/, made by `npm run build` (which
// `npm install` runs), so that nothing is compiled at start-up (docs/adr/0013-compiled-start-up.md).
// When dist/ is missing or older than src/, it runs the TypeScript through tsx instead, slowly,
// and says how to build: stale code is never run. SAFER_FROM_SOURCE=1 runs the TypeScript without
// the warning, for development and for the tests, which test src/ as it is.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import module from 'node:module'
import { fileURLToPath } from 'node:url'

// Node 22.1 and later keep the compiled code between runs (NODE_DISABLE_COMPILE_CACHE=1 turns it
// off); Node 20 has no such cache and compiles at every start.
module.enableCompileCache?.()

// `safer plan import … | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const SRC = fileURLToPath(new URL('../src/', import.meta.url))
const STAMP = fileURLToPath(new URL('../dist/build-stamp.json', import.meta.url))

/** When the build that made dist/ began, or undefined when there is no finished build. */
function builtAt() {
  if (!existsSync(STAMP)) return undefined
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).started
  } catch {
    return undefined
  }
}

/** True when any file under dir that the build uses (tests are not built) changed after the moment given. */
function changedSince(dir, moment) {
  if (!existsSync(dir)) return false
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = dir + entry.name
    if (entry.isDirectory()) {
      if (changedSince(`${path}/`, moment)) return true
    } else if (!entry.name.endsWith('.test.ts') && statSync(path).mtimeMs > moment) return true
  }
  return false
}

async function loadMain() {
  if (process.env.SAFER_FROM_SOURCE !== '1') {
    const started = builtAt()
    if (started !== undefined && !changedSince(SRC, started)) return import('../dist/cli/main.js')
    console.error(
      started === undefined
        ? 'safer: there is no build in dist/, so the TypeScript is compiled as it runs (slow). Run `npm run build`.'
        : 'safer: src/ has changed since dist/ was built, so the TypeScript is compiled as it runs (slow). Run `npm run build`.',
    )
  }
  const { register } = await import('tsx/esm/api')
  register()
  return import('../src/cli/main.ts')
}

const { main } = await loadMain()
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  console.error(error)
  process.exitCode = 1
}
