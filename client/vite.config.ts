// The explorer's build: `npm run build` (production, into client/dist, served by the app at /) and
// `npm run dev:client` (dev server with hot reload, proxying /api to the app on :8080).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what the server publishes (the app also refuses to serve *.map).
    sourcemap: false,
    // Lazy chunks: the Cypher editor (Neo4j's parser, 1.6 MB) and its lint worker (Neo4j's semantic analysis, 6 MB).
    chunkSizeWarningLimit: 7000,
    // bench.html: the canvas-vs-WebGL render benchmark the e2e run opens.
    rollupOptions: {
      input: { main: fileURLToPath(new URL('index.html', import.meta.url)), bench: fileURLToPath(new URL('bench.html', import.meta.url)) },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
