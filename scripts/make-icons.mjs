// Draws the phone page's app icons (web manifest, vite.config.ts) from the favicon's SVG with
// Debian's Chromium: client/public/icons/gommette-{192,512}.png and a maskable 512 (the gommette
// inside the safe zone, on the theme colour). Run once after changing the drawing; the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'client/public/icons');
const favicon = fs.readFileSync(path.join(root, 'client/public/favicon.svg'), 'utf8');
const maskable =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#0b5cad"/>' +
  '<circle cx="32" cy="32" r="17" fill="#f4b400"/><circle cx="27" cy="27" r="3.6" fill="#fff" opacity=".6"/></svg>';

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, svg, size] of [
    ['gommette-192.png', favicon, 192],
    ['gommette-512.png', favicon, 512],
    ['gommette-maskable-512.png', maskable, 512],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: path.join(out, name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
