import { describeCrimeIngest } from '../helpers/crime-ingest-checks.ts'
import { SHARED_CRIME_DATA } from './shared-folder.ts'

// Every police.uk and Met recorded-crime file in the full data, counted against an independent reader.
describeCrimeIngest(SHARED_CRIME_DATA)
