/**
 * Security headers on the three kinds of answer: the client's HTML page, the REST API (a success
 * and an error) and /healthz. The policy is strict: scripts and styles from the same origin only,
 * no inline script, no eval, no inline style attribute, no framing, no plugin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDataDir, removeDataDir, type TestServer } from './helpers';

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = tempDataDir();
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html lang="fr"><head><script type="module" src="/assets/main.js"></script></head><body></body></html>',
  );
  server = await startServer({ env: { CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await server.close();
  removeDataDir(clientDir);
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  const answers = [
    ['the HTML page', '/atelier/abc', 200],
    ['a REST answer', '/api/templates', 200],
    ['a REST error', '/api/workshops/abcdefghijklmnop', 401],
    ['the health check', '/healthz', 200],
  ] as const;

  for (const [what, route, status] of answers) {
    it(`sends them on ${what}`, async () => {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(status);
      const csp = directives(response.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('style-src-attr')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      const all = [...csp.values()].flat();
      expect(all).not.toContain("'unsafe-inline'");
      expect(all).not.toContain("'unsafe-eval'");
      expect(all).not.toContain('*');
      // Workshops run over plain http on a venue's Wi-Fi: never force https there.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(response.headers.get('strict-transport-security')).toBeNull();

      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by')).toBeNull();
      const permissions = response.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
    });
  }

  it('sends Strict-Transport-Security when the public address is https', async () => {
    const secure = await startServer({ env: { PUBLIC_URL: 'https://gommette.example' } });
    try {
      const response = await fetch(`${secure.url}/healthz`);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});
