import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import kamers from './scripts/eslint/kamers.js';

/**
 * The house rule of ARCHITECTURE.md, enforced as VS Code enforces its layers: code flows inward
 * to `shared/`, never sideways. Each relative import is resolved (scripts/eslint/kamers.js);
 * `shared/` takes packages from an allow-list only, so it stays free of Node, DOM and Electron.
 */
const KAMERS = {
  shared: { mag: ['shared'], pakketten: ['zod'] },
  main: { mag: ['main', 'shared'] },
  renderer: { mag: ['renderer', 'shared'] },
  server: { mag: ['server', 'shared'] },
};

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
    plugins: { pib: kamers },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      'pib/kamers': ['error', { wortel: import.meta.dirname, kamers: KAMERS }],
      // What the static security scan (tests/unit/main/beveiligingsscan.test.ts) once matched with regexes.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'vue/no-v-html': 'error',
    },
  },
  {
    // Typed linting: a promise nobody awaits loses its rejection, one passed where a callback
    // returns void is never awaited. Both need the types, so only for the TypeScript of the
    // two projects (tsconfig.json: main, server, shared, tests, scripts; tsconfig.renderer.json).
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './tsconfig.renderer.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  { files: ['shared/**/*.ts'], languageOptions: { globals: {} } },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs'],
    // Tests read JSON answers of every shape and assert on them; typing each would only restate the schemas.
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
