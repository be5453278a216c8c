import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverUrl = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically in one chunk (it loads on every page
        // anyway): fewer, better-compressed files for a phone (scripts/check-bundle.mjs).
        codeSplitting: { groups: [{ name: 'phone', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
      '/yjs': { target: serverUrl, ws: true },
    },
  },
});
