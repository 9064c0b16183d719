// The explorer's build: `npm run build` (production, into client/dist, served by the app at /) and
// `npm run dev:client` (dev server with hot reload, proxying /api to the app on :8080).
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // bench.html: the canvas-vs-WebGL render benchmark the e2e run opens.
    rollupOptions: { input: { main: new URL('index.html', import.meta.url).pathname, bench: new URL('bench.html', import.meta.url).pathname } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
