import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { ErrorCode, HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_TIMEOUT_CHECK_INTERVAL_MS, MAX_HTTP_BODY_BYTES } from '@gommette/shared';
import { createBoardGateway, type BoardGateway } from './board/boardGateway';
import { redisBoardRelay } from './board/BoardRelay';
import { claimOnce } from './cluster/claim';
import { RedisPresence } from './cluster/RedisPresence';
import type { Cluster } from './cluster/redis';
import type { Config } from './config';
import type { AppContext } from './context';
import { centreRoutes } from './centre/centreRoutes';
import { centreLive } from './centre/live';
import { startRetentionJob } from './centre/retentionJob';
import { clientRoutes } from './http/clientRoutes';
import { errorMiddleware, sendError } from './http/errors';
import { apiRateLimits } from './http/guards';
import { securityHeaders } from './http/securityHeaders';
import { joinRoutes } from './people/joinRoutes';
import { workshopRoutes } from './workshop/workshopRoutes';
import { questionnaireRoutes } from './questionnaire/questionnaireRoutes';
import { voteRoutes } from './vote/voteRoutes';
import { retourRoutes } from './retour/retourRoutes';
import { PresenceTracker } from './people/PresenceTracker';
import { WorkshopEnd } from './run/WorkshopEnd';
import { createSocketServer } from './realtime/socketServer';
import { screensRoom, staffRooms } from './realtime/rooms';
import type { GommetteServer } from './realtime/types';
import type { Stores } from './store/stores';
import * as Y from 'yjs';
import { Metrics, metricsRoute } from './metrics/metrics';
import { CommandBacklog } from './realtime/CommandBacklog';
import { timedStores } from './metrics/storeTiming';

export interface AppDeps extends Stores {
  logger: Logger;
  now?: () => number;
  /** The other nodes, through Redis (`REDIS_URL`); the caller connects and closes it. */
  cluster?: Cluster | null;
  /** Commands in progress, for load shedding (tests pass one with their own clock and limits). */
  backlog?: CommandBacklog;
}

export interface App {
  httpServer: http.Server;
  /** The express app (its router lists every REST route, for tests). */
  express: express.Express;
  io: GommetteServer;
  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, disconnects sockets, closes the store. */
  close(): Promise<void>;
}

/** Paths whose WebSocket upgrades are served; anything else is refused at once. */
const SOCKET_IO_PATH = '/socket.io/';
/** What `server:restarting` suggests: socket.io's own first reconnection delay (1 s, randomised). */
const RECONNECT_HINT_MS = 1_000;

/**
 * The composition root: express, socket.io and the board gateway on one HTTP server.
 * `index.ts` builds real adapters from the environment; tests call this on port 0.
 */
