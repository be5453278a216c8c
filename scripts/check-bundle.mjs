// The resident's first screen must stay light (issues 7 and 16): the JavaScript a phone downloads to
// open a join link — the entry script of phone.html and every module it preloads — is at most
// BUDGET_KB once compressed as the server sends it (gzip at zlib's default level, as the
// `compression` middleware does). Run after `npm run build:client`; exits non-zero (failing the
// test command) when over budget. `--all` also lists the phone's later screens (lazy chunks).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = Number(process.env.PHONE_JS_BUDGET_KB ?? 52);
const dist = path.resolve(import.meta.dirname, '../dist/client');
const htmlFile = path.join(dist, 'phone.html');
if (!fs.existsSync(htmlFile)) throw new Error('no dist/client/phone.html: build the client first (npm run build:client)');
const html = fs.readFileSync(htmlFile, 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((match) => match[1]);
if (scripts.length === 0) throw new Error('no script found in dist/client/phone.html: build the client first');

const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length;
let total = 0;
for (const file of scripts) {
  const size = gzipped(file);
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} KB  phone first screen, gzipped (budget ${BUDGET_KB} KB)`);
if (process.argv.includes('--all')) {
  const lazy = fs
    .readdirSync(path.join(dist, 'assets/phone'))
    .filter((file) => file.endsWith('.js') && !scripts.includes(`assets/phone/${file}`))
    .map((file) => [file, gzipped(`assets/phone/${file}`)])
    .sort((a, b) => b[1] - a[1]);
  console.log('later chunks of the phone page, gzipped:');
  for (const [file, size] of lazy) console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
if (kb > BUDGET_KB) {
  console.error(`The phone's first screen is over its budget by ${(kb - BUDGET_KB).toFixed(1)} KB: lazy-load what the first screen does not need.`);
  process.exit(1);
}
