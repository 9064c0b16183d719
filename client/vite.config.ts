// The explorer's build: `npm run build` (production, into client/dist, served by the app at /) and
// `npm run dev:client` (dev server with hot reload, proxying /api to the app on :8080).
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
