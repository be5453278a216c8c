import { initialRoom } from '@gommette/shared';
/**
 * The board benchmark's server, in its own process: either Gommette (the real createApp with its
 * SQLite stores, the /yjs gateway with auth, persistence and read-only checks) or the plain
 * reference relay of @y/websocket-server (in memory, no auth). It samples its own CPU and RSS.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { WebSocketServer } from 'ws';
import { readBoard } from '@gommette/shared/board';
import { createApp } from '../server/src/app';
import { BoardRoom } from '../server/src/board/BoardRoom';
import { readConfig } from '../server/src/config';
import { hashSecret, newCardCode, newId, newJoinCode, newToken } from '../server/src/security/tokens';
import { openSqliteStores } from '../server/src/store/sqlite/openSqliteStores';
import type { BoardServerReply, BoardServerRequest, BoardTarget } from './boardProtocol';

const reply = (message: BoardServerReply) => process.send?.(message);
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 100).unref();

async function main(): Promise<void> {
  const target = process.env.BOARD_TARGET as BoardTarget;
  const dataDir = process.env.BENCH_DATA_DIR!;
  let listen: () => Promise<number>;
  let stop: () => Promise<void>;
  let handle: (request: BoardServerRequest) => Promise<void>;

  if (target === 'gommette') {
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      CLIENT_DIR: process.env.CLIENT_DIR ?? path.join(dataDir, 'none'),
    });
    const logger = pino({ level: 'silent' });
    const stores = openSqliteStores(path.join(dataDir, 'gommette.sqlite'));
    const app = createApp(config, { ...stores, logger });
    listen = async () => (await app.listen(0, '127.0.0.1')).port;
    stop = () => app.close();
    handle = async (request) => {
      if (request.type === 'seed') {
        const workshopId = newId();
        const facilitatorToken = newToken();
        const screenToken = newToken();
        const siteIds = [newId(), newId(), newId()];
        await stores.store.createWorkshop(
          {
            id: workshopId,
            title: 'Banc d’essai',
            question: 'Q',
            purpose: 'Mesurer',
            createdAt: Date.now(),
            facilitatorTokenHash: hashSecret(facilitatorToken),
            screenTokenHash: hashSecret(screenToken),
            helperTokenHash: null,
            observerTokenHash: null,
          },
          siteIds.map((id, position) => ({ id, workshopId, name: `Lieu ${position + 1}`, joinCode: newJoinCode(), position })),
          initialRoom([]),
        );
        const tokens: string[] = [];
        for (let index = 0; index < request.participants; index++) {
          const token = newToken();
          await stores.store.createParticipant(
            {
              id: newId(),
              workshopId,
              siteId: siteIds[index % 3]!,
              cardHash: hashSecret(newCardCode()),
              nickname: null,
              mood: 'sunny',
              createdAt: Date.now(),
              kind: 'resident',
              tableId: null,
            },
            hashSecret(token),
          );
          tokens.push(token);
        }
        reply({ type: 'seeded', workshopId, facilitatorToken, screenToken, tokens });
      } else if (request.type === 'stored') {
        reply({ type: 'stored', ...(await stores.boards.stats(request.workshopId)) });
      } else if (request.type === 'loadTime') {
        const started = performance.now();
        const room = new BoardRoom(request.workshopId, stores.boards, logger);
        await room.ready;
        const ms = performance.now() - started;
        const notes = readBoard(room.doc).notes.length;
        room.awareness.destroy();
        room.doc.destroy();
        reply({ type: 'loadTime', ms, notes });
      }
    };
  } else {
    const { setupWSConnection } = await import('@y/websocket-server/utils');
    const server = http.createServer((_req, res) => res.end('reference relay'));
    const wss = new WebSocketServer({ server });
    wss.on('connection', (conn, req) => setupWSConnection(conn, req));
    listen = () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    stop = async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    handle = async (request) => {
      if (request.type === 'seed')
        reply({
          type: 'seeded',
          workshopId: 'bench-room',
          facilitatorToken: '',
          screenToken: '',
          tokens: Array.from({ length: request.participants }, () => ''),
        });
      else throw new Error(`${request.type} is not available on the reference relay`);
    };
  }

  process.on('message', (request: BoardServerRequest) => {
    const run = async () => {
      if (request.type === 'stats') {
        const cpu = process.cpuUsage();
        const rss = process.memoryUsage.rss();
        peakRss = Math.max(peakRss, rss);
        reply({ type: 'stats', cpuMicros: cpu.user + cpu.system, rssBytes: rss, peakRssBytes: peakRss });
      } else if (request.type === 'stop') {
        await stop();
        reply({ type: 'stopped' });
        process.exit(0);
      } else await handle(request);
    };
    run().catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  });
  reply({ type: 'listening', port: await listen() });
}

main().catch((error: unknown) => {
  reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
