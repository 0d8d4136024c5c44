import type { Config } from '../config.ts'

// With the __Host- prefix a browser accepts the cookie only from this host, over HTTPS, for every path:
// a neighbouring subdomain cannot plant or overwrite it. The prefix needs Secure, so it is used when
// cookies are secure (production) and plain names otherwise.
export function cookieName(name: string, config: Pick<Config, 'cookieSecure'>): string {
  return config.cookieSecure ? `__Host-${name}` : name
}

export const sessionCookieName = (config: Pick<Config, 'cookieSecure'>) => cookieName('safer_session', config)
export const csrfCookieName = (config: Pick<Config, 'cookieSecure'>) => cookieName('safer_csrf', config)

export function sessionCookieOptions(config: Pick<Config, 'cookieSecure'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure }
}
