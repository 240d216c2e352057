// Import runs here, off the page: a 100,000-resource state takes seconds to read, and the
// canvas stays responsive meanwhile. The reply is the whole result (a plan or problems).
import { importFiles } from '../../io/import/import';
import type { ImportFile } from '../../io/import/types';

self.onmessage = (e: MessageEvent<{ files: ImportFile[] }>) => {
  importFiles(e.data.files).then(
    (result) => self.postMessage({ result }),
    (error: unknown) =>
      self.postMessage({ crash: error instanceof Error ? error.message : String(error) }),
  );
};
