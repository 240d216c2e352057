// Types for what test/eslint-layers.test.ts imports from eslint.config.js.
import type { ESLint, Linter } from 'eslint';

/** The `layers` plugin: `layers/allow-imports`, the import allow list of a layer. */
export declare const layers: ESLint.Plugin;
declare const config: Linter.Config[];
export default config;
