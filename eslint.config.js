// Lint: typescript-eslint's recommended rules for every TypeScript file, lit and web-component rules
// for the widget. Formatting is prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.wrangler/',
      '.tsbuild/',
      'test-results/',
      'widget/locales/',
      'worker/worker-configuration.d.ts',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['widget/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Tests read JSON bodies of many shapes and use chai's property assertions (`expect(x).to.be.true`).
    files: ['**/*.test.ts', 'test/**/*.ts', 'widget/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['widget/**/*.ts', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
