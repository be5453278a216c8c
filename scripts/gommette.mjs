// `npm run backup | restore | verify` (or `node scripts/gommette.mjs <command>`): the operator's
// commands of server/src/ops, compiled as dist/server/gommette.mjs (built here first when missing
// or older than its sources, like `npm start`), so they run with plain Node on an installed server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, CLI_BUNDLE, CLI_ENTRY } from './build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['server/src', 'shared/src'].map((dir) => path.join(root, dir)).filter((dir) => fs.existsSync(dir));
if (!fs.existsSync(CLI_BUNDLE) || (sources.length > 0 && Math.max(...sources.map(newestMtime)) > fs.statSync(CLI_BUNDLE).mtimeMs)) {
  await buildServer(CLI_BUNDLE, CLI_ENTRY);
}
// Relative paths (DATA_DIR, BACKUP_DIR, a backup file) are read from where npm was run.
const cwd = process.env.INIT_CWD ?? process.cwd();
const child = spawn(process.execPath, ['--enable-source-maps', CLI_BUNDLE, ...process.argv.slice(2)], { cwd, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
