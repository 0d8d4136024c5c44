import type { FastifyInstance } from 'fastify'
import { type Action, can } from '../auth/permissions.ts'
import { paths } from '../../web/paths.ts'

interface Card {
  title: string
  href: string
  text: string
  needs: Action
}

// What a signed-in person can go to from the home page; modules add theirs as they arrive.
const CARDS: Card[] = [
  { title: 'Delivery plans', href: paths.plans.list(), text: 'Strategies and action plans: who is doing what, by when, and how it is going.', needs: 'plans:view' },
  { title: 'My actions', href: paths.plans.myActions(), text: 'The deliverables you lead, with a progress update for each.', needs: 'plans:update-own' },
  { title: 'Crime and disorder', href: paths.crime.overview(), text: 'Crime by type, month and area, hotspot maps, serious violence, deprivation, and stop and search.', needs: 'crime:view' },
  { title: 'Strategic assessment', href: paths.assessment.form(), text: 'Draft the annual strategic assessment from the published data, as a Word document.', needs: 'assessment:build' },
  { title: 'Partner organisations', href: paths.admin.organisations(), text: 'The council, police, probation, health, fire and voluntary partners.', needs: 'organisations:view' },
  { title: 'People', href: paths.admin.people(), text: 'Named leads and board members, whether or not they use Safer.', needs: 'people:view' },
  { title: 'Users', href: paths.admin.users(), text: 'Who can sign in, with which role.', needs: 'users:view' },
  { title: 'Audit log', href: paths.admin.audit(), text: 'Who did what and when, with a tamper check.', needs: 'audit:view' },
  { title: 'Your account', href: paths.account.show(), text: 'Change your password and manage API tokens.', needs: 'account:manage' },
]

export function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { permission: 'home:view' } }, async (request, reply) => {
    const user = request.user
    if (!user) return reply.redirect(paths.signIn())
    return reply.page('home/views/home.njk', { pageTitle: 'Home', cards: CARDS.filter((c) => can(user.role, c.needs)) })
  })
}
