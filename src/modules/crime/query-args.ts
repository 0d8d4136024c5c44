// The options every crime query command takes, and what they mean to the crime service.

export const queryOptions = {
  source: { type: 'string' },
  area: { type: 'string' },
  'area-type': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'crime-type': { type: 'string' },
  json: { type: 'boolean' },
} as const

/** The area, period, source and crime type as typed: what counts, rate and change share. */
export function queryFrom(values: {
  source?: string
  area?: string
  'area-type'?: string
  from?: string
  to?: string
  'crime-type'?: string
}) {
  return {
    source: values.source,
    area: values.area,
    areaType: values['area-type'],
    from: values.from,
    to: values.to,
    crimeType: values['crime-type'],
  }
}
