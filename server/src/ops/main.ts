// Entry of dist/server/gommette.mjs (`npm run backup | restore | verify`, scripts/gommette.mjs).
import { run } from './cli';

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
