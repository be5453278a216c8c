// The resident's first screen must stay light (issue 7): the JavaScript a phone downloads to open
// a join link — the entry script and every module it preloads — is at most BUDGET_KB gzipped.
// Run after `vite build`; exits non-zero (failing the test command) when over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = Number(process.env.PHONE_JS_BUDGET_KB ?? 120);
const dist = path.resolve(import.meta.dirname, '../dist/client');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((match) => match[1]);
if (scripts.length === 0) throw new Error('no script found in dist/client/index.html: build the client first');

let total = 0;
for (const file of scripts) {
  const size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} KB  phone first screen, gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`The phone's first screen is over its budget by ${(kb - BUDGET_KB).toFixed(1)} KB: lazy-load what the first screen does not need.`);
  process.exit(1);
}
