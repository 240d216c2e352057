// Where each piece of state lives, declared once for every key (after Excalidraw's
// APP_STATE_STORAGE_CONF): adding a key without deciding fails the typecheck.
import type { AppState } from './store';

export interface StorageRule {
  /** Written to the browser's autosave. */
  readonly autosave: boolean;
  /** Part of an exported or shared plan. */
  readonly export: boolean;
  /** Changes to it are undoable. */
  readonly undo: boolean;
}

type DataKeys = {
  [K in keyof AppState]: AppState[K] extends (...args: never[]) => unknown ? never : K;
}[keyof AppState];

const DOC: StorageRule = { autosave: true, export: true, undo: true };
const VIEW: StorageRule = { autosave: true, export: false, undo: false };
const SESSION: StorageRule = { autosave: false, export: false, undo: false };

export const STATE_STORAGE: Readonly<Record<DataKeys, StorageRule>> = {
  plan: DOC,
  revision: SESSION,
  history: SESSION,
  viewport: VIEW,
  selection: SESSION,
  hoveredFinding: SESSION,
  hoveredPath: SESSION,
  showAllPaths: VIEW,
  pathFilter: SESSION,
  pathDrawLimit: SESSION,
  toasts: SESSION,
  helpOpen: SESSION,
  commandOpen: SESSION,
  focusRequest: SESSION,
  readOnly: SESSION,
  recovery: SESSION,
  review: SESSION,
  sharedView: SESSION,
  analysis: SESSION,
  validation: SESSION,
  crashReport: SESSION,
  planSource: SESSION,
  compare: SESSION,
  liveSink: SESSION,
  live: SESSION,
  myCursor: SESSION,
  myView: SESSION,
};
