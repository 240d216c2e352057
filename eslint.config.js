// Type-aware linting, zero warnings, and the dependency direction of the architecture:
// domain ← io ← worker/cli, and domain/io ← store ← canvas/panels ← app.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'cli/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.scratch',
      'test/scenarios/check.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['src/domain/**'],
    [
      'react',
      'react-dom',
      'zustand',
      '@xyflow/*',
      '**/io/*',
      '**/store/*',
      '**/worker/*',
      '**/canvas/*',
      '**/panels/*',
      '**/app/*',
      '**/cli/*',
      'node:*',
    ],
    'src/domain is pure TypeScript: it imports only ipaddr.js and itself.',
  ),
  layer(
    ['src/io/**'],
    [
      'react',
      'react-dom',
      'zustand',
      '@xyflow/*',
      '**/store/*',
      '**/worker/*',
      '**/canvas/*',
      '**/panels/*',
      '**/app/*',
      '**/cli/*',
      'node:*',
    ],
    'src/io depends only on src/domain.',
  ),
  layer(
    ['src/worker/**'],
    [
      'react',
      'react-dom',
      'zustand',
      '@xyflow/*',
      '**/store/*',
      '**/canvas/*',
      '**/panels/*',
      '**/app/*',
    ],
    'The worker runs the domain core; it knows nothing of the UI.',
  ),
  layer(
    ['src/store/**'],
    ['react-dom', '@xyflow/*', '**/canvas/*', '**/panels/*', '**/app/*', '**/cli/*'],
    'The store holds state; components import it, not the other way round.',
  ),
  layer(
    ['src/canvas/**'],
    ['**/panels/*', '**/worker/*', '**/app/*'],
    'The canvas talks to the store only.',
  ),
  layer(
    ['src/panels/**'],
    ['**/canvas/*', '**/worker/*', '**/app/*'],
    'Panels talk to the store only.',
  ),
  layer(
    ['src/collab/**'],
    [
      'react',
      'react-dom',
      'zustand',
      '@xyflow/*',
      '**/store/*',
      '**/worker/*',
      '**/canvas/*',
      '**/panels/*',
      '**/app/*',
      '**/cli/*',
      '**/server/*',
      'node:*',
    ],
    'src/collab (the plan as a shared document) runs in the browser and the server: domain, io and yjs only.',
  ),
  layer(
    ['src/server/**'],
    [
      'react',
      'react-dom',
      'zustand',
      '@xyflow/*',
      '**/store/*',
      '**/canvas/*',
      '**/panels/*',
      '**/app/*',
    ],
    'The workspace server is built on domain, io and collab, like the CLI.',
  ),
  prettier,
);
