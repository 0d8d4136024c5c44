// Where to send someone after sign-in. The value comes from the address bar or a form field, so it is
// attacker-controlled: it must resolve, as a browser would resolve it, to a page on this service.

const HOME = '/'
// Resolving against a fixed origin and comparing origins catches every shape that leaves the site,
// including the ones browsers repair on the way (a tab or newline inside "/\t/evil.example" is
// dropped, leaving "//evil.example").
const BASE = new URL('https://return-path.invalid')
const MAX_LENGTH = 2048
const MAX_ENCODING_LAYERS = 3

/** The value and each layer of percent-encoding a proxy or a second decode could peel off; undefined if there are too many. */
function decodedLayers(value: string): string[] | undefined {
  const layers = [value]
  for (let i = 0; i < MAX_ENCODING_LAYERS; i++) {
    const current = layers[layers.length - 1] as string
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      // A lone "%" (a search for "100%"): nothing further to decode.
      return layers
    }
    if (next === current) return layers
    layers.push(next)
  }
  return undefined
}

/** Control characters (which also make a Location header throw) and backslashes (which browsers read as "/"). */
function hasUnsafeCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true
  }
  return false
}

const isSitePath = (value: string) =>
  value.startsWith('/') && !value.startsWith('//') && !hasUnsafeCharacter(value)

/** A path on this service, with its query and fragment, to redirect to; "/" for anything else. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return HOME
  const layers = decodedLayers(value)
  if (!layers?.every(isSitePath)) return HOME
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return HOME
  }
  if (url.origin !== BASE.origin) return HOME
  // The parsed form: percent-encoded, so it is always a valid header value.
  const path = `${url.pathname}${url.search}${url.hash}`
  return isSitePath(path) ? path : HOME
}
