import { createRouter, createWebHashHistory } from 'vue-router'
import { sessionRedirect } from './signIn/sessionRoutes'
import InboxView from './views/InboxView.vue'

export const savedViews = ['inbox', 'mine', 'unassigned', 'closed', 'outbox'] as const
export type SavedView = (typeof savedViews)[number]

/** What the router needs to know about the session; the session store provides it. */
export interface SessionGate {
  load(): Promise<void>
  readonly isSignedIn: boolean
}

/** Hash history: the same URLs work from app:// in Electron and from the preview server. */
export function createAppRouter(session: SessionGate) {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', redirect: '/view/inbox' },
      {
        path: '/view/:view(inbox|mine|unassigned|closed|outbox)',
        name: 'view',
        component: InboxView,
        props: true,
      },
      { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue') },
      {
        path: '/settings/:section(accounts|commbox|shortcuts|preferences|data)?',
        name: 'settings',
        component: () => import('./views/SettingsView.vue'),
        props: true,
      },
      { path: '/library/canned', name: 'canned', component: () => import('./components/library/CannedLibraryPage.vue') },
      { path: '/library/tags', name: 'tags', component: () => import('./components/library/TagLibraryPage.vue') },
      { path: '/:unknown(.*)*', redirect: '/view/inbox' },
    ],
  })
  router.beforeEach(async (to) => {
    await session.load()
    return sessionRedirect(to, session.isSignedIn)
  })
  return router
}
