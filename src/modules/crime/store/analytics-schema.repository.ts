// The analytics store's tables (DuckDB). Created on first open; CREATE … IF NOT EXISTS keeps
// this idempotent, so a store made by an older Safer gains new tables without a migration step.
// Area keys are ONS codes throughout; names are labels kept beside them.

import { LOAD_VERSION_SCHEMA } from './load-version.repository.ts'

export const ANALYTICS_SCHEMA: string[] = [
  `CREATE SEQUENCE IF NOT EXISTS source_file_ids START 1`,
  // One row per file ingested. Rows in the fact tables point here, so each keeps its source file.
  `CREATE TABLE IF NOT EXISTS source_files (
    file_id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    force VARCHAR,
    rows INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    -- "force|YYYY-MM" for each force and month the file holds: finds older copies without a scan.
    keys VARCHAR[]
  )`,
  // data.police.uk street-level crime: one row per crime (or ASB incident) as published.
  `CREATE TABLE IF NOT EXISTS street_crimes (
    file_id INTEGER NOT NULL,
    crime_id VARCHAR,
    month DATE NOT NULL,
    reported_by VARCHAR,
    falls_within VARCHAR,
    longitude DOUBLE,
    latitude DOUBLE,
    location VARCHAR,
    lsoa_code VARCHAR,
    lsoa_name VARCHAR,
    crime_type VARCHAR,
    last_outcome VARCHAR,
    context VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS outcomes (
    file_id INTEGER NOT NULL,
    crime_id VARCHAR,
    month DATE NOT NULL,
    reported_by VARCHAR,
    falls_within VARCHAR,
    longitude DOUBLE,
    latitude DOUBLE,
    location VARCHAR,
    lsoa_code VARCHAR,
    lsoa_name VARCHAR,
    outcome_type VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS stop_searches (
    file_id INTEGER NOT NULL,
    force VARCHAR NOT NULL,
    month DATE NOT NULL,
    type VARCHAR,
    searched_at TIMESTAMPTZ,
    part_of_operation BOOLEAN,
    operation VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    gender VARCHAR,
    age_range VARCHAR,
    self_defined_ethnicity VARCHAR,
    officer_defined_ethnicity VARCHAR,
    legislation VARCHAR,
    object_of_search VARCHAR,
    outcome VARCHAR,
    outcome_linked BOOLEAN,
    removal_of_clothing BOOLEAN
  )`,
  // Met recorded crime, normalised from the wide files: one row per area × category × month.
  `CREATE TABLE IF NOT EXISTS recorded_crimes (
    file_id INTEGER NOT NULL,
    area_type VARCHAR NOT NULL,
    area_code VARCHAR,
    area_name VARCHAR NOT NULL,
    lad_code VARCHAR,
    major_category VARCHAR NOT NULL,
    minor_category VARCHAR NOT NULL,
    month DATE NOT NULL,
    count INTEGER NOT NULL
  )`,
  // ONS lookups, population, deprivation and boundaries.
  `CREATE TABLE IF NOT EXISTS lsoa_lookup (
    lsoa21_code VARCHAR PRIMARY KEY, lsoa21_name VARCHAR, ward_code VARCHAR, ward_name VARCHAR, lad_code VARCHAR, lad_name VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS lsoa11_lookup (
    lsoa11_code VARCHAR, lsoa11_name VARCHAR, lsoa21_code VARCHAR, lsoa21_name VARCHAR, change VARCHAR, lad_code VARCHAR, lad_name VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS population (lsoa21_code VARCHAR, year INTEGER, population INTEGER, PRIMARY KEY (lsoa21_code, year))`,
  `CREATE TABLE IF NOT EXISTS population_lsoa11_ages (
    lsoa11_code VARCHAR, year INTEGER, persons INTEGER, aged_0_15 INTEGER, aged_16_29 INTEGER, aged_30_44 INTEGER,
    aged_45_64 INTEGER, aged_65_plus INTEGER, PRIMARY KEY (lsoa11_code, year)
  )`,
  `CREATE TABLE IF NOT EXISTS imd (
    lsoa11_code VARCHAR PRIMARY KEY, lad_code VARCHAR, score DOUBLE, rank INTEGER, decile INTEGER,
    income_decile INTEGER, employment_decile INTEGER, education_decile INTEGER, health_decile INTEGER,
    crime_decile INTEGER, housing_decile INTEGER, environment_decile INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS imd_population (lsoa11_code VARCHAR PRIMARY KEY, total INTEGER, aged_0_15 INTEGER, aged_16_59 INTEGER, aged_60_plus INTEGER)`,
  `CREATE TABLE IF NOT EXISTS boundaries (
    area_type VARCHAR, code VARCHAR, name VARCHAR, geometry VARCHAR,
    min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE, PRIMARY KEY (area_type, code)
  )`,
  // Derived, rebuilt after every areas import: any LSOA code police.uk uses (2021, or an older
  // 2011 code) → its 2021 LSOA, ward and local authority; and each 2021 LSOA's IMD 2019 decile.
  `CREATE TABLE IF NOT EXISTS lsoa_map (code VARCHAR PRIMARY KEY, lsoa21_code VARCHAR, ward_code VARCHAR, lad_code VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS lsoa21_imd (lsoa21_code VARCHAR PRIMARY KEY, decile INTEGER, score DOUBLE)`,
  // Stop and search has coordinates but no LSOA: each distinct point is placed once.
  `CREATE TABLE IF NOT EXISTS point_lsoa (latitude DOUBLE, longitude DOUBLE, lsoa21_code VARCHAR, PRIMARY KEY (latitude, longitude))`,
  ...LOAD_VERSION_SCHEMA,
]

/** Tables that hold crime records, emptied by a reset (the demo loader). */
export const FACT_TABLES = [
  'street_crimes',
  'outcomes',
  'stop_searches',
  'recorded_crimes',
  'source_files',
  'point_lsoa',
]
export const AREA_TABLES = [
  'lsoa_lookup',
  'lsoa11_lookup',
  'population',
  'population_lsoa11_ages',
  'imd',
  'imd_population',
  'boundaries',
  'lsoa_map',
  'lsoa21_imd',
]
