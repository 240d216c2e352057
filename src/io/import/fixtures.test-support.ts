// The tccli responses in examples/tccli, by call name, for the import's tests (Vite's glob:
// tests only).
import type { ImportFile } from './types';

const TEXTS: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../examples/tccli/*.json', {
      eager: true,
      query: '?raw',
      import: 'default',
    }),
  ).map(([path, text]) => [
    path
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    text,
  ]),
);

export function tccliResponse(call: string): ImportFile {
  const text = TEXTS[call];
  if (text === undefined) throw new Error(`no examples/tccli/${call}.json`);
  return { name: `${call}.json`, text };
}
