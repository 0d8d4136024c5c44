// Typed URL builders: every link and redirect comes from here or from a module's own paths.ts,
// so a renamed route breaks the build, not a page. These are the pages that belong to no module.

export const paths = {
  home: () => '/',
  health: () => '/health',
  signIn: () => '/sign-in',
  signOut: () => '/sign-out',
  api: {
    openapi: () => '/api/v1/openapi.json',
  },
} as const

type PathGroup = Readonly<Record<string, (...ids: Array<number | string>) => string>>

/** These paths and every module's, as templates see them: groups that two modules share are merged. */
export function allPaths(
  modules: ReadonlyArray<{ paths?: Readonly<Record<string, PathGroup>> }>,
): Record<string, unknown> {
  const all: Record<string, unknown> = { ...paths }
  for (const module of modules) {
    for (const [group, builders] of Object.entries(module.paths ?? {})) {
      all[group] = { ...(all[group] as PathGroup | undefined), ...builders }
    }
  }
  return all
}
