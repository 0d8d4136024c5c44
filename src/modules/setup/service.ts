import type { Db } from '../../db/database.ts'
import { isUniqueViolation } from '../../db/errors.ts'
import { ConflictError, ValidationError } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import type { Actor, AuditService } from '../audit/service.ts'
import type { UsersService } from '../auth/users.service.ts'
import type { Organisation, Partnership } from '../partners/records.ts'
import type { PartnersService } from '../partners/service.ts'
import { partnershipChanges, setupInput } from './schema.ts'
import { createSetupCode } from './setup-code.ts'

/** Safer already has an administrator: setting up again would hand out a second way in. */
export class AlreadySetUpError extends Error {
  constructor() {
    super(
      'Safer is already set up: an administrator exists. Add users with "safer user add" or on the Users page.',
    )
  }
}

export interface LocalAuthority {
  code: string
  name: string
}

/** Finds a local authority by its ONS code in the area lookups Safer holds, or null. */
export type LocalAuthorityLookup = (code: string) => Promise<LocalAuthority | null>

export interface SetupResult {
  partnership: Partnership
  organisations: Array<Pick<Organisation, 'id' | 'shortName' | 'name' | 'type'> & { added: boolean }>
  administrator: { id: number; email: string; name: string; organisationShortName: string }
}

const unknownArea = (code: string) =>
  `No local authority with the ONS code ${code} is known. London's boroughs always are; for another council, import the ONS area lookups first (safer areas import).`

// The users service names the administrator's fields as it does for any user; the setup page names them so.
const ADMIN_FIELDS: Record<string, string> = {
  email: 'adminEmail',
  name: 'adminName',
  password: 'password',
  organisationId: 'adminOrganisation',
}

function asSetupFields(error: unknown, fields: Record<string, string>, prefix = ''): never {
  if (!(error instanceof ValidationError)) throw error
  const mapped: Record<string, string> = {}
  for (const [field, message] of Object.entries(error.fieldErrors))
    mapped[fields[field] ?? 'form'] = `${prefix}${message}`
  throw new ValidationError(mapped)
}

/**
 * The first run: an empty installation becomes the partnership's, with its name and area, its
 * first organisations and its first administrator, written together or not at all.
 */
