// The server in one ES module, dist/server/index.mjs, built with esbuild: the project's own code
// and the pure-JavaScript packages inside; outside, loaded from node_modules at run time, the
// packages that cannot be bundled: native modules (better-sqlite3, @node-rs/argon2, pg's optional
// pg-native) and the ones that load their own files at run time (pdfkit's font metrics,
// dejavu-fonts-ttf, pino's worker-thread transports). Not `packages: 'external'`: Node then
// refuses named imports from CommonJS packages (`import { parseCookie } from 'cookie'`) that
// tsx and esbuild accept.
// `npm run build` and `npm start` run it; bench/faults.ts imports buildServer().
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_ENTRY = path.join(root, 'server/src/index.ts');
export const SERVER_BUNDLE = path.join(root, 'dist/server/index.mjs');
/** `npm run backup | restore | verify` (server/src/ops), built next to the server. */
export const CLI_ENTRY = path.join(root, 'server/src/ops/main.ts');
export const CLI_BUNDLE = path.join(root, 'dist/server/gommette.mjs');

/** Loaded from node_modules at run time (their subpaths too). */
export const EXTERNAL_PACKAGES = ['better-sqlite3', '@node-rs/argon2', 'pg', 'pg-native', 'pdfkit', 'dejavu-fonts-ttf', 'pino', 'pino-pretty', 'thread-stream'];

/** Builds the bundle at `outfile` (default dist/server/index.mjs) and returns its path. */
export async function buildServer(outfile = SERVER_BUNDLE, entry = SERVER_ENTRY) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    // CommonJS code inside an ES module bundle may still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer();
  await buildServer(CLI_BUNDLE, CLI_ENTRY);
  console.log(`Server built: ${path.relative(root, SERVER_BUNDLE)} and ${path.relative(root, CLI_BUNDLE)}`);
}
