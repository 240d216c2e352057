// Reading the files a person picked or dropped, importing them in a worker, and merging the
// result into the plan as one undoable step. The current plan changes only when the import
// succeeds whole.
import { mergeImported } from '../../io/import/merge';
import type { ImportFile, ImportProblem, ImportReport } from '../../io/import/types';
import { useAppStore } from '../../store/app-store';
import type { ImportResult } from '../../io/import/types';

/** Files larger than this are refused before they are read (a 100,000-resource state is ~60 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; report: ImportReport; added: number; updated: number; unchanged: number }
  | { ok: false; problems: readonly ImportProblem[] };

function inWorker(files: ImportFile[]): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ result?: ImportResult; crash?: string }>) => {
      worker.terminate();
      if (e.data.result) resolve(e.data.result);
      else reject(new Error(e.data.crash ?? 'the import stopped'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the import stopped'));
    };
    worker.postMessage({ files });
  });
}

export async function importIntoPlan(picked: readonly File[]): Promise<ImportOutcome> {
  const big = picked.find((f) => f.size > MAX_IMPORT_BYTES);
  if (big)
    return {
      ok: false,
      problems: [
        {
          where: big.name,
          message: `${(big.size / 1048576).toFixed(0)} MB: files up to ${MAX_IMPORT_BYTES / 1048576} MB can be imported`,
        },
      ],
    };
  const files = await Promise.all(
    picked.map(async (f) => ({ name: f.name, text: await f.text() })),
  );
  let result: ImportResult;
  try {
    result = await inWorker(files);
  } catch (e) {
    return { ok: false, problems: [{ where: 'import', message: (e as Error).message }] };
  }
  if (!result.ok) return result;
  const s = useAppStore.getState();
  const merged = mergeImported(s.plan, result.plan);
  if (merged.ops.length > 0 && !s.apply(merged.ops, { label: 'Import' }))
    return {
      ok: false,
      problems: [{ where: 'import', message: 'the imported objects do not fit the current plan' }],
    };
  return {
    ok: true,
    report: result.report,
    added: merged.added,
    updated: merged.updated,
    unchanged: merged.unchanged,
  };
}
