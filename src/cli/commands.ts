// Every command of `cidr-canvas`, one entry each. A command is a module exporting USAGE and
// main(argv) → exit status; it is imported only when it runs, so `validate` never loads the
// Terraform writer, and nothing here loads the designer, ELK or the picture export.
export interface Command {
  readonly USAGE: string;
  main(argv: readonly string[]): number | Promise<number>;
}

export interface CommandEntry {
  readonly name: string;
  /** One line for the tool's own usage. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'check plans against the TKE rules: findings, paths, capacity',
    load: () => import('./validate'),
  },
  {
    name: 'diff',
    summary: 'what a change of plan does: objects, findings, paths, capacity',
    load: () => import('./diff'),
  },
  {
    name: 'suggest',
    summary: 'size a new cluster and find it a free container CIDR',
    load: () => import('./suggest'),
  },
  {
    name: 'import',
    summary: 'build a plan from Terraform state, .tf files or tccli responses',
    load: () => import('./import'),
  },
  {
    name: 'export',
    summary: 'write a plan as Terraform or as a CSV address table',
    load: () => import('./export'),
  },
];
