/**
 * The server under test for `npm run bench:vote`, in its own process. BENCH_MODE=gommette: the
 * real app (createApp, SQLite with synchronous=FULL) with participants, ideas and an open round
 * seeded through the stores. BENCH_MODE=relay: a bare socket.io server that acks each vote and
 * relays it to the projectors at once — no validation, no store, no coalescing: the transport's
 * own limit for the same fan-out.
 */
import { ideaRecord, residentRecord } from '../server/src/store/records';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { isDomainError, planRound } from '@gommette/shared';
import { createApp } from '../server/src/app';
import { readConfig } from '../server/src/config';
import { hashSecret, newCardCode, newId, newToken } from '../server/src/security/tokens';
import { openSqliteStores } from '../server/src/store/sqlite/openSqliteStores';
import { failToParent, onParentRequest, replyToParent } from './ipc';
import type { VoteServerReply, VoteServerRequest } from './voteIpc';

const RSS_SAMPLE_MS = 100;
let peakRss = process.memoryUsage.rss();
const sampleRss = (): number => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  return rss;
};
setInterval(sampleRss, RSS_SAMPLE_MS).unref();

async function stats(): Promise<void> {
  const cpu = process.cpuUsage();
  await replyToParent<VoteServerReply>({ type: 'stats', rssBytes: sampleRss(), peakRssBytes: peakRss, cpuMicros: cpu.user + cpu.system });
}

async function relay(): Promise<void> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, { serveClient: false });
  let sequence = 0;
  io.on('connection', (socket) => {
    const auth = socket.handshake.auth as { role?: string };
    if (auth.role === 'screen') void socket.join('screens');
    socket.on('vote:cast', (_payload: unknown, ack: unknown) => {
      const version = ++sequence;
      if (typeof ack === 'function') (ack as (reply: unknown) => void)({ ok: true, data: { version } });
      io.to('screens').emit('relay', version);
    });
  });
  onParentRequest<VoteServerRequest>(async (request) => {
    switch (request.type) {
      case 'seed':
        await replyToParent<VoteServerReply>({
          type: 'seeded',
          tokens: Array.from({ length: request.participants }, () => newToken()),
          roundId: 'relay-round-0',
          ideaIds: Array.from({ length: request.ideas }, (_, i) => `relay-idea-${i}`),
          durationMs: 0,
        });
        return;
      case 'stats':
        return stats();
      case 'count':
        await replyToParent<VoteServerReply>({ type: 'count', gommettes: sequence });
        return;
      case 'stop':
        io.close();
        await replyToParent<VoteServerReply>({ type: 'stopped' });
        process.exit(0);
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  await replyToParent<VoteServerReply>({ type: 'listening', port: (httpServer.address() as AddressInfo).port });
}

async function gommette(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: path.join(dataDir, 'no-client') });
  const stores = openSqliteStores(path.join(config.dataDir, 'gommette.sqlite'));
  const { store, votes } = stores;
  const app = createApp(config, { ...stores, logger: pino({ level: 'silent' }) });

  /** Through the stores and the token helpers, as the REST join route does (its per-address limit would stop a bench). */
  async function seed(
    request: Extract<VoteServerRequest, { type: 'seed' }>,
  ): Promise<Omit<Extract<VoteServerReply, { type: 'seeded' }>, 'type' | 'durationMs'>> {
    const sites = await Promise.all(request.joinCodes.map((code) => store.getSiteByJoinCode(code)));
    const tokens: string[] = [];
    const participantIds: string[] = [];
    for (let i = 0; i < request.participants; i++) {
      const site = sites[i % sites.length];
      if (!site) throw new Error('unknown join code');
      const token = newToken();
      const id = newId();
      await store.createParticipant(
        residentRecord({
          id,
          workshopId: site.workshopId,
          siteId: site.id,
          cardHash: hashSecret(newCardCode()),
          nickname: null,
          mood: 'sunny',
          createdAt: Date.now(),
        }),
        hashSecret(token),
      );
      tokens.push(token);
      participantIds.push(id);
    }
    const author = participantIds[0]!;
    const site = sites[0]!;
    const ideaIds: string[] = [];
    for (let i = 0; i < request.ideas; i++) {
      const id = `${newId()}-idea`;
      await store.insertIdea(
        ideaRecord({
          id,
          workshopId: site.workshopId,
          siteId: site.id,
          participantId: author,
          text: `Idée ${i + 1} : un abri chauffé près de la gare`,
          createdAt: Date.now() + i,
        }),
      );
      ideaIds.push(id);
    }
    const round = planRound(
      {
        id: `${newId()}-round`,
        workshopId: site.workshopId,
        ideaIds,
        budget: request.budget,
        stacking: false,
        capPerIdea: null,
        selfVote: true,
        results: 'live',
        closesAt: null,
      },
      Date.now(),
    );
    if (isDomainError(round)) throw new Error(round.message);
    await votes.createRound(round);
    return { tokens, roundId: round.id, ideaIds };
  }

  onParentRequest<VoteServerRequest>(async (request) => {
    switch (request.type) {
      case 'seed': {
        const started = performance.now();
        const seeded = await seed(request);
        await replyToParent<VoteServerReply>({ type: 'seeded', ...seeded, durationMs: performance.now() - started });
        return;
      }
      case 'stats':
        return stats();
      case 'count': {
        const tally = await votes.tally(request.roundId);
        await replyToParent<VoteServerReply>({ type: 'count', gommettes: tally.digital.reduce((sum, row) => sum + row.count, 0) });
        return;
      }
      case 'stop':
        await app.close();
        await replyToParent<VoteServerReply>({ type: 'stopped' });
        process.exit(0);
    }
  });
  process.on('SIGTERM', () => {
    app.close().finally(() => process.exit(0));
  });
  const address = await app.listen(config.port, config.host);
  await replyToParent<VoteServerReply>({ type: 'listening', port: address.port });
}

(process.env.BENCH_MODE === 'relay' ? relay() : gommette()).catch(failToParent);
