// Builds the bare React Flow page of the canvas benchmark into dist/bare, beside the app, so that
// one preview server serves both (see playwright.config.ts). It is never part of the product.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/bare/',
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../dist/bare', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: { input: fileURLToPath(new URL('bare.html', import.meta.url)) },
  },
});
