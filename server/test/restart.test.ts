import { io as connectClient } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type IdeaView, type Snapshot } from '@gommette/shared';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, removeDataDir, startServer, tempDataDir, type ClientSocket, type TestServer } from './helpers';

let current: TestServer | null = null;
const dataDir = tempDataDir();
afterAll(async () => {
  await current?.close();
  removeDataDir(dataDir);
});

describe('server restart', () => {
  it('keeps workshops, participants and ideas, and phones reconnect by themselves', async () => {
    current = await startServer({ dataDir });
    const port = Number(new URL(current.url).port);
    const workshop = await createWorkshop(current.url);
    const joined = await joinAs(current.url, workshop.sites[0]!.joinCode);
    const before = clientId();

    // A phone as the client app makes it: reconnection on, one snapshot per (re)connection.
    const phone: ClientSocket = connectClient(current.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: joined.participantToken },
    });
    const snapshots: Snapshot[] = [];
    const nextSnapshot = () => new Promise<Snapshot>((resolve) => phone.once('workshop:snapshot', resolve));
    phone.on('workshop:snapshot', (snapshot) => snapshots.push(snapshot));
    await nextSnapshot();
    expect(((await emitWithAck(phone, 'idea:post', { id: before, text: 'Avant la coupure' })) as Ack<IdeaView>).ok).toBe(true);

    await current.close();
    const reconnected = nextSnapshot();
    current = await startServer({ dataDir, port });

    const snapshot = await reconnected;
    expect(snapshot.me?.id).toBe(joined.participant.id);
    expect(snapshot.ideas.map((idea) => idea.id)).toEqual([before]);
    const after = clientId();
    expect(await emitWithAck(phone, 'idea:post', { id: after, text: 'Après la coupure' })).toMatchObject({ ok: true });
    // A resend of the idea acked before the restart is still a no-op.
    expect(await emitWithAck(phone, 'idea:post', { id: before, text: 'Avant la coupure' })).toMatchObject({ ok: true, data: { id: before } });

    const console_ = await connect(current.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    expect(console_.snapshot.ideas.map((idea) => idea.text)).toEqual(['Avant la coupure', 'Après la coupure']);
    console_.socket.close();
    phone.close();
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
  });
});
