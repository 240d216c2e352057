// The domain's import allow list (eslint.config.js, `layers/allow-imports`) refuses what is not
// on it, whatever form the import takes, and lets the domain import itself and ipaddr.js.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layers } from '../eslint.config.js';

const root = new URL('..', import.meta.url).pathname;

function problems(code: string, file: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { layers },
        rules: {
          'layers/allow-imports': [
            'error',
            { packages: ['ipaddr.js'], folders: ['src/domain'], message: 'domain only' },
          ],
        },
      },
    ],
    { filename: `${root}${file}` },
  );
  return messages.map((m) => m.message);
}

describe('layers/allow-imports', () => {
  it('lets the domain import ipaddr.js and its own files', () => {
    const code = [
      "import ip from 'ipaddr.js';",
      "import { cidrOf } from '../ip/cidr';",
      "export * from './paths';",
      'export const x = [ip, cidrOf];',
    ].join('\n');
    expect(problems(code, 'src/domain/routing/x.ts')).toEqual([]);
  });

  it('refuses packages and files outside the domain in every import form', () => {
    const code = [
      "import { useState } from 'react';",
      "import fs from 'node:fs';",
      "import { parsePlan } from '../../io/schema';",
      "export * from '../../store/app-store';",
      "export type T = import('../../worker/protocol').ToWorker;",
      "export const y = [useState, fs, parsePlan, () => import('zustand')];",
    ].join('\n');
    const found = problems(code, 'src/domain/routing/x.ts');
    expect(found).toHaveLength(6);
    for (const spec of ['react', 'node:fs', '../../io/schema', '../../store/app-store'])
      expect(found).toContain(`'${spec}' is not allowed here: domain only`);
  });
});
