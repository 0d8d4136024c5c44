// `npm run build` (and `prepare`, so `npm install` leaves a runnable checkout): compiles src/ to dist/
// with tsc, copies the files the server reads beside its code (templates, assets, the worker), and
// writes the command catalogue that lets `safer --help` answer without loading the application.
// Plain JavaScript, so that building needs nothing but Node and the TypeScript compiler.
//
//   node scripts/build.mjs             fails without the TypeScript compiler
//   node scripts/build.mjs --prepare   as `npm install` runs it: without the compiler (an install with
//                                      --omit=dev) it says so and leaves dist/ as the release carries it
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SRC = join(ROOT, 'src')
const DIST = join(ROOT, 'dist')
// Read by bin/safer.js: a source file changed after this moment means dist/ is out of date.
const STAMP = join(DIST, 'build-stamp.json')

const started = Date.now()

let tsc
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc')
} catch {
  if (process.argv.includes('--prepare')) {
    console.warn(
      existsSync(STAMP)
        ? 'Not building: the TypeScript compiler is not installed (dev dependencies omitted). Using the dist/ this release carries.'
        : 'Not building: the TypeScript compiler is not installed (dev dependencies omitted) and there is no dist/. Safer will run the TypeScript through tsx, slowly; build with `npm install && npm run build`.',
    )
    process.exit(0)
  }
  console.error(
    'Cannot build: the TypeScript compiler is not installed. Run `npm install` (with dev dependencies).',
  )
  process.exit(1)
}

// A fresh folder each time, so a file deleted from src/ does not live on in dist/.
rmSync(DIST, { recursive: true, force: true })
const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
  stdio: 'inherit',
})
if (compiled.status !== 0) {
  console.error(
    'Build failed: tsc reported the errors above. dist/ is incomplete; bin/safer.js will not use it.',
  )
  process.exit(compiled.status ?? 1)
}

// Templates, stylesheets, browser scripts and the spreadsheet worker are found relative to the code
// that reads them (import.meta.url), so they sit in dist/ exactly where they sit in src/.
function copyNonTypeScript(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) copyNonTypeScript(path)
    else if (!entry.name.endsWith('.ts')) {
      const target = join(DIST, relative(SRC, path))
      mkdirSync(dirname(target), { recursive: true })
      cpSync(path, target)
    }
  }
}
copyNonTypeScript(SRC)

// The catalogue is made from the modules' own descriptors, so it cannot disagree with them.
const { commandCatalogue } = await import(pathToFileURL(join(DIST, 'cli/commands.js')).href)
writeFileSync(join(DIST, 'cli/commands.json'), `${JSON.stringify(commandCatalogue(), null, 2)}\n`)

if (!existsSync(join(DIST, 'cli/main.js'))) {
  console.error('Build failed: dist/cli/main.js was not written.')
  process.exit(1)
}
writeFileSync(STAMP, `${JSON.stringify({ started }, null, 2)}\n`)
console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`)
// Importing the modules for the catalogue may leave handles open (drivers, timers): the build is done.
process.exit(0)
