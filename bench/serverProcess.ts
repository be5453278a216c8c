/**
 * The server under test, in its own process: the same composition as server/src/index.ts
 * (readConfig → pino → openSqliteStores → createApp), on 127.0.0.1, a free port, a fresh
 * DATA_DIR (given by the parent in the environment) and LOG_LEVEL=silent. It answers the bench
 * parent over IPC (see ipc.ts) and samples its own resident memory every 100 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { ParticipantRecord } from '../server/src/store/WorkshopStore';
import { createApp } from '../server/src/app';
import { readConfig } from '../server/src/config';
import { hashSecret, newCardCode, newId, newToken } from '../server/src/security/tokens';
import { openSqliteStores } from '../server/src/store/sqlite/openSqliteStores';
import { failToParent, onParentRequest, replyToParent, type ServerReply, type ServerRequest } from './ipc';

const RSS_SAMPLE_MS = 100;

/** The kernel's own high-water mark of resident memory (Linux), exact where sampling may miss. */
function kernelPeakRss(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  // Only what the bench means: no PUBLIC_URL, TRUST_PROXY… inherited from the shell.
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: path.join(dataDir, 'no-client') });
  const logger = pino({ level: config.logLevel, base: { service: 'gommette' } });
  const stores = openSqliteStores(path.join(config.dataDir, 'gommette.sqlite'));
  const { store } = stores;
  const app = createApp(config, { ...stores, logger });

  let peakRss = process.memoryUsage.rss();
  const sampleRss = (): number => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    return rss;
  };
  setInterval(sampleRss, RSS_SAMPLE_MS).unref();

  /**
   * Participants are created here, through the store and the same token helpers as
   * `POST /api/sites/:joinCode/participants` (server/src/people/joinRoutes.ts), and not over REST:
   * that route allows MAX_JOINS_PER_MINUTE (120) per address, and every bench client is
   * 127.0.0.1. What the bench measures (socket handshakes and idea posting) is unchanged; the
   * parent still creates the workshop over REST.
   */
  async function seed(joinCodes: string[], count: number): Promise<string[]> {
    const sites = await Promise.all(joinCodes.map((code) => store.getSiteByJoinCode(code)));
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const site = sites[i % sites.length];
      if (!site) throw new Error(`unknown join code ${joinCodes[i % joinCodes.length]}`);
      const token = newToken();
      const participant: ParticipantRecord = {
        id: newId(),
        workshopId: site.workshopId,
        siteId: site.id,
        cardHash: hashSecret(newCardCode()),
        nickname: null,
        mood: 'sunny',
        createdAt: Date.now(),
        kind: 'resident',
        tableId: null,
      };
      await store.createParticipant(participant, hashSecret(token));
      tokens.push(token);
    }
    return tokens;
  }

  onParentRequest<ServerRequest>(async (request) => {
    switch (request.type) {
      case 'seed': {
        const started = performance.now();
        const tokens = await seed(request.joinCodes, request.participants);
        await replyToParent<ServerReply>({ type: 'seeded', tokens, durationMs: performance.now() - started });
        return;
      }
      case 'stats': {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (request.gc && gc) {
          gc();
          gc();
        }
        const rssBytes = sampleRss();
        const cpu = process.cpuUsage();
        await replyToParent<ServerReply>({
          type: 'stats',
          rssBytes,
          peakRssBytes: peakRss,
          hwmBytes: kernelPeakRss(),
          cpuMicros: cpu.user + cpu.system,
          heapUsedBytes: process.memoryUsage().heapUsed,
        });
        return;
      }
      case 'ideas': {
        const ideas = await store.listIdeas(request.workshopId);
        await replyToParent<ServerReply>({ type: 'ideas', ids: ideas.map((idea) => idea.id) });
        return;
      }
      case 'stop': {
        await app.close();
        await replyToParent<ServerReply>({ type: 'stopped' });
        process.exit(0);
      }
    }
  });

  // Killed by the parent's clean-up: close the store so the WAL is checkpointed.
  process.on('SIGTERM', () => {
    app.close().finally(() => process.exit(0));
  });

  const address = await app.listen(config.port, config.host);
  await replyToParent<ServerReply>({ type: 'listening', port: address.port });
}

main().catch(failToParent);
