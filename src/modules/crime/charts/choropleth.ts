// The choropleth is drawn in src/shared/charts/, where the tasking briefing draws its hotspot map too.
export { choropleth, classBreaks, type MapArea } from '../../../shared/charts/choropleth.ts'
