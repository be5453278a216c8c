// `npm start`: runs the compiled server (dist/server/index.mjs) with plain Node, NODE_ENV=production
// unless set, SQLite in ./data unless DATABASE_URL says otherwise. Builds first (`npm run build`:
// the client with Vite and the server with esbuild) only when a build is missing or older than
// its sources.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, SERVER_BUNDLE } from './build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
// The phone page is built last (`npm run build:client`): its presence means both builds are there.
const builtClient = path.join(root, 'dist/client/phone.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const stale = (built, dirs) => !fs.existsSync(built) || Math.max(...dirs.map((dir) => newestMtime(path.join(root, dir)))) > fs.statSync(built).mtimeMs;

if (stale(builtClient, ['client', 'shared/src'])) {
  console.log('Building the client…');
  for (const mode of ['production', 'phone']) {
    const build = spawnSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
if (stale(SERVER_BUNDLE, ['server/src', 'shared/src'])) {
  console.log('Building the server…');
  await buildServer();
}

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
const server = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
