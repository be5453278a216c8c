import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDEAS_PER_MINUTE, type Ack, type IdeaView, type Presence } from '@gommette/shared';
import {
  clientId,
  connect,
  createWorkshop,
  emitWithAck,
  joinAs,
  nextEvent,
  nextIdea,
  rawEmit,
  startServer,
  type ClientSocket,
  type TestServer,
} from './helpers';
import { SqliteWorkshopStore } from '../src/store/sqlite/SqliteWorkshopStore';

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await server.close();
});

async function room() {
  const workshop = await createWorkshop(server.url);
  const screen = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
  const console_ = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
  sockets.push(screen.socket, console_.socket);
  return { workshop, screen, console: console_ };
}

async function participant(joinCode: string) {
  const joined = await joinAs(server.url, joinCode);
  const connection = await connect(server.url, { role: 'participant', token: joined.participantToken });
  sockets.push(connection.socket);
  return { joined, ...connection };
}

/** A second handle on the server's SQLite file, to look at what is really stored. */
function storeOf() {
  return new SqliteWorkshopStore({ filename: path.join(server.dataDir, 'gommette.sqlite') });
}

describe('ideas over socket.io', () => {
  it('shows a posted idea on the projector and the console, without its author', async () => {
    const { workshop, screen, console: facilitator } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    expect(resident.snapshot.me).toMatchObject({ id: resident.joined.participant.id, mood: 'sunny' });
    expect(resident.snapshot.workshop.purpose).toContain('servira à');

    const id = clientId();
    const onScreen = nextIdea(screen.socket, (idea) => idea.id === id);
    const onConsole = nextIdea(facilitator.socket, (idea) => idea.id === id);
    const ack = (await emitWithAck(resident.socket, 'idea:post', { id, text: '  Un sac à dos   créé par les jeunes ' })) as Ack<IdeaView>;
    expect(ack).toMatchObject({ ok: true, data: { id, text: 'Un sac à dos créé par les jeunes', mine: true } });

    const shown = await onScreen;
    expect(shown).toEqual({
      id,
      siteId: workshop.sites[0]!.id,
      text: 'Un sac à dos créé par les jeunes',
      createdAt: expect.any(Number),
      tableId: null,
      phaseId: null,
      theme: null,
      parked: false,
    });
    expect(await onConsole).toMatchObject({ id, hidden: false });
    for (const view of [shown, await onConsole]) {
      expect(JSON.stringify(view)).not.toContain(resident.joined.participant.id);
    }
  });

  it('stores a resent idea once and acks the original (exactly once)', async () => {
    const { workshop } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const id = clientId();
    const first = (await emitWithAck(resident.socket, 'idea:post', { id, text: 'Une carte du quartier' })) as Ack<IdeaView>;
    const again = (await emitWithAck(resident.socket, 'idea:post', { id, text: 'Une carte du quartier' })) as Ack<IdeaView>;
    // A burst of concurrent resends, as after a reconnection.
    const burst = (await Promise.all(
      Array.from({ length: 5 }, () => emitWithAck(resident.socket, 'idea:post', { id, text: 'Une carte du quartier' })),
    )) as Array<Ack<IdeaView>>;
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.data).toEqual(first.data);
    for (const ack of burst) expect(ack).toEqual(first);

    const store = storeOf();
    expect((await store.listIdeas(workshop.id)).filter((idea) => idea.id === id)).toHaveLength(1);
    await store.close();
  });

  it('stores concurrent first sends of one id once and broadcasts it once', async () => {
    const { workshop, screen } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const seen: string[] = [];
    screen.socket.on('ideas:added', (ideas) => seen.push(...ideas.map((idea) => idea.id)));
    const id = clientId();
    const acks = (await Promise.all(Array.from({ length: 6 }, () => emitWithAck(resident.socket, 'idea:post', { id, text: 'En même temps' })))) as Array<
      Ack<IdeaView>
    >;
    expect(new Set(acks.map((ack) => JSON.stringify(ack))).size).toBe(1);
    // A later idea is a fence: events arrive in order, so once it is shown every broadcast
    // of the first one has arrived too.
    const fence = clientId();
    const fenceShown = nextIdea(screen.socket, (idea) => idea.id === fence);
    await emitWithAck(resident.socket, 'idea:post', { id: fence, text: 'Après' });
    await fenceShown;
    expect(seen.filter((seenId) => seenId === id)).toHaveLength(1);
  });

  it('refuses an id already used by someone else', async () => {
    const { workshop } = await room();
    const alice = await participant(workshop.sites[0]!.joinCode);
    const bob = await participant(workshop.sites[0]!.joinCode);
    const id = clientId();
    await emitWithAck(alice.socket, 'idea:post', { id, text: 'Parler avec eux' });
    expect(await emitWithAck(bob.socket, 'idea:post', { id, text: 'Autre chose' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('hides an idea everywhere and can restore it', async () => {
    const { workshop, screen, console: facilitator } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const id = clientId();
    await emitWithAck(resident.socket, 'idea:post', { id, text: 'Ouvrir des maisons abandonnées' });

    const removedOnScreen = nextEvent(screen.socket, 'idea:removed');
    const removedOnPhone = nextEvent(resident.socket, 'idea:removed');
    const moderated = nextEvent(facilitator.socket, 'idea:moderated');
    expect(await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: id, hidden: true })).toMatchObject({ ok: true, data: { id, hidden: true } });
    expect(await removedOnScreen).toEqual({ ideaId: id });
    expect(await removedOnPhone).toEqual({ ideaId: id });
    expect(await moderated).toMatchObject({ id, hidden: true });

    // A screen connecting later does not see it; the facilitator does, marked hidden.
    const lateScreen = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    const lateConsole = await connect(server.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken });
    sockets.push(lateScreen.socket, lateConsole.socket);
    expect(lateScreen.snapshot.ideas.map((idea) => idea.id)).not.toContain(id);
    expect(lateConsole.snapshot.ideas.find((idea) => idea.id === id)).toMatchObject({ hidden: true });

    const restored = nextIdea(screen.socket, (idea) => idea.id === id);
    await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: id, hidden: false });
    expect(await restored).toMatchObject({ id, text: 'Ouvrir des maisons abandonnées' });
  });

  it('never lets a removal overtake the idea it removes', async () => {
    const { workshop, screen, console: facilitator } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const shown = new Set<string>();
    screen.socket.on('ideas:added', (ideas) => ideas.forEach((idea) => shown.add(idea.id)));
    screen.socket.on('idea:removed', ({ ideaId }) => shown.delete(ideaId));
    // The first idea makes the room busy: the next one waits for the next batch…
    const ids = [clientId(), clientId()];
    await emitWithAck(resident.socket, 'idea:post', { id: ids[0], text: 'première' });
    await emitWithAck(resident.socket, 'idea:post', { id: ids[1], text: 'seconde' });
    // …and is hidden as soon as acked, while its broadcast is still queued.
    await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: ids[1]!, hidden: true });
    const fence = clientId();
    const fenceShown = nextIdea(screen.socket, (idea) => idea.id === fence);
    await emitWithAck(resident.socket, 'idea:post', { id: fence, text: 'clôture' });
    await fenceShown;
    expect([...shown].sort()).toEqual([ids[0]!, fence].sort());
  });

  it('lets only the facilitator moderate, only in their own workshop, and only participants post', async () => {
    const { workshop, screen, console: facilitator } = await room();
    const other = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const id = clientId();
    await emitWithAck(resident.socket, 'idea:post', { id, text: 'Un livre d’or' });

    expect(await emitWithAck(resident.socket, 'idea:hide', { ideaId: id, hidden: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await emitWithAck(screen.socket, 'idea:hide', { ideaId: id, hidden: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await emitWithAck(other.console.socket, 'idea:hide', { ideaId: id, hidden: true })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await emitWithAck(facilitator.socket, 'idea:post', { id: clientId(), text: 'x' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('answers bad payloads with coded errors and stays up', async () => {
    const { workshop } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const post = (payload: unknown) => emitWithAck(resident.socket, 'idea:post', payload);

    expect(await post({ id: 42, text: 'ok' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post({ id: clientId(), text: ['a'] })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post('just a string')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post(null)).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post({ id: '../../etc/passwd', text: 'x' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post({ id: clientId(), text: '   ' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(await post({ id: clientId(), text: 'é'.repeat(201) })).toMatchObject({ ok: false, code: 'too_large' });
    expect(await post({ id: clientId(), text: 'x'.repeat(10_000) })).toMatchObject({ ok: false, code: 'too_large' });
    expect(await emitWithAck(resident.socket, 'vote:stuff', { ideaId: 'x' })).toMatchObject({ ok: false, code: 'unknown_event' });
    expect(await emitWithAck(resident.socket, '__proto__', {})).toMatchObject({ ok: false, code: 'unknown_event' });
    // No ack function at all: nothing to answer, nothing crashes.
    rawEmit(resident.socket, 'idea:post', { id: clientId(), text: 'sans accusé' });

    // An emoji counts as one character: 200 of them fit.
    expect(await post({ id: clientId(), text: '🙂'.repeat(200) })).toMatchObject({ ok: true });

    // 1 MB: over maxHttpBufferSize, the transport drops that connection only.
    const bystander = await participant(workshop.sites[0]!.joinCode);
    const dropped = new Promise<string>((resolve) => resident.socket.once('disconnect', resolve));
    rawEmit(resident.socket, 'idea:post', { id: clientId(), text: 'x'.repeat(1024 * 1024) });
    expect(await dropped).toMatch(/transport (close|error)/);
    expect(await emitWithAck(bystander.socket, 'idea:post', { id: clientId(), text: 'toujours là' })).toMatchObject({ ok: true });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('limits ideas per participant, not per network address', async () => {
    const { workshop } = await room();
    const hasty = await participant(workshop.sites[0]!.joinCode);
    const calm = await participant(workshop.sites[0]!.joinCode);
    const acks = [];
    for (let i = 0; i <= MAX_IDEAS_PER_MINUTE; i++) {
      acks.push((await emitWithAck(hasty.socket, 'idea:post', { id: clientId(), text: `idée ${i}` })) as Ack<IdeaView>);
    }
    expect(acks.slice(0, MAX_IDEAS_PER_MINUTE).every((ack) => ack.ok)).toBe(true);
    const refused = acks.at(-1)!;
    expect(refused).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(!refused.ok && refused.retryAfterMs).toBeGreaterThan(0);
    // Same address, another participant: unaffected.
    expect(await emitWithAck(calm.socket, 'idea:post', { id: clientId(), text: 'moi aussi' })).toMatchObject({ ok: true });
  });

  it('counts connected people per site on the projector', async () => {
    const { workshop, screen } = await room();
    const update = nextEvent(screen.socket, 'presence:changed');
    const first = await participant(workshop.sites[0]!.joinCode);
    // Phones do not show who is here: they are not sent it (issue 17, "quiet phones").
    let phoneHeard = 0;
    first.socket.on('presence:changed', () => phoneHeard++);
    await participant(workshop.sites[1]!.joinCode);
    let presence: Presence = await update;
    while (presence.total < 2) presence = await nextEvent(screen.socket, 'presence:changed');
    expect(presence).toEqual({ total: 2, bySite: { [workshop.sites[0]!.id]: 1, [workshop.sites[1]!.id]: 1 } });
    expect(phoneHeard).toBe(0);

    // The same resident on a second connection still counts once.
    const again = await connect(server.url, { role: 'participant', token: first.joined.participantToken });
    sockets.push(again.socket);
    // …and its snapshot carries no presence either; the projector's says two.
    expect(again.snapshot.presence).toBeNull();
    const screenAgain = await connect(server.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken });
    sockets.push(screenAgain.socket);
    expect(screenAgain.snapshot.presence?.total).toBe(2);

    const afterLeave = nextEvent(screen.socket, 'presence:changed');
    first.socket.close();
    again.socket.close();
    expect((await afterLeave).total).toBe(1);
  });

  it("gives a phone its own ideas and the count of all, never the others' ideas", async () => {
    const { workshop, console: facilitator } = await room();
    const resident = await participant(workshop.sites[0]!.joinCode);
    const neighbour = await participant(workshop.sites[0]!.joinCode);
    const othersSeen: string[] = [];
    resident.socket.on('ideas:added', (ideas) => othersSeen.push(...ideas.map((idea) => idea.id)));
    const mine = clientId();
    const theirs = clientId();
    await emitWithAck(resident.socket, 'idea:post', { id: mine, text: 'La mienne' });
    const counted = nextEvent(resident.socket, 'ideas:counted');
    await emitWithAck(neighbour.socket, 'idea:post', { id: theirs, text: 'La sienne' });
    let { ideaCount } = await counted;
    while (ideaCount < 2) ({ ideaCount } = await nextEvent(resident.socket, 'ideas:counted'));
    expect(ideaCount).toBe(2);
    expect(othersSeen).not.toContain(theirs);

    // Reconnecting: own ideas only, marked, and the count.
    resident.socket.close();
    const back = await connect(server.url, { role: 'participant', token: resident.joined.participantToken });
    sockets.push(back.socket);
    expect(back.snapshot.ideas).toEqual([expect.objectContaining({ id: mine, mine: true, text: 'La mienne' })]);
    expect(back.snapshot.ideaCount).toBe(2);

    // Hidden: it leaves its author's phone and the count drops; restored: it comes back.
    const removed = nextEvent(back.socket, 'idea:removed');
    await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: mine, hidden: true });
    expect(await removed).toEqual({ ideaId: mine });
    const restored = nextIdea(back.socket, (idea) => idea.id === mine);
    await emitWithAck(facilitator.socket, 'idea:hide', { ideaId: mine, hidden: false });
    expect(await restored).toMatchObject({ id: mine, mine: true });
  });

  it("shows a resident's idea on their other device", async () => {
    const { workshop } = await room();
    const phone = await participant(workshop.sites[0]!.joinCode);
    const tablet = await connect(server.url, { role: 'participant', token: phone.joined.participantToken });
    sockets.push(tablet.socket);
    const id = clientId();
    const onTablet = nextIdea(tablet.socket, (idea) => idea.id === id);
    // The phone that posted has its idea from the ack: it is not sent it again.
    const echoes: string[] = [];
    phone.socket.on('ideas:added', (ideas) => echoes.push(...ideas.map((idea) => idea.id)));
    await emitWithAck(phone.socket, 'idea:post', { id, text: 'Depuis le téléphone' });
    expect(await onTablet).toMatchObject({ id, mine: true });
    // A marker from the tablet: once the phone has it, an echo of the first would have come.
    const marker = clientId();
    const markerOnPhone = nextIdea(phone.socket, (idea) => idea.id === marker);
    await emitWithAck(tablet.socket, 'idea:post', { id: marker, text: 'Depuis la tablette' });
    await markerOnPhone;
    expect(echoes).toEqual([marker]);
  });
});
