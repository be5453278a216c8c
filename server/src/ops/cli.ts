/**
 * `npm run backup | restore | verify` (scripts/gommette.mjs runs this file compiled as
 * dist/server/gommette.mjs). Reads the same environment as the server (DATA_DIR, BACKUP_DIR,
 * DATABASE_URL, SEALING_KEY), so on an installed server it runs with the service's env file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { SEALING_KEY_FILE } from '../security/sealed';
import { backupSqlite, DATABASE_FILE, formatReport, restoreSqlite, verifySqlite } from './sqliteBackup';

const USAGE = `Usage:
  gommette backup                      copy the live database into BACKUP_DIR (dated file)
  gommette verify [file]               integrity, schema version and counts (default: DATA_DIR's database)
  gommette restore <file> [--key <sealing.key>] [--force]
                                       put a backup in DATA_DIR (--force replaces an existing database;
                                       stop the server first)`;

function sealingKeyNote(dataDir: string, fromEnv: string | null): string {
  return fromEnv
    ? 'The sealing key is SEALING_KEY in the environment (env file): back it up apart from the database.'
    : `The sealing key is ${path.join(dataDir, SEALING_KEY_FILE)}: back it up apart from the database (without it, sealed secrets and open rounds' budgets are lost).`;
}

function refusePostgres(command: string): never {
  throw new Error(
    `DATABASE_URL is set: the data is in PostgreSQL. ${command === 'backup' ? 'Back up with: pg_dump --format=custom --file=gommette.dump "$DATABASE_URL"' : 'Restore with: pg_restore --no-owner --dbname="$DATABASE_URL" gommette.dump'} (see docs/operating.md).`,
  );
}

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, key: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command || values.help ? 0 : 2;
  }
  const config = readConfig(env);
  const database = path.join(config.dataDir, DATABASE_FILE);
  switch (command) {
    case 'backup': {
      if (config.databaseUrl) refusePostgres(command);
      const started = Date.now();
      const target = await backupSqlite(database, config.backupDir);
      const report = verifySqlite(target);
      out(formatReport(report));
      out(`Backup written in ${Date.now() - started} ms: ${target} (${fs.statSync(target).size} bytes)`);
      out(sealingKeyNote(config.dataDir, config.sealingKey));
      return report.ok ? 0 : 1;
    }
    case 'verify': {
      if (!file && config.databaseUrl) refusePostgres(command);
      const report = verifySqlite(file ? path.resolve(file) : database);
      out(formatReport(report));
      return report.ok ? 0 : 1;
    }
    case 'restore': {
      if (config.databaseUrl) refusePostgres(command);
      if (!file) throw new Error('restore needs the backup file to restore');
      const report = restoreSqlite(path.resolve(file), config.dataDir, { force: values.force, ...(values.key ? { keyFile: path.resolve(values.key) } : {}) });
      out(formatReport(report));
      out(`Restored into ${config.dataDir}. Start the server: migrations missing from the backup run at start.`);
      if (!config.sealingKey && !fs.existsSync(path.join(config.dataDir, SEALING_KEY_FILE))) {
        out(
          `Warning: no sealing key in ${config.dataDir} and no SEALING_KEY: put the saved one back (--key) before starting, or sealed secrets stay unreadable.`,
        );
      }
      return report.ok ? 0 : 1;
    }
    default:
      out(USAGE);
      return 2;
  }
}
