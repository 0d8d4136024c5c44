// Builds src/web/assets/safer-frontend.css from GOV.UK Frontend's Sass, as a service that is not
// on GOV.UK must: Arial instead of GDS Transport (licensed for GOV.UK only), no font files.
// The output is committed, so installing and starting Safer needs no build step.
//
//   npx tsx scripts/build-css.ts
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as sass from 'sass'

const root = resolve(import.meta.dirname, '..')
const source = `
@use "govuk-frontend/dist/govuk" with (
  $govuk-font-family: (arial, sans-serif),
  $govuk-include-default-font-face: false,
  $govuk-assets-path: "/assets/"
);
`
const result = sass.compileString(source, {
  loadPaths: [resolve(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
})
// Sass keeps custom property values as written (": 40.0625rem"), and GOV.UK Frontend's script reads
// --govuk-breakpoint-* raw to decide when to collapse the navigation: write them as the official
// build does, with no space.
// Compressed Sass output opens with a byte-order mark when the CSS has non-ASCII characters; after
// our comment it would glue itself to the first selector ("\uFEFF:root") and void that rule.
const css = result.css.replace(/^\uFEFF/, '').replace(/(--govuk-[a-z-]+):\s+/g, '$1:')
const target = resolve(root, 'src/web/assets/safer-frontend.css')
writeFileSync(target, `@charset "UTF-8";\n/* Built by scripts/build-css.ts from govuk-frontend (MIT). Do not edit. */\n${css}\n`)
console.log(`Wrote ${target} (${css.length.toLocaleString('en-GB')} bytes)`)
