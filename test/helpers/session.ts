import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { TEST_PASSWORD } from './app.ts'

/** Cookies a browser would hold, as one Cookie header. */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  take(response: LightMyRequestResponse) {
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number }>) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  has(name: string) {
    return this.cookies.has(name)
  }

  get(name: string) {
    return this.cookies.get(name)
  }
}

export function csrfTokenFrom(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/)
  if (!match?.[1]) throw new Error('No CSRF token on the page')
  return match[1]
}

/** A browser-like client over inject: keeps cookies, and fills in the CSRF token from the last page it read. */
export class Browser {
  readonly jar = new CookieJar()
  csrfToken = ''

  /** remoteAddress: the address the requests come from, for checks kept per address. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  async get(url: string) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.jar.header() },
      remoteAddress: this.options.remoteAddress,
    })
    this.jar.take(response)
    const token = response.body.match(/name="_csrf" value="([^"]+)"/)?.[1]
    if (token) this.csrfToken = token
    return response
  }

  async post(url: string, form: Record<string, string> = {}, options: { csrf?: boolean } = {}) {
    const payload = new URLSearchParams({
      ...(options.csrf === false ? {} : { _csrf: this.csrfToken }),
      ...form,
    }).toString()
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: this.options.remoteAddress,
    })
    this.jar.take(response)
    return response
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    await this.get('/sign-in')
    const response = await this.post('/sign-in', { email, password })
    if (response.statusCode !== 303) throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`)
    await this.get('/')
    return response
  }
}
