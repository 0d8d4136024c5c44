import { ValidationError } from '../../shared/errors.ts'
import { ORGANISATION_TYPES, type OrganisationType } from '../../shared/organisation-types.ts'

export interface OrganisationLine {
  shortName: string
  name: string
  type: OrganisationType
}

const EXAMPLE =
  'Write each as SHORT=Name, with its type in brackets if you like: MPS=Metropolitan Police Service (police)'

/**
 * One organisation as an operator types it after --organisation, or on a line of the setup page:
 * `LBS=London Borough of Southwark (council)`. The bracketed type is read only when it is one of
 * the types Safer knows, so "Clinical Commissioning Group (CCG)" keeps its brackets in the name.
 */
export function parseOrganisationLine(text: string, field = 'organisations'): OrganisationLine {
  const at = text.indexOf('=')
  const shortName = text.slice(0, at).trim()
  let name = text.slice(at + 1).trim()
  if (at < 1 || !shortName || !name)
    throw new ValidationError({ [field]: `"${text.trim()}" is not an organisation. ${EXAMPLE}` })
  let type: OrganisationType = 'other'
  const bracket = name.match(/\s*\(([^()]+)\)$/)
  const typed = bracket?.[1]?.trim().toLowerCase()
  if (bracket && typed && (ORGANISATION_TYPES as readonly string[]).includes(typed)) {
    type = typed as OrganisationType
    name = name.slice(0, bracket.index).trim()
  }
  return { shortName, name, type }
}

/** Every non-blank line of a box on a form, as organisations. */
export function parseOrganisationLines(text: string, field = 'organisations'): OrganisationLine[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => parseOrganisationLine(line, field))
}
