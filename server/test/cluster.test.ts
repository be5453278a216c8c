import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, applyJourneyTemplate, readBoard } from '@gommette/shared/board';
import { claimOnce } from '../src/cluster/claim';
import { boardClient, synced, waitFor } from './boardHelpers';
import { startTwoNodes, type TwoNodes } from './clusterHelpers';
import { clientId, connect, createWorkshop, emitWithAck, joinAs, nextEventWhere, nextIdea, type ClientSocket } from './helpers';
import { cast, ok, openRound, phoneAt, resultsWhere, roundWhere, totalOf, voteRoom } from './voteFixtures';

let nodes: TwoNodes;
const sockets: ClientSocket[] = [];
const boards: Array<{ close(): void }> = [];

beforeAll(async () => {
  nodes = await startTwoNodes();
});

afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const board of boards.splice(0)) board.close();
  await nodes.close();
});

async function track<T extends { socket: ClientSocket }>(connecting: Promise<T>): Promise<T> {
  const connected = await connecting;
  sockets.push(connected.socket);
  return connected;
}

describe('two nodes sharing Redis and a store', () => {
  it('fans out: an idea posted on node A reaches a projector and a console on node B, once', async () => {
    const { a, b } = nodes;
    const workshop = await createWorkshop(a.url);
    const screen = await track(connect(b.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken }));
    const console = await track(connect(b.url, { role: 'facilitator', workshopId: workshop.id, token: workshop.facilitatorToken }));
    const joined = await joinAs(a.url, workshop.sites[0]!.joinCode);
    const phone = await track(connect(a.url, { role: 'participant', token: joined.participantToken }));
    const seen: string[] = [];
    screen.socket.on('ideas:added', (ideas) => seen.push(...ideas.map((idea) => idea.id)));
    const id = clientId();
    const onScreen = nextIdea(screen.socket, (idea) => idea.id === id);
    const onConsole = nextIdea(console.socket, (idea) => idea.id === id);
    ok(await emitWithAck(phone.socket, 'idea:post', { id, text: 'Une bagagerie solidaire' }));
    expect((await onScreen).text).toBe('Une bagagerie solidaire');
    expect((await onConsole).id).toBe(id);
    // A second idea is a marker: once it arrives, a duplicate of the first would have too.
    const marker = clientId();
    const markerSeen = nextIdea(screen.socket, (idea) => idea.id === marker);
    ok(await emitWithAck(phone.socket, 'idea:post', { id: marker, text: 'Des douches au centre social' }));
    await markerSeen;
    expect(seen.filter((seenId) => seenId === id)).toHaveLength(1);
  });

  it('counts presence over both nodes, distinct people, and forgets those who leave', async () => {
    const { a, b } = nodes;
    const workshop = await createWorkshop(a.url);
    const screen = await track(connect(a.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken }));
    const first = await joinAs(a.url, workshop.sites[0]!.joinCode);
    const second = await joinAs(b.url, workshop.sites[1]!.joinCode);
    const two = nextEventWhere(screen.socket, 'presence:changed', (presence) => presence.total === 2, 5000);
    await track(connect(a.url, { role: 'participant', token: first.participantToken }));
    const secondOnB = await track(connect(b.url, { role: 'participant', token: second.participantToken }));
    // The same resident on the other node too (a second tab): still two people.
    const secondOnA = await track(connect(a.url, { role: 'participant', token: second.participantToken }));
    const presence = await two;
    expect(presence.bySite).toEqual({ [workshop.sites[0]!.id]: 1, [workshop.sites[1]!.id]: 1 });
    // A snapshot taken on either node says the same.
    const late = await track(connect(b.url, { role: 'screen', workshopId: workshop.id, token: workshop.screenToken }));
    expect(late.snapshot.presence?.total).toBe(2);

    const stillTwo = nextEventWhere(screen.socket, 'presence:changed', () => true, 5000);
    secondOnB.socket.close();
    expect((await stillTwo).total).toBe(2); // still connected through node A
    const one = nextEventWhere(screen.socket, 'presence:changed', (next) => next.total === 1, 5000);
    secondOnA.socket.close();
    expect((await one).bySite).toEqual({ [workshop.sites[0]!.id]: 1 });
  });

  it('relays a board between nodes: the template from A and a note from B appear on the other node, with who looks where', async () => {
    const { a, b } = nodes;
    const workshop = await createWorkshop(a.url);
    const onA = boardClient(a.url, workshop.id, workshop.facilitatorToken);
    const onB = boardClient(b.url, workshop.id, workshop.screenToken);
    boards.push(onA, onB);
    await Promise.all([synced(onA.provider), synced(onB.provider)]);
    applyJourneyTemplate(onA.doc);
    await waitFor(() => readBoard(onB.doc).steps.length === 6, 5_000, 'template on node B');
    const joined = await joinAs(b.url, workshop.sites[0]!.joinCode);
    const phoneOnB = boardClient(b.url, workshop.id, joined.participantToken);
    boards.push(phoneOnB);
    await synced(phoneOnB.provider);
    addNote(phoneOnB.doc, {
      id: 'note-b',
      text: 'Se laver',
      siteId: joined.participant.siteId,
      placement: { kind: 'cell', stepId: 'step-wake', rowId: 'row-needs' },
      order: 1,
    });
    await waitFor(() => readBoard(onA.doc).notes.some((note) => note.id === 'note-b'), 5_000, 'note from B on A');
    expect(readBoard(onA.doc)).toEqual(readBoard(phoneOnB.doc));
    // Who looks at the board crosses nodes too (awareness).
    onA.provider.awareness.setLocalState({ role: 'facilitator', siteId: null, view: { x: 1, y: 2, width: 3, height: 4 }, lead: true });
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID)?.lead === true, 5_000, 'awareness from A on B');
    // A board opened on B after everything: loaded from the store, or handed over by node A.
    const late = boardClient(b.url, workshop.id, workshop.screenToken);
    boards.push(late);
    await synced(late.provider);
    await waitFor(() => readBoard(late.doc).notes.length === 1, 5_000, 'late board');
  });

  it("sends a cast's results to screens on the other node, a closed round's to phones there once, and the voter's gommettes to their device there", async () => {
    const { a, b } = nodes;
    const room = await voteRoom(a.url, sockets);
    const joinCode = room.workshop.sites[1]!.joinCode;
    const screenOnB = await track(connect(b.url, { role: 'screen', workshopId: room.workshop.id, token: room.workshop.screenToken }));
    const phoneOnB = await phoneAt(b.url, joinCode, sockets);
    // The author's second device, on the other node.
    const authorOnB = await track(connect(b.url, { role: 'participant', token: room.author.token }));
    const phoneResults: number[] = [];
    phoneOnB.socket.on('vote:results', (results) => phoneResults.push(totalOf(results, room.ideaIds[0]!) ?? -1));
    const round = await openRound(room);
    const onScreen = resultsWhere(screenOnB.socket, (results) => totalOf(results, room.ideaIds[0]!) === 2);
    const mineOnB = nextEventWhere(authorOnB.socket, 'vote:mine', (mine) => mine.roundId === round.id && mine.gommettes.length === 1);
    // One gommette through each node at the same moment.
    await Promise.all([cast(room.author.socket, round.id, room.ideaIds[0]!).then(ok), cast(phoneOnB.socket, round.id, room.ideaIds[0]!).then(ok)]);
    await onScreen;
    expect((await mineOnB).gommettes[0]!.ideaId).toBe(room.ideaIds[0]);
    // A phone shows results once the round is closed: none while it is open, from either node…
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect(phoneResults).toEqual([]);
    // …then the round closed on A: the final results on B, once.
    const onPhone = resultsWhere(phoneOnB.socket, (results) => results.closed && totalOf(results, room.ideaIds[0]!) === 2, 3_000);
    ok(await emitWithAck(room.facilitator.socket, 'vote:close', { roundId: round.id }));
    await onPhone;
    // A paper count typed in on A after the close: B's phone hears it (through B's own read, one message).
    const paper = resultsWhere(phoneOnB.socket, (results) => totalOf(results, room.ideaIds[0]!) === 5, 6_000);
    ok(await emitWithAck(room.facilitator.socket, 'vote:paper', { roundId: round.id, siteId: room.workshop.sites[0]!.id, counts: { [room.ideaIds[0]!]: 3 } }));
    await paper;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(phoneResults).toEqual([2, 5]);

    // An idea posted on A: the phone on B hears the new count once.
    const counts: number[] = [];
    phoneOnB.socket.on('ideas:counted', ({ ideaCount }) => counts.push(ideaCount));
    const counted = nextEventWhere(phoneOnB.socket, 'ideas:counted', ({ ideaCount }) => ideaCount === room.ideaIds.length + 1);
    ok(await emitWithAck(room.author.socket, 'idea:post', { id: clientId(), text: 'Un frigo partagé' }));
    await counted;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(counts).toEqual([room.ideaIds.length + 1]);
  });

  it('lets exactly one of many concurrent claims of a job win, across nodes', async () => {
    const [first, second] = nodes.clusters;
    const name = `job-${clientId()}`;
    const claims = await Promise.all(Array.from({ length: 10 }, (_, index) => claimOnce(index % 2 === 0 ? first : second, name, 5_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(null, name, 5_000)).toBe(true); // a lone node is its own cluster
  });

  it('closes a timed round once, though its closing time is armed on both nodes', async () => {
    const { a, b, logs } = nodes;
    const room = await voteRoom(a.url, sockets);
    const screenOnB = await track(connect(b.url, { role: 'screen', workshopId: room.workshop.id, token: room.workshop.screenToken }));
    const closes: string[] = [];
    screenOnB.socket.on('vote:round', (round) => {
      if (round.status === 'closed') closes.push(round.id);
    });
    const timed = await openRound(room, { closesAt: Date.now() + 800 });
    const closed = roundWhere(screenOnB.socket, (seen) => seen.id === timed.id && seen.status === 'closed', 15_000);
    expect((await closed).closedAt).toBeGreaterThanOrEqual(timed.closesAt!);
    // Both nodes' timers fired at the same time; a marker round sent after proves the other node's turn has passed.
    const closedLines = () => logs.flat().filter((line) => line.includes('"vote round closed"') && line.includes(timed.id));
    // Listen before opening: the projector on node B may hear of the round before the console's ack.
    const markerSeen = roundWhere(screenOnB.socket, (seen) => seen.id !== timed.id && seen.status === 'open', 15_000);
    const marker = await openRound(room);
    expect((await markerSeen).id).toBe(marker.id);
    expect(closedLines()).toHaveLength(1);
    expect(closes.filter((id) => id === timed.id)).toHaveLength(1);
  });
});

describe('a node that stops', () => {
  it('leaves its timed round to be closed by the other node', async () => {
    const { a, b } = nodes;
    const room = await voteRoom(a.url, sockets);
    const screenOnB = await track(connect(b.url, { role: 'screen', workshopId: room.workshop.id, token: room.workshop.screenToken }));
    const timed = await openRound(room, { closesAt: Date.now() + 1500 });
    const closed = roundWhere(screenOnB.socket, (seen) => seen.id === timed.id && seen.status === 'closed', 15_000);
    await a.close(); // node A goes away before the closing time
    expect((await closed).closedAt).toBeGreaterThanOrEqual(timed.closesAt!);
  });
});
