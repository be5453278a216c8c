import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { Ack, IdeaView } from '@gommette/shared';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { openPgStores } from '../src/store/pg/openPgStores';
import { createTestDatabase } from '../src/store/pg/testDatabase';
import { startTwoNodes } from './clusterHelpers';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, removeDataDir, startServer, tempDataDir, type ClientSocket, type TestServer } from './helpers';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const servers: TestServer[] = [];
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const server of servers.splice(0)) await server.close();
});

type Families = Map<string, ReturnType<typeof parsePrometheusTextFormat>[number]>;

async function scrape(url: string, token?: string): Promise<{ body: string; families: Families }> {
  const response = await fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(response.status).toBe(200);
  const body = await response.text();
  return { body, families: new Map(parsePrometheusTextFormat(body).map((family) => [family.name, family])) };
}

/**
 * Observations of a histogram's series with exactly these labels, from its `_count` line (the
 * parser keeps a histogram's buckets but not its labels).
 */
function observations(families: Families, body: string, name: string, labels: Record<string, string>): number {
  expect(families.get(name)?.type).toBe('HISTOGRAM');
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = body.split('\n').find((row) => row.startsWith(`${name}_count{`) && wanted.every((pair) => row.includes(pair)));
  return Number(line?.split(' ').at(-1) ?? 0);
}

async function serve(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startServer({ env });
  servers.push(server);
  return server;
}

describe('/metrics', () => {
  it('counts sockets, workshops and acks, and shows nothing of a workshop', async () => {
    const server = await serve({ METRICS_TOKEN: TOKEN });
    const workshop = await createWorkshop(server.url);
    const facilitator = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    const joined = await joinAs(server.url, workshop.sites[0]!.joinCode, 'Zoubida');
    const phone = await connect(server.url, { role: 'participant', token: joined.participantToken });
    sockets.push(facilitator.socket, phone.socket);
    const text = 'Une idée très secrète pour le quartier';
    for (let i = 0; i < 3; i += 1) {
      const ack = (await emitWithAck(phone.socket, 'idea:post', { id: clientId(), text: `${text} ${i}` })) as Ack<IdeaView>;
      expect(ack.ok).toBe(true);
    }
    const refused = (await emitWithAck(phone.socket, 'idea:post', { id: 'x', text: '' })) as Ack<IdeaView>;
    expect(refused.ok).toBe(false);

    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const body = await response.text();
    const families = new Map(parsePrometheusTextFormat(body).map((family) => [family.name, family]));
    const value = (name: string, labels: Record<string, string> = {}): number => {
      const sample = families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
      return Number(sample?.value ?? sample?.count ?? NaN);
    };
    expect(value('gommette_sockets', { role: 'participant' })).toBe(1);
    expect(value('gommette_sockets', { role: 'facilitator' })).toBe(1);
    expect(value('gommette_sockets', { role: 'kiosk' })).toBe(0);
    expect(value('gommette_workshops_live')).toBe(1);
    expect(value('gommette_commands_total', { event: 'idea:post', code: 'ok' })).toBe(3);
    expect(families.get('gommette_commands_total')!.metrics.some((m) => m.labels?.event === 'idea:post' && m.labels.code !== 'ok')).toBe(true);
    expect(families.get('gommette_command_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(families.get('gommette_command_duration_seconds')!.metrics.map((m) => m.buckets?.['+Inf'])).toContain('4'); // idea:post, 3 ok + 1 refused
    // Store commit latency: every idea written is one timed write of the workshops port.
    expect(observations(families, body, 'gommette_store_duration_seconds', { store: 'workshops', kind: 'write' })).toBeGreaterThanOrEqual(3);
    expect(observations(families, body, 'gommette_store_duration_seconds', { store: 'workshops', kind: 'read' })).toBeGreaterThan(0);
    expect(value('gommette_board_documents')).toBe(0);
    expect(value('gommette_dependency_up', { dependency: 'store' })).toBe(1);
    expect(families.has('gommette_nodejs_eventloop_lag_seconds')).toBe(true);

    for (const secret of [
      TOKEN,
      text,
      'Zoubida',
      workshop.id,
      joined.participant.id,
      joined.participantToken,
      workshop.facilitatorToken,
      workshop.sites[0]!.joinCode,
    ]) {
      expect(body).not.toContain(secret);
    }
  });

  it('refuses a wrong or missing token', async () => {
    const server = await serve({ METRICS_TOKEN: TOKEN });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
  });

  it('without a token, answers loopback only, and nobody behind a proxy', async () => {
    const local = await serve();
    expect((await fetch(`${local.url}/metrics`)).status).toBe(200);
    const proxied = await serve({ TRUST_PROXY: '1' });
    expect((await fetch(`${proxied.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(403);
  });

  it('on PostgreSQL: store commit latency and the health of the store', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase();
    const dataDir = tempDataDir();
    const config = readConfig({
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      CLIENT_DIR: path.join(dataDir, 'no-client'),
      DATABASE_URL: database.url,
      METRICS_TOKEN: TOKEN,
    });
    const app = createApp(config, { ...(await openPgStores(database.url)), logger: pino({ level: 'silent' }), cluster: null });
    try {
      const address = await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${address.port}`;
      const workshop = await createWorkshop(url);
      const joined = await joinAs(url, workshop.sites[0]!.joinCode);
      const phone = await connect(url, { role: 'participant', token: joined.participantToken });
      sockets.push(phone.socket);
      expect(await emitWithAck(phone.socket, 'idea:post', { id: clientId(), text: 'Une idée en base' })).toMatchObject({ ok: true });
      const { families, body } = await scrape(url, TOKEN);
      expect(observations(families, body, 'gommette_store_duration_seconds', { store: 'workshops', kind: 'write' })).toBeGreaterThanOrEqual(3); // workshop, participant, idea
      expect(families.get('gommette_dependency_up')!.metrics.find((m) => m.labels?.dependency === 'store')?.value).toBe('1');
      expect(body).not.toContain(database.url);
      expect(body).not.toContain('Une idée en base');
    } finally {
      await app.close();
      await database.drop();
      removeDataDir(dataDir);
    }
  });

  it('in a cluster: Redis health', async () => {
    const nodes = await startTwoNodes();
    try {
      // The first ping runs at start; its answer may land just after the first scrape.
      const redisUp = async () =>
        (await scrape(nodes.a.url)).families.get('gommette_dependency_up')?.metrics.find((m) => m.labels?.dependency === 'redis')?.value;
      await expect.poll(redisUp, { timeout: 5_000 }).toBe('1');
      // The socket.io Redis adapter rejects its subscriber's first commands unhandled when closed
      // within a moment of its start (the cluster suites run longer): let them finish.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      await nodes.close();
    }
  });
});
