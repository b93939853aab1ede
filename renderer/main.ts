import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createVuetify } from 'vuetify';
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg';
import { nl } from 'vuetify/locale';
import 'vuetify/styles';
import App from './App.vue';
import { vangOnverwacht } from './onverwacht';
import { maakRouter } from './router';
import { useCacheStore } from './stores/cache';
import { useSessieStore } from './stores/sessie';

// The host and the app protocol put a fresh nonce in the page; Vuetify's theme style sheet carries
// it, so the CSP needs no 'unsafe-inline'.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

const vuetify = createVuetify({
  locale: { locale: 'nl', messages: { nl } },
  date: { locale: { nl: 'nl-NL' } },
  icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
  theme: {
    ...(nonce && nonce !== '__CSP_NONCE__' ? { cspNonce: nonce } : {}),
    defaultTheme: 'pib',
    themes: {
      pib: {
        dark: false,
        colors: { primary: '#154273', secondary: '#01689b', error: '#b00020', warning: '#8a5300', success: '#2e7d32', info: '#01689b', surface: '#ffffff', background: '#f5f7fa' },
        // WCAG 2.1 AA: labels, hints and secondary text need 4.5:1, more than Vuetify's default emphasis gives.
        variables: { 'medium-emphasis-opacity': 0.78, 'high-emphasis-opacity': 0.92, 'disabled-opacity': 0.62 },
      },
    },
  },
});

const app = createApp(App);
vangOnverwacht(app);
app.use(createPinia());
// Policy first (lock and retention times), then retention: an unused cache goes before anyone logs in.
const cacheStore = useCacheStore();
await cacheStore.laadBeleid();
await cacheStore.ruimOp().catch(() => {
  cacheStore.hersteld = 'Het opruimen van oude gegevens op deze computer is mislukt. De applicatie probeert het bij de volgende start opnieuw.';
});
await useSessieStore().herstel();
app.use(maakRouter());
app.use(vuetify);
app.mount('#app');
