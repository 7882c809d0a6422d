import { createRouter, createWebHashHistory } from 'vue-router'
import InboxView from './views/InboxView.vue'

export const savedViews = ['inbox', 'mine', 'unassigned', 'closed', 'outbox'] as const
export type SavedView = (typeof savedViews)[number]

/** Hash history: the same URLs work from app:// in Electron and from the preview server. */
export function createAppRouter() {
  return createRouter({
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
      { path: '/:unknown(.*)*', redirect: '/view/inbox' },
    ],
  })
}
