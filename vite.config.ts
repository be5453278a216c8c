import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const serverUrl = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

/**
 * Two builds into dist/client (`npm run build:client`, docs/client.md):
 * - `vite build`: the staff's pages and the kiosk (index.html, React: the board needs react-konva);
 * - `vite build --mode phone`: the resident's phone page (phone.html, served for /j and /j/…), on
 *   Preact through its React compatibility layer (about 50 KB lighter on the wire), with its own
 *   service worker (scope /j/) so a phone that reloads with no network still sees its workshop.
 */
export default defineConfig(({ mode }): UserConfig => {
  const phone = mode === 'phone';
  const base: UserConfig = {
    root: 'client',
    plugins: [react()],
    build: {
      outDir: '../dist/client',
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        output: {
          // Everything the first screen imports statically in one chunk (it loads on every page
          // anyway): fewer, better-compressed files (scripts/check-bundle.mjs).
          codeSplitting: { groups: [{ name: 'main', tags: ['$initial'] }] },
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
  };
  if (!phone) return base;
  return {
    ...base,
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
        // i18next's API as Gommette uses it, in 1 KB (client/src/i18n/lite, checked against i18next).
        { find: /^i18next$/, replacement: fileURLToPath(new URL('client/src/i18n/lite/i18next.ts', import.meta.url)) },
        { find: /^react-i18next$/, replacement: fileURLToPath(new URL('client/src/i18n/lite/reactI18next.tsx', import.meta.url)) },
      ],
    },
    plugins: [
      react(),
      VitePWA({
        // Registered by the page itself (client/src/phone/serviceWorker.ts), only in a secure context.
        injectRegister: false,
        registerType: 'autoUpdate',
        filename: 'phone-sw.js',
        scope: '/j',
        includeAssets: [],
        manifest: {
          id: '/j',
          name: 'Gommette',
          short_name: 'Gommette',
          description: 'Gommette : donne ton idée pour ton quartier.',
          lang: 'fr',
          start_url: '/j',
          scope: '/j',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#0b5cad',
          icons: [
            { src: '/icons/gommette-192.png', sizes: '192x192', type: 'image/png' },
            { src: '/icons/gommette-512.png', sizes: '512x512', type: 'image/png' },
            { src: '/icons/gommette-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // Only the phone's own files: its scripts, styles, words and icons (never the staff's).
          globPatterns: ['assets/phone/**/*.{js,css}', 'icons/*.png', 'favicon.svg'],
          // The staff's words are never needed on a phone (the glob of parts includes them).
          globIgnores: ['**/*.map', 'assets/phone/staff-*.js'],
          maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
          cleanupOutdatedCaches: true,
          skipWaiting: true,
          clientsClaim: true,
          // The page itself: always from the network when there is one (a new version at once),
          // the last copy seen when there is none. Never an API answer: those stay on the network.
          navigateFallback: null,
          runtimeCaching: [
            {
              urlPattern: ({ request, url }) => request.mode === 'navigate' && /^\/j(\/[^/]*)?$/.test(url.pathname),
              handler: 'NetworkFirst',
              options: {
                cacheName: 'gommette-phone-pages', // as in client/src/phoneServiceWorker.ts
                networkTimeoutSeconds: 6,
                // The page varies with the language (Vary: Accept-Language, Cookie); offline, the last one seen
                // will do (the page then applies the language chosen on this phone).
                matchOptions: { ignoreVary: true },
                expiration: { maxEntries: 10 },
                cacheableResponse: { statuses: [200] },
              },
            },
            {
              // The scripts of an earlier version that a page kept above still names (hashed: never change).
              urlPattern: ({ url }) => url.pathname.startsWith('/assets/phone/'),
              handler: 'CacheFirst',
              options: { cacheName: 'gommette-phone-assets', expiration: { maxEntries: 80 }, cacheableResponse: { statuses: [200] } },
            },
          ],
        },
      }),
    ],
    build: {
      ...base.build,
      emptyOutDir: false,
      assetsDir: 'assets/phone',
      rolldownOptions: {
        input: 'client/phone.html',
        output: { codeSplitting: { groups: [{ name: 'phone', tags: ['$initial'] }] } },
      },
    },
  };
});
