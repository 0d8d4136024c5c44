import { configDefaults, defineConfig } from 'vitest/config'
import { missingSharedData } from './test/data/shared-folder.ts'
import base from './vitest.config.ts'

// `npm run test:data`: the checks over the full published data (SAFER_SHARED_DIR, default ../shared
// beside the repository), which the repository does not carry. A check over data that is missing
// must not pass by skipping: without the folder the run stops here, saying why.
const missing = missingSharedData()
if (missing) throw new Error(missing)

export default defineConfig({
  test: {
    ...base.test,
    include: ['test/data/**/*.test.ts'],
    exclude: configDefaults.exclude,
  },
})
