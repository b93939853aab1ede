import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import vuetify from 'vite-plugin-vuetify';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve('main/electron/main.ts') }, external: ['electron'] },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron` and a few Node built-ins: zod and the
      // contract are bundled into it, not left as require() calls that fail in the sandbox.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve('main/preload.ts') }, external: ['electron'], output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: '/',
    plugins: [vue(), vuetify({ autoImport: true })],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
