// Every template plan's text, for tests that check each of them (Vite's glob: tests only).
export const TEMPLATE_TEXTS: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../app/templates/*.plan.json', {
      eager: true,
      query: '?raw',
      import: 'default',
    }),
  ).map(([path, text]) => [path.split('/').pop()!, text]),
);
