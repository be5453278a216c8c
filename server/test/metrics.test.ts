import { afterEach, describe, expect, it } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { Ack, IdeaView } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, startServer, type ClientSocket, type TestServer } from './helpers';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const servers: TestServer[] = [];
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const server of servers.splice(0)) await server.close();
});

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
    expect(value('gommette_board_documents')).toBe(0);
    expect(value('gommette_dependency_up', { dependency: 'store' })).toBe(1);
    expect(families.has('gommette_nodejs_eventloop_lag_seconds')).toBe(true);

    for (const secret of [TOKEN, text, 'Zoubida', workshop.id, joined.participant.id, joined.participantToken, workshop.facilitatorToken, workshop.sites[0]!.joinCode]) {
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
});
