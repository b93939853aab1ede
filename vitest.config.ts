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
    // A unit test answers in well under a second; 10 s leaves room for a loaded 2-core machine.
    // Files that start processes or servers raise it for themselves (`vi.setConfig`, `{ timeout }`).
    testTimeout: 10_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['vuetify'] } },
  },
});
