// The stages of opening a plan file, named apart from the stages' work, which runs in the open
// worker: the page's progress needs the names, not the analysis and layout behind them.
export const STAGES = ['reading', 'parsing', 'laying out', 'validating', 'drawing'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  reading: 'Reading the file',
  parsing: 'Parsing',
  'laying out': 'Laying out',
  validating: 'Validating',
  drawing: 'Drawing',
};

export type OpenInput = { readonly file: Blob } | { readonly text: string };
