import { EVERYONE } from '../../access/roles.ts'
import { paths } from '../../web/paths.ts'
import { type HomeCard, pages, type SaferModule } from '../module.ts'
import { homeRoutes } from './routes.ts'

const permissions = {
  'home:view': EVERYONE,
} as const

/** The signed-in home page: a card for each part of Safer the person's role may use. */
export const homeModule: SaferModule<typeof permissions> = {
  name: 'home',
  permissions,
  pages: [
    pages([], (app, _services, { modules }) => {
      const cards: HomeCard[] = modules.flatMap((m) => m.home ?? []).sort((a, b) => a.order - b.order)
      homeRoutes(app, cards)
    }),
  ],
  navigation: [{ text: 'Home', href: paths.home(), needs: 'home:view', order: 10 }],
}
