import type { Db } from '../../db/database.ts'
import type { AuditService } from '../audit/service.ts'
import type { PartnersService } from '../partners/service.ts'
import type { UsersService } from '../auth/users.service.ts'
import type { FieldCipher } from './protection/field-cipher.ts'
import type { CaseKeyring } from './protection/keys.ts'
import type { ChairNotifier } from './access/chair-notice.ts'

/** What every part of the cases service is made from. */
export interface CasesContext {
  db: Db
  audit: AuditService
  users: Pick<UsersService, 'get'>
  partners: Pick<PartnersService, 'getOrganisation'>
  cipher: FieldCipher
  keys: CaseKeyring
  /** The time now: injected, so break-glass expiry is tested without waiting. */
  now: () => Date
  breakGlassHours: number
  notifyChair: ChairNotifier
}
