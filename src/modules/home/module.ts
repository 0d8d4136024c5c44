import { EVERYONE } from '../../access/roles.ts'
import { paths } from '../../web/paths.ts'
import { type HomeCard, pages, type SaferModule } from '../module.ts'
import { homeRoutes } from './routes.ts'

const permissions = {
  'home:view': EVERYONE,
} as const

/**
 * The signed-in home page: the person's own work that needs them, where the plans need chasing
 * (for those who manage them), and a card for each part of Safer the person's role may use.
 */
export const homeModule: SaferModule<typeof permissions> = {
  name: 'home',
  permissions,
  pages: [
    pages(['deliverables', 'plans', 'cases'], (app, services, { modules, config }) => {
      const cards: HomeCard[] = modules.flatMap((m) => m.home ?? []).sort((a, b) => a.order - b.order)
      homeRoutes(app, services, cards, config.planStaleDays)
    }),
  ],
  navigation: [{ text: 'Home', href: paths.home(), needs: 'home:view', order: 10 }],
}