export function createSetupService(
  db: Db,
  { partners, users, audit }: { partners: PartnersService; users: UsersService; audit: AuditService },
  findLocalAuthority: LocalAuthorityLookup,
) {
  // Once an administrator exists it always will in this process's eyes: the check then costs nothing.
  let setUp = false
  const code = createSetupCode()

  async function isSetUp(): Promise<boolean> {
    if (!setUp) setUp = await users.hasActiveAdministrator()
    if (setUp) code.spend()
    return setUp
  }

  async function complete(actor: Actor, input: unknown): Promise<SetupResult> {
    if (await isSetUp()) throw new AlreadySetUpError()
    const v = parseInput(setupInput, input)
    const area = await findLocalAuthority(v.areaCode)
    if (!area) throw new ValidationError({ areaCode: unknownArea(v.areaCode) })
    // Organisations already held (added with "safer organisation add") are used as they are.
    const held = await partners.listOrganisations()
    const key = (shortName: string) => shortName.trim().toLowerCase()
    const toAdd: typeof v.organisations = []
    for (const org of v.organisations) {
      const existing = held.find((o) => key(o.shortName) === key(org.shortName))
      if (existing && existing.name !== org.name) {
        throw new ValidationError({
          organisations: `${org.shortName} is already the short name of ${existing.name}`,
        })
      }
      if (!existing && !toAdd.some((o) => key(o.shortName) === key(org.shortName))) toAdd.push(org)
    }
    const adminOrganisation =
      held.find((o) => key(o.shortName) === key(v.adminOrganisation)) ??
      toAdd.find((o) => key(o.shortName) === key(v.adminOrganisation))
    if (!adminOrganisation) {
      const known = [...held.map((o) => o.shortName), ...toAdd.map((o) => o.shortName)].join(', ')
      throw new ValidationError({
        adminOrganisation: `The administrator's organisation must be one of the organisations ${known ? `given (${known})` : 'given: add at least one'}`,
      })
    }
    // Checked and hashed before the transaction (hashing is slow); the organisation is filled in within it.
    const prepared = await users
      .prepareUser({
        email: v.adminEmail,
        name: v.adminName,
        organisationId: 1,
        role: 'admin',
        password: v.password,
      })
      .catch((error) => asSetupFields(error, ADMIN_FIELDS))

    const result = await db
      .transaction()
      .execute(async (trx) => {
        if (await users.hasActiveAdministrator(trx)) throw new AlreadySetUpError()
        const partnership = await partners
          .savePartnershipWithin(trx, actor, {
            name: v.partnershipName,
            areaCode: area.code,
            areaName: area.name,
          })
          .catch((error) =>
            asSetupFields(error, { name: 'partnershipName', areaCode: 'areaCode', areaName: 'areaCode' }),
          )
        const organisations: SetupResult['organisations'] = held.map((o) => ({
          id: o.id,
          shortName: o.shortName,
          name: o.name,
          type: o.type,
          added: false,
        }))
        for (const org of toAdd) {
          const id = await partners
            .createOrganisationWithin(trx, actor, org)
            .catch((error) =>
              asSetupFields(
                error,
                { name: 'organisations', shortName: 'organisations', type: 'organisations' },
                `${org.shortName}: `,
              ),
            )
          organisations.push({ id, ...org, added: true })
        }
        const organisation = organisations.find((o) => key(o.shortName) === key(adminOrganisation.shortName))
        if (!organisation) throw new Error('The administrator’s organisation was not saved')
        const id = await users
          .createWithin(trx, actor, { ...prepared, organisationId: organisation.id })
          .catch((error) => asSetupFields(error, ADMIN_FIELDS))
        const administrator = {
          id,
          email: prepared.email,
          name: prepared.name,
          organisationShortName: organisation.shortName,
        }
        await audit.record(trx, actor, {
          action: 'safer.setup',
          entityType: 'partnership',
          entityId: 1,
          detail: {
            partnership: partnership.name,
            area: `${partnership.areaName} (${partnership.areaCode})`,
            organisationsAdded: organisations.filter((o) => o.added).map((o) => o.shortName),
            administrator: administrator.email,
          },
        })
        return { partnership, organisations, administrator }
      })
      .catch(async (error) => {
        // PostgreSQL runs two setups side by side: the second meets the first's rows (its partnership,
        // or an organisation of the same short name) as the first commits. Whatever the second then
        // trips over, the truth is that Safer has just been set up.
        if (isUniqueViolation(error, 'partnership', 'id') || error instanceof ConflictError)
          throw new AlreadySetUpError()
        if (!(error instanceof AlreadySetUpError) && (await users.hasActiveAdministrator(db)))
          throw new AlreadySetUpError()
        throw error
      })
    setUp = true
    code.spend()
    return result
  }

  /** Changes the partnership's name or area afterwards: the area is checked as at setup. */
  async function updatePartnership(actor: Actor, input: unknown) {
    const v = parseInput(partnershipChanges, input)
    const area = await findLocalAuthority(v.areaCode)
    if (!area) throw new ValidationError({ areaCode: unknownArea(v.areaCode) })
    return partners.savePartnership(actor, {
      name: v.partnershipName,
      areaCode: area.code,
      areaName: area.name,
      version: v.version,
    })
  }

  return {
    isSetUp,
    complete,
    updatePartnership,
    findLocalAuthority,
    /**
     * A one-time code for the setup page, or null when Safer is set up. The server prints it at
     * start; only someone who can read the console can use the page.
     */
    async issueCode(): Promise<string | null> {
      return (await isSetUp()) ? null : code.issue()
    },
    /** Whether the code typed on the setup page is the one printed (constant time; false once set up). */
    checkCode: (typed: string) => !setUp && code.matches(typed),
  }
}

export type SetupService = ReturnType<typeof createSetupService>
