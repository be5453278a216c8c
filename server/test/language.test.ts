import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDataDir, startServer, tempDataDir, type TestServer } from './helpers';

let server: TestServer | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
  for (const dir of dirs.splice(0)) removeDataDir(dir);
});

describe('the first HTML in the person’s language', () => {
  it('sets <html lang dir> from the lang cookie, else Accept-Language, else French, and varies on both', async () => {
    const clientDir = tempDataDir();
    dirs.push(clientDir);
    fs.writeFileSync(
      path.join(clientDir, 'index.html'),
      '<!doctype html>\n<html lang="fr" dir="ltr">\n<head><title>Gommette</title></head><body></body></html>',
    );
    server = await startServer({ env: { CLIENT_DIR: clientDir } });
    const html = async (headers: Record<string, string>) => {
      const page = await fetch(`${server!.url}/j/ABCDEF`, { headers });
      expect(page.headers.get('vary')).toMatch(/Accept-Language/i);
      expect(page.headers.get('vary')).toMatch(/Cookie/i);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      return /<html[^>]*>/.exec(await page.text())?.[0];
    };
    expect(await html({ 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.5' })).toBe('<html lang="ar" dir="rtl">');
    expect(await html({ 'accept-language': 'de-DE,de;q=0.9' })).toBe('<html lang="fr" dir="ltr">');
    expect(await html({ 'accept-language': 'de-DE,en;q=0.4,ar;q=0.8' })).toBe('<html lang="ar" dir="rtl">');
    expect(await html({})).toBe('<html lang="fr" dir="ltr">');
    // A choice made on the page wins over the device's language.
    expect(await html({ 'accept-language': 'ar', cookie: 'theme=x; lang=en' })).toBe('<html lang="en" dir="ltr">');
    expect(await html({ 'accept-language': 'ar', cookie: 'lang=xx' })).toBe('<html lang="ar" dir="rtl">');
    // The projector and the console have their own choice: a phone page's cookie is not theirs.
    const screen = await fetch(`${server.url}/screen/abcdefgh`, { headers: { 'accept-language': 'fr', cookie: 'lang=ar; lang-screen=en' } });
    expect(await screen.text()).toContain('<html lang="en" dir="ltr">');
    const console = await fetch(`${server.url}/console/abcdefgh`, { headers: { 'accept-language': 'fr', cookie: 'lang=ar' } });
    expect(await console.text()).toContain('<html lang="fr" dir="ltr">');
  });
});
