/** Builds the web app into packages/web/dist, which the server serves at '/'; in dev, /api goes to a running server. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': process.env.DUIXIAN_API ?? 'http://127.0.0.1:3000' } },
});
