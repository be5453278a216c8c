import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createApp } from './app';
import { connectCluster } from './cluster/redis';
import { readConfig } from './config';
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
  const logger = pino({ level: config.logLevel, base: { service: 'gommette' } });
  const stores = openSqliteStores(path.join(config.dataDir, 'gommette.sqlite'));
  const cluster = config.redisUrl ? await connectCluster(config.redisUrl, { prefix: config.redisPrefix }) : null;
  const app = createApp(config, { ...stores, logger, cluster });
  const address = await app.listen(config.port, config.host);
  if (cluster) logger.info({ nodeId: cluster.nodeId, prefix: cluster.prefix }, 'cluster node: socket.io, presence and boards go through Redis');

  const local = `http://localhost:${address.port}/`;
  const urls = config.publicUrl ? [`${config.publicUrl}/`] : [local, ...lanAddresses().map((ip) => `http://${ip}:${address.port}/`)];
  logger.info({ port: address.port, host: config.host, dataDir: config.dataDir, urls }, `Gommette is ready: open ${urls[0]} to create a workshop`);
  if (process.stdout.isTTY) {
    // For the facilitator at the laptop: the structured log above is for machines.
    console.log(`\n  Gommette est prêt. Ouvre ${urls[0]} pour créer un atelier.`);
    if (urls.length > 1) console.log(`  Les téléphones du même Wi-Fi rejoignent par : ${urls.slice(1).join(', ')}\n`);
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => cluster?.close())
      .then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
