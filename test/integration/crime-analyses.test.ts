import { describeCrimeAnalyses } from '../helpers/crime-analyses-checks.ts'
import { REPOSITORY_CRIME_DATA } from '../helpers/crime-data.ts'

// The Southwark demo extract; the same checks over the full files: test/data/crime-analyses.test.ts.
describeCrimeAnalyses(REPOSITORY_CRIME_DATA)
