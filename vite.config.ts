import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // ipaddr.js is only imported inside the worker; without this the dev server discovers it late
  // and reloads the page mid-session.
  optimizeDeps: { include: ['ipaddr.js', 'valibot'] },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