export function createApp(config: Config, deps: AppDeps): App {
  const { logger, now, cluster = null, backlog = new CommandBacklog(), ...untimedStores } = deps;
  const metrics = new Metrics();
  const stores = timedStores(untimedStores, metrics.storeSeconds);
  const { store } = stores;
  let io: GommetteServer | null = null;
  let boardGateway: BoardGateway | null = null;
  const presence = new PresenceTracker(
    (workshopId, current) => {
      // Projectors and consoles show who is here; phones do not, so they are not sent it.
      io?.to([screensRoom(workshopId), ...staffRooms(workshopId)]).emit('presence:changed', current);
    },
    {
      ...(cluster
        ? {
            mirror: new RedisPresence(cluster, logger),
            claim: (workshopId: string, intervalMs: number) => claimOnce(cluster, `presence:${workshopId}`, intervalMs),
          }
        : {}),
      onError: (error) => logger.error({ err: error }, 'presence read failed'),
    },
  );
  const ctx: AppContext = { ...stores, config, logger, presence, now: now ?? Date.now, cluster, metrics, backlog };
  const workshopEnd = new WorkshopEnd(() => io, ctx);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use(
    pinoHttp({
      logger,
      // Method, path and status only: no headers (tokens), no bodies (what residents wrote).
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url?.startsWith('/assets/') ?? false) },
    }),
  );
  // A body announced over the limit is refused before it is read (express.json would first drain it all).
  app.use((req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) <= MAX_HTTP_BODY_BYTES) return next();
    res.setHeader('Connection', 'close');
    sendError(res, ErrorCode.TooLarge, 'request body too large');
  });
  app.use(express.json({ limit: MAX_HTTP_BODY_BYTES }));

  app.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok' });
    } catch (error) {
      logger.error({ err: error }, 'health check failed');
      sendError(res, ErrorCode.Internal, 'store unavailable');
    }
  });
  app.get('/metrics', metricsRoute(config, metrics));
  app.use('/api', apiRateLimits());
  app.use(workshopRoutes(ctx));
  app.use(questionnaireRoutes(ctx));
  app.use(joinRoutes(ctx, workshopEnd));
  app.use(voteRoutes(ctx));
  app.use(
    centreRoutes(
      ctx,
      centreLive(
        () => io,
        ctx,
        () => boardGateway,
      ),
    ),
  );
  app.use(retourRoutes(ctx));
  app.use('/api', (_req, res) => sendError(res, ErrorCode.NotFound, 'no such API route'));
  app.use(clientRoutes(config.clientDir));
  app.use(errorMiddleware(logger));

  // Bounded header and request times, so a client announcing a body it never sends cannot hold a connection.
  const httpServer = http.createServer(
    { headersTimeout: HTTP_HEADERS_TIMEOUT_MS, requestTimeout: HTTP_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: HTTP_TIMEOUT_CHECK_INTERVAL_MS },
    app,
  );
  const sockets = createSocketServer(httpServer, ctx, workshopEnd);
  io = sockets.io;
  const boards = createBoardGateway(ctx, {}, cluster ? redisBoardRelay(cluster, logger) : null);
  boardGateway = boards;
  const stopRetention = startRetentionJob(ctx);
  metrics.onCollect(() => {
    const local = [...sockets.io.of('/').sockets.values()];
    return {
      roles: local.map((socket) => socket.data.role),
      workshops: new Set(local.map((socket) => socket.data.workshopId)).size,
      boardSizes: [...boards.rooms()].map((room) => Y.encodeStateAsUpdate(room.doc).byteLength),
    };
  });
  const stopHealth = metrics.watchHealth({ store: () => store.ping(), ...(cluster ? { redis: () => cluster.redis.ping() } : {}) });
  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith(SOCKET_IO_PATH)) return; // engine.io answers these
    if (boards.handles(req)) return boards.handleUpgrade(req, socket, head); // /yjs/<workshopId>
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  return {
    httpServer,
    express: app,
    io: sockets.io,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      }),
    close: async () => {
      const closing = Date.now();
      // Stop accepting: new requests and sockets go to another node (or wait for this one).
      httpServer.close();
      httpServer.closeIdleConnections();
      // Tell this node's sockets, then close their transports: a transport close (not a server
      // disconnect) makes every socket.io client reconnect by itself, with its back-off.
      sockets.io.local.emit('server:restarting', { reconnectAfterMs: RECONNECT_HINT_MS });
      for (const socket of sockets.io.of('/').sockets.values()) socket.conn.close();
      stopRetention();
      stopHealth();
      presence.close();
      sockets.realtime.ideas.close();
      sockets.realtime.staff.close();
      await boards.close(); // saves every board before the store closes
      sockets.realtime.votes.close();
      workshopEnd.close();
      const boardsSaved = Date.now();
      await new Promise<void>((resolve) => {
        // io.close() disconnects every socket and closes the HTTP server, whose close waits for
        // every connection: keep-alive ones (a balancer's, a health check's) would hold it until
        // they time out. Everyone was told and every board is saved, so they go now.
        sockets.io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      const socketsClosed = Date.now();
      await store.close();
      logger.info({ boardsMs: boardsSaved - closing, socketsMs: socketsClosed - boardsSaved, storeMs: Date.now() - socketsClosed }, 'app closed');
    },
  };
}
