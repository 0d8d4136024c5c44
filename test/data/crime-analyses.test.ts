import { describeCrimeAnalyses } from '../helpers/crime-analyses-checks.ts'
import { SHARED_CRIME_DATA } from './shared-folder.ts'

// Southwark picked out of the whole Met's burglary and stop and search, with England and Wales's lookups.
describeCrimeAnalyses(SHARED_CRIME_DATA)
