import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';

/**
 * The house rule of ARCHITECTURE.md, enforced as VS Code enforces its layers: code flows inward
 * to `shared/`, never sideways. `shared/` imports nothing of ours and nothing platform-specific.
 */
const kamer = (naam) => [`**/${naam}`, `**/${naam}/**`];
const verboden = (kamers, extra = []) => ({
  'no-restricted-imports': ['error', {
    patterns: [
      ...kamers.map((k) => ({ group: kamer(k), message: `ARCHITECTURE.md: deze kamer importeert niet uit ${k}/; alleen uit shared/ en zichzelf.` })),
      ...extra,
    ],
  }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'data/', 'test-results/', 'playwright-report/', 'scripts/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] }, globals: { ...globals.browser } },
    rules: { 'vue/max-attributes-per-line': 'off', 'vue/singleline-html-element-content-newline': 'off', 'vue/html-self-closing': 'off' },
  },
  { files: ['renderer/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: verboden(['main', 'renderer', 'server'], [
      { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'electron', 'better-sqlite3', 'fastify', 'vue', 'pinia', 'vuetify', 'dexie', 'axios'], message: 'shared/ is puur: geen Node, DOM, Electron of andere platformcode.' },
    ]),
  },
  { files: ['server/**/*.ts'], rules: verboden(['main', 'renderer']) },
  { files: ['main/**/*.ts'], rules: verboden(['renderer', 'server']) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.vue'], rules: verboden(['main', 'server']) },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    // Tests read JSON answers of every shape and assert on them; typing each would only restate the schemas.
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
