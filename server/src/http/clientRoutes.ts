import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';
import { ErrorCode, PAGE_LANGUAGES, acceptedLanguages, languageCookie, languageCookieName, pickLanguage } from '@gommette/shared';
import type { Request } from 'express';
import { sendError } from './errors';

/** The resident's phone page, `/j` and `/j/<code>`: phone.html, built apart and lighter (docs/client.md). */
export const PHONE_PAGE = /^\/j(?:\/[^/]*)?\/?$/;

/**
 * The HTML file that a page path opens: phone.html for the phone's paths (when built), index.html
 * (the staff's pages, the kiosk, the client's own "page not found") for every other.
 */
export function pageFileFor(clientDir: string, pagePath: string): string {
  const phoneFile = path.resolve(clientDir, 'phone.html');
  return PHONE_PAGE.test(pagePath) && fs.existsSync(phoneFile) ? phoneFile : path.resolve(clientDir, 'index.html');
}

/**
 * Serves the built client, compressed: hashed assets cached for a year, the HTML never cached (so a new
 * version reaches phones at once), and an HTML page for every other page path so the client
 * router takes over (its own "page not found" included). Without a build, says how to make one.
 */
export function clientRoutes(clientDir: string | null): Router {
  const router = Router();
  const indexFile = clientDir ? path.join(clientDir, 'index.html') : null;
  if (!clientDir || !indexFile || !fs.existsSync(indexFile)) {
    router.get('/{*page}', (_req, res) => sendError(res, ErrorCode.NotFound, 'client not built: run `npm run build`'));
    return router;
  }
  // Phones on mobile data: the scripts travel gzipped (about a third of their size).
  router.use(compression());
  router.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d' }));
  // A missing asset, or a path climbing out of the folder, is a plain 404: nothing to log.
  router.use('/assets', (_req, res) => sendError(res, ErrorCode.NotFound, 'no such asset'));
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  // Read once: index.html for the staff's pages, phone.html (when built) for /j and /j/<code>.
  const pages = new Map<string, string>();
  const pageHtml = (file: string) => {
    let html = pages.get(file);
    if (html === undefined) pages.set(file, (html = fs.readFileSync(file, 'utf8')));
    return html;
  };
  router.get('/{*page}', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    // The page depends on the person's language (docs/languages.md): caches must keep one per language.
    res.setHeader('Vary', 'Accept-Language, Cookie');
    res.type('html').send(inLanguage(pageHtml(pageFileFor(clientDir, req.path)), requestLanguage(req)));
  });
  return router;
}

/** The language of the first HTML: a choice remembered in the audience's cookie, else Accept-Language, else French. */
export function requestLanguage(req: Pick<Request, 'headers' | 'path'>): keyof typeof PAGE_LANGUAGES {
  return pickLanguage([languageCookie(req.headers.cookie, languageCookieName(req.path)), ...acceptedLanguages(req.headers['accept-language'])]);
}

/** A page's HTML (index.html, phone.html) with `<html lang dir>` set, so Arabic arrives right-to-left before any script runs. */
export function inLanguage(html: string, lang: keyof typeof PAGE_LANGUAGES): string {
  return html.replace(/<html\b[^>]*>/i, `<html lang="${lang}" dir="${PAGE_LANGUAGES[lang]}">`);
}
