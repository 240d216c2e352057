// Type-aware linting, zero warnings, and the dependency direction of the architecture:
// domain ← io ← worker/cli, and domain/io ← store ← canvas/panels ← app.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';

/**
 * `layers/allow-imports`: every import (static, dynamic, re-export, type) names one of
 * `packages` or a file inside one of `folders` (relative to this config).
 */
const allowImports = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          packages: { type: 'array', items: { type: 'string' } },
          folders: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: { outside: "'{{spec}}' is not allowed here: {{message}}" },
  },
  create(context) {
    const { packages, folders, message } = context.options[0];
    const roots = folders.map((f) => path.join(import.meta.dirname, f));
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const ok = spec.startsWith('.')
        ? roots.some((r) => {
            const abs = path.resolve(path.dirname(context.filename), spec);
            return abs === r || abs.startsWith(r + path.sep);
          })
        : packages.includes(spec);
      if (!ok) context.report({ node: source, messageId: 'outside', data: { spec, message } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
    };
  },
};
export const layers = { rules: { 'allow-imports': allowImports } };

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
  // The domain is an allow list: a new dependency must be added here, on purpose.
  {
    files: ['src/domain/**'],
    ignores: ['src/domain/**/*.test.ts'],
    plugins: { layers },
    rules: {
      'layers/allow-imports': [
        'error',
        {
          packages: ['ipaddr.js'],
          folders: ['src/domain'],
          message: 'src/domain is pure TypeScript: it imports only ipaddr.js and itself',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.test.ts'],
    plugins: { layers },
    rules: {
      'layers/allow-imports': [
        'error',
        {
          packages: ['ipaddr.js', 'vitest', 'fast-check'],
          folders: ['src/domain', 'src/test-support', 'bench', 'scripts'],
          message:
            "src/domain's tests import the domain, ipaddr.js, vitest, fast-check, the test support, the bench's generator and scripts",
        },
      ],
    },
  },
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
  // Like the domain, the shared document is an allow list: it runs in the browser and the server.
  {
    files: ['src/collab/**'],
    ignores: ['src/collab/**/*.test.ts'],
    plugins: { layers },
    rules: {
      'layers/allow-imports': [
        'error',
        {
          packages: ['yjs'],
          folders: ['src/domain', 'src/io', 'src/collab'],
          message: 'src/collab (the plan as a shared document) imports only the domain, io and yjs',
        },
      ],
    },
  },
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
  // An update's `set` is written out where the op is made: TypeScript checks an object literal's
  // fields against the collection (a misspelt field fails), but lets any variable of type
  // Record<string, unknown> through. Fields known only at run time go through `untypedUpdate`.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/*.test-d.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ObjectExpression:has(> Property[key.name='op'][value.value='update']) > Property[key.name='set'][value.type=/^(Identifier|MemberExpression|CallExpression)$/]",
          message:
            "Write an update's `set` as an object literal where the op is made, so the compiler checks each field; fields known only at run time go through untypedUpdate.",
        },
      ],
    },
  },
  prettier,
);
