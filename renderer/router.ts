import { createRouter, createWebHistory, type RouteRecordRaw, type RouterScrollBehavior } from 'vue-router';
import { useSessieStore } from './stores/sessie';

/** One route per screen of the portal, named as the handbook names the screen. */
export const routes: RouteRecordRaw[] = [
  { path: '/inloggen', name: 'inloggen', component: () => import('./views/InloggenView.vue'), meta: { open: true, titel: 'Inloggen' } },
  { path: '/', name: 'inburgering', component: () => import('./views/InburgeringView.vue'), meta: { titel: 'Inburgering' } },
  { path: '/personen', name: 'zoeken-personen', component: () => import('./views/ZoekenPersonenView.vue'), meta: { titel: 'Zoeken personen WI2013' } },
  { path: '/personen/gevonden', name: 'gevonden-personen', component: () => import('./views/GevondenPersonenView.vue'), meta: { titel: 'Gevonden personen' } },
  { path: '/personen/:id', name: 'persoon', component: () => import('./views/PersoonView.vue'), meta: { titel: 'Persoon' } },
  { path: '/personen/:id/pvt', name: 'pvt-wijzigen', component: () => import('./views/PvtWijzigenView.vue'), meta: { titel: 'PVT gegevens wijzigen' } },
  { path: '/personen/:id/factuur', name: 'factuur-wijzigen', component: () => import('./views/FactuurWijzigenView.vue'), meta: { titel: 'Factuur wijzigen' } },
  { path: '/signalen', name: 'zoeken-signalen', component: () => import('./views/ZoekenSignalenView.vue'), meta: { titel: 'Zoeken signalen WI2013' } },
  { path: '/signalen/gevonden', name: 'selecteren-signalen', component: () => import('./views/SelecterenSignalenView.vue'), meta: { titel: 'Selecteren signalen WI2013' } },
  { path: '/bestanden', name: 'downloaden-bestanden', component: () => import('./views/DownloadenBestandenView.vue'), meta: { titel: 'Downloaden' } },
  { path: '/wet', name: 'zoeken-wet', component: () => import('./views/ZoekenWetView.vue'), meta: { titel: 'Zoeken wet inburgering' } },
  { path: '/waardepapieren', name: 'waardepapieren-bestellen', component: () => import('./views/WaardepapierenBestellenView.vue'), meta: { titel: 'Waardepapieren bestellen' } },
  { path: '/lokale-gegevens', name: 'lokale-gegevens', component: () => import('./views/LokaleGegevensView.vue'), meta: { titel: 'Lokale gegevens' } },
  { path: '/wachtrij', name: 'wachtrij', component: () => import('./views/WachtrijView.vue'), meta: { titel: 'Wachtrij' } },
  // Open before login too: IT checks a machine's settings without an account (issue #11).
  { path: '/instellingen', name: 'instellingen', component: () => import('./views/InstellingenView.vue'), meta: { open: true, titel: 'Instellingen' } },
  { path: '/contact', name: 'contact', component: () => import('./views/ContactView.vue'), meta: { titel: 'Contact met DUO' } },
  { path: '/:pad(.*)*', redirect: '/' },
];

/** Waits (at most a second) until the page is tall enough to scroll to `top`: a list renders after the route. */
async function wachtOpHoogte(top: number): Promise<void> {
  const tot = Date.now() + 1_000;
  while (document.documentElement.scrollHeight < top + window.innerHeight && Date.now() < tot) {
    await new Promise((klaar) => requestAnimationFrame(klaar));
  }
}

/**
 * Issue 13, point 1: every new screen starts at its top; "back" (and forward) returns to where the
 * user was on that screen, a list at its own position; a change of only the query on the same
 * screen (a tab, a page of results, the sort) leaves the scroll alone.
 */
export const scrollGedrag: RouterScrollBehavior = async (naar, van, bewaard) => {
  if (bewaard) {
    await wachtOpHoogte(bewaard.top);
    return bewaard;
  }
  if (naar.path === van.path) return false;
  return { top: 0, left: 0 };
};

export function maakRouter() {
  const router = createRouter({ history: createWebHistory(), routes, scrollBehavior: scrollGedrag });
  router.beforeEach((naar) => {
    const sessie = useSessieStore();
    if (!naar.meta.open && !sessie.gebruiker) return { name: 'inloggen', query: naar.fullPath !== '/' ? { terug: naar.fullPath } : {} };
    if (naar.name === 'inloggen' && sessie.gebruiker) return { name: 'inburgering' };
    return true;
  });
  router.afterEach((naar) => {
    document.title = `${String(naar.meta.titel ?? 'Portal Inburgering')} – Portal Inburgering`;
  });
  // Once the user is in, every screen's code is loaded in the browser's idle time: the first BSN
  // typed at the counter does not wait for the person screen's code to arrive and compile. A
  // screen that fails to load here is loaded again (and its failure shown) when it is opened.
  let vooruitGeladen = false;
  router.afterEach((naar) => {
    if (vooruitGeladen || naar.meta.open) return;
    vooruitGeladen = true;
    requestIdleCallback(() => {
      for (const r of routes) if (typeof r.component === 'function') (r.component as () => Promise<unknown>)().catch(() => undefined);
    });
  });
  return router;
}
