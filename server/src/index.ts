import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import pretty from 'pino-pretty';
import { createApp } from './app';
import { connectCluster } from './cluster/redis';
import { readConfig } from './config';
import { openPgStores } from './store/pg/openPgStores';
import { openSqliteStores } from './store/sqlite/openSqliteStores';

/** Addresses a phone on the same Wi-Fi can reach this machine at. */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((iface) => iface && iface.family === 'IPv4' && !iface.internal)
    .map((iface) => iface!.address);
}

async function main(): Promise<void> {
  const config = readConfig();
  // JSON lines for machines (journald, shippers); readable lines for a person at a terminal.
  const readable = config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  const logger = readable
    ? pino(
        { level: config.logLevel, base: { service: 'gommette' } },
        pretty({ colorize: process.stdout.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true, sync: true }),
      )
    : pino({ level: config.logLevel, base: { service: 'gommette' } });
  // PostgreSQL when several nodes share the data; the embedded SQLite file otherwise.
  const stores = config.databaseUrl
    ? await openPgStores(config.databaseUrl, { onIdleError: (error) => logger.warn({ err: error }, 'PostgreSQL connection lost while idle') })
    : openSqliteStores(path.join(config.dataDir, 'gommette.sqlite'));
  const cluster = config.redisUrl ? await connectCluster(config.redisUrl, { prefix: config.redisPrefix }) : null;
  const app = createApp(config, { ...stores, logger, cluster });
  const address = await app.listen(config.port, config.host);

  const local = `http://localhost:${address.port}/`;
  const urls = config.publicUrl ? [`${config.publicUrl}/`] : [local, ...lanAddresses().map((ip) => `http://${ip}:${address.port}/`)];
  const storage = config.databaseUrl ? 'postgresql' : 'sqlite';
  if (readable) {
    // For the facilitator at the laptop: the addresses first, then the log in readable lines.
    process.stdout.write(`\n  Gommette est prêt. Ouvre ${urls[0]} pour créer un atelier.\n`);
    if (urls.length > 1) process.stdout.write(`  Les téléphones du même Wi-Fi rejoignent par : ${urls.slice(1).join(', ')}\n`);
    process.stdout.write('\n');
  }
  logger.info({ port: address.port, host: config.host, storage, dataDir: config.dataDir, urls }, `Gommette is ready: open ${urls[0]} to create a workshop`);
  if (cluster) logger.info({ nodeId: cluster.nodeId, prefix: cluster.prefix }, 'cluster node: socket.io, presence and boards go through Redis');

  /** Longest wait for boards to save and stores to close after SIGTERM/SIGINT. */
  const SHUTDOWN_GRACE_MS = 10_000;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    logger.info({ signal, sockets: app.io.of('/').sockets.size }, 'shutting down: no new connections, phones told to reconnect, saving boards');
    setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app
      .close()
      .then(async () => {
        const redisStarted = Date.now();
        await cluster?.close();
        if (cluster) logger.info({ ms: Date.now() - redisStarted }, 'Redis closed');
      })
      .then(
        () => {
          logger.info({ ms: Date.now() - started }, 'stopped: boards saved, stores closed');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Recognisable messages: `npm run fuzz` counts them in this log (both must stay at 0).
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
