import vue from '@vitejs/plugin-vue';
import vuetify from 'vite-plugin-vuetify';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer tests mount real Vue components with Vuetify; they pick happy-dom per file
  // (`// @vitest-environment happy-dom`), the rest runs in Node.
  plugins: [vue(), vuetify({ autoImport: true })],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    reporters: ['default', './tests/support/samenvatting.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['vuetify'] } },
  },
});
