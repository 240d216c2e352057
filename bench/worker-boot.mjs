// Entry of the benchmark's worker thread. On Node 20, `execArgv: ['--import', 'tsx']` does not
// reach a worker's module loader (Node fixed that in 22.2), so the worker registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker-host.ts');
