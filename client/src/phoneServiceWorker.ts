/**
 * The phone page's service worker (built by vite-plugin-pwa with Workbox, vite.config.ts): keeps
 * the page and its scripts so a phone that reloads with no network still opens its workshop.
 * Browsers allow one only in a secure context (HTTPS, or localhost): on a venue's plain-http Wi-Fi
 * nothing is registered and the page works as it always has. The worker takes over at once
 * (skipWaiting, clientsClaim) and the page itself always comes from the network when there is one,
 * so an upgrade never leaves a phone on old HTML (docs/offline.md).
 */

/** The worker's cache of pages (same name in vite.config.ts). */
const PAGES_CACHE = 'gommette-phone-pages';

/** After the first screen: the worker's downloads must not compete with it on a slow link. */
const REGISTER_AFTER_LOAD_MS = 2_000;

export function registerPhoneServiceWorker(): void {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker
      .register('/phone-sw.js', { scope: '/j' })
      .then(() => navigator.serviceWorker.ready)
      // The first visit's page came before the worker: keep this page now, so that reopening this
      // very link with no network works from the first visit on (the worker refreshes it on each
      // visit with a network).
      .then(() => caches.open(PAGES_CACHE))
      .then((cache) => cache.add(window.location.pathname))
      .catch(() => undefined);
  window.addEventListener('load', () => setTimeout(register, REGISTER_AFTER_LOAD_MS), { once: true });
}
