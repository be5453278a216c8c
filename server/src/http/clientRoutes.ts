import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { Router } from 'express';
import { ErrorCode } from '@gommette/shared';
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
  router.get('/{*page}', (req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(pageFileFor(clientDir, req.path));
  });
  return router;
}
