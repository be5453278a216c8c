/**
 * When the phone's outboxes send a command again (fake timers, a fake socket): after the ack
 * timeout, then twice as late each time with jitter, capped; a late answer settles the command
 * and resets the count; a reconnection resends at once; `retryAfterMs` is waited out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode, RESEND_FIRST_MS, RESEND_MAX_MS, type IdeaView, type MyVotes, type Snapshot } from '@gommette/shared';
import type { GommetteSocket } from './createSocket';
import { SNAPSHOT_WAIT_MS } from './SendLoop';
import { VoteOutbox } from '../vote/VoteOutbox';
import { Outbox } from '../ideas/Outbox';
import { MemoryStorage } from '../test/outboxHarness';

interface Sent {
  event: string;
  payload: { id?: string; voterId?: string };
  ack: (reply: unknown) => void;
  at: number;
}

/** Just what the outboxes use of a socket.io socket. */
class FakeSocket {
  connected = true;
  readonly sent: Sent[] = [];
  private readonly handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, handler: (...args: unknown[]) => void): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }
  off(event: string, handler: (...args: unknown[]) => void): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  emit(event: string, payload: Sent['payload'], ack: (reply: unknown) => void): this {
    this.sent.push({ event, payload, ack, at: Date.now() });
    return this;
  }
  drop(): void {
    this.connected = false;
    for (const handler of this.handlers.get('disconnect') ?? []) handler();
  }
  reconnect(): void {
    this.connected = true;
    for (const handler of this.handlers.get('connect') ?? []) handler();
  }
  /** The snapshot the server begins every connection with (only what the outboxes read of it). */
  snapshot(parts: { ideas?: IdeaView[]; mine?: MyVotes }): void {
    const snapshot = { ideas: parts.ideas ?? [], vote: { round: null, results: null, mine: parts.mine ?? null, matrix: null } } as unknown as Snapshot;
    for (const handler of this.handlers.get('workshop:snapshot') ?? []) handler(snapshot);
  }
  asSocket(): GommetteSocket {
    return this as unknown as GommetteSocket;
  }
}

const idea = (id: string): IdeaView => ({ id, text: 'Une idée', createdAt: 0, hidden: false, siteId: 's', mine: true }) as unknown as IdeaView;
const votes: MyVotes = { roundId: 'r', gommettes: [] } as unknown as MyVotes;

let random = 0;
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  (globalThis as { window?: unknown }).window = { localStorage: new MemoryStorage() };
  random = 0;
  vi.spyOn(Math, 'random').mockImplementation(() => random);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  delete (globalThis as { window?: unknown }).window;
});

describe('the outboxes resend with back-off', () => {
  it('waits the ack timeout, then twice as long each time, up to the cap', () => {
    const socket = new FakeSocket();
    const outbox = new Outbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.send('Une bagagerie');
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(RESEND_FIRST_MS - 1);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
    vi.advanceTimersByTime(2 * RESEND_FIRST_MS - 1);
    expect(socket.sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(3);
    vi.advanceTimersByTime(10 * 60_000);
    const gaps = socket.sent.slice(1).map((send, i) => send.at - socket.sent[i]!.at);
    expect(gaps.slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...gaps)).toBe(RESEND_MAX_MS);
    // Always the same idea, under the same id.
    expect(new Set(socket.sent.map((send) => send.payload.id)).size).toBe(1);
    expect(outbox.resendCount).toBe(socket.sent.length - 1);
  });

  it('spreads resends with jitter (up to half the wait more)', () => {
    random = 1;
    const socket = new FakeSocket();
    const outbox = new Outbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.send('Une bagagerie');
    vi.advanceTimersByTime(RESEND_FIRST_MS * 1.5 - 1);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
  });

  it('takes a late answer to an earlier send, and starts the count again for the next command', () => {
    const socket = new FakeSocket();
    const outbox = new Outbox('p1');
    const sent: string[] = [];
    outbox.attach(socket.asSocket(), (stored) => sent.push(stored.id));
    outbox.send('Première');
    outbox.send('Deuxième');
    vi.advanceTimersByTime(RESEND_FIRST_MS + 2 * RESEND_FIRST_MS); // two resends of the first
    expect(socket.sent).toHaveLength(3);
    const first = socket.sent[0]!;
    first.ack({ ok: true, data: idea(first.payload.id!) }); // the first send's answer, late
    expect(sent).toEqual([first.payload.id]);
    expect(socket.sent).toHaveLength(4);
    expect(socket.sent[3]!.payload.id).not.toBe(first.payload.id);
    // The resends' answers come too: ignored, nothing sent twice.
    socket.sent[1]!.ack({ ok: true, data: idea(first.payload.id!) });
    socket.sent[2]!.ack({ ok: true, data: idea(first.payload.id!) });
    expect(sent).toEqual([first.payload.id]);
    expect(socket.sent).toHaveLength(4);
    // The second idea's first resend comes after the first wait again (the count was reset).
    vi.advanceTimersByTime(RESEND_FIRST_MS);
    expect(socket.sent).toHaveLength(5);
    expect(outbox.getSnapshot().pending).toHaveLength(1);
  });

  it('resends as soon as the snapshot after a reconnection lacks the command, and ignores the answer of the dropped connection', () => {
    const socket = new FakeSocket();
    const outbox = new VoteOutbox('p1');
    const acks: MyVotes[] = [];
    outbox.attach(socket.asSocket(), (mine) => acks.push(mine));
    outbox.stick('r', 'i1');
    vi.advanceTimersByTime(RESEND_FIRST_MS + 2 * RESEND_FIRST_MS);
    expect(socket.sent).toHaveLength(3);
    socket.drop();
    vi.advanceTimersByTime(60_000);
    expect(socket.sent).toHaveLength(3); // nothing goes out while disconnected
    socket.sent[0]!.ack({ ok: true, data: votes }); // from the dead connection
    expect(acks).toHaveLength(0);
    socket.reconnect();
    expect(socket.sent).toHaveLength(3); // the snapshot says first whether it was stored
    socket.snapshot({ mine: { roundId: 'r', gommettes: [{ id: 'another', ideaId: 'i2' }], version: 3 } });
    expect(socket.sent).toHaveLength(4); // not stored: at once
    expect(socket.sent[3]!.event).toBe('vote:cast');
    // And its back-off starts from the first wait.
    vi.advanceTimersByTime(RESEND_FIRST_MS);
    expect(socket.sent).toHaveLength(5);
    socket.sent[4]!.ack({ ok: true, data: votes });
    expect(acks).toHaveLength(1);
    expect(outbox.getSnapshot().pending).toHaveLength(0);
    vi.advanceTimersByTime(10 * 60_000);
    expect(socket.sent).toHaveLength(5);
  });

  it('waits what the server asks (retryAfterMs), with jitter, before sending again', () => {
    random = 1;
    const socket = new FakeSocket();
    const outbox = new VoteOutbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.stick('r', 'i1');
    socket.sent[0]!.ack({ ok: false, code: ErrorCode.RateLimited, message: 'busy', retryAfterMs: 8_000 });
    vi.advanceTimersByTime(8_000 * 1.25 - 1);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
    expect(socket.sent[1]!.payload.id).toBe(socket.sent[0]!.payload.id);
  });

  it('keeps an idea the server shed (retryAfterMs), says so, and sends it again once the wait is over', () => {
    const socket = new FakeSocket();
    const outbox = new Outbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.send('Une bagagerie');
    socket.sent[0]!.ack({ ok: false, code: ErrorCode.RateLimited, message: 'the server is busy', retryAfterMs: 3_000 });
    expect(outbox.getSnapshot().pending[0]?.notice).toBe('rate_limited');
    vi.advanceTimersByTime(2_999);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
    socket.sent[1]!.ack({ ok: true, data: idea(socket.sent[1]!.payload.id!) });
    expect(outbox.getSnapshot().pending).toHaveLength(0);
  });

  it('backs off after temporary failures, and a success resets it', () => {
    const socket = new FakeSocket();
    const outbox = new VoteOutbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.stick('r', 'i1');
    socket.sent[0]!.ack({ ok: false, code: ErrorCode.Internal, message: 'oops' });
    vi.advanceTimersByTime(1_000);
    expect(socket.sent).toHaveLength(2);
    socket.sent[1]!.ack({ ok: false, code: ErrorCode.Internal, message: 'oops' });
    vi.advanceTimersByTime(1_999);
    expect(socket.sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(3);
    socket.sent[2]!.ack({ ok: true, data: votes });
    outbox.stick('r', 'i2');
    socket.sent[3]!.ack({ ok: false, code: ErrorCode.Internal, message: 'oops' });
    vi.advanceTimersByTime(1_000);
    expect(socket.sent).toHaveLength(5);
  });

  it('settles a command the snapshot after a reconnection shows stored, without sending it again', () => {
    const socket = new FakeSocket();
    const ideas = new Outbox('p1');
    const shown: string[] = [];
    ideas.attach(socket.asSocket(), (stored) => shown.push(stored.id));
    ideas.send('Une bagagerie');
    ideas.send('Un banc');
    const [first] = socket.sent;
    socket.drop(); // stored, but its ack was lost with the connection
    socket.reconnect();
    socket.snapshot({ ideas: [idea(first!.payload.id!)] });
    expect(shown).toEqual([first!.payload.id]);
    expect(ideas.getSnapshot().pending.map((pending) => pending.text)).toEqual(['Un banc']);
    expect(socket.sent.map((send) => send.payload.id)).toEqual([first!.payload.id, ideas.getSnapshot().pending[0]!.id]);

    const votesSocket = new FakeSocket();
    const gommettes = new VoteOutbox('p1');
    const acks: MyVotes[] = [];
    gommettes.attach(votesSocket.asSocket(), (mine) => acks.push(mine));
    gommettes.stick('r', 'i1');
    const stickId = votesSocket.sent[0]!.payload.id!;
    votesSocket.sent[0]!.ack({ ok: true, data: { roundId: 'r', gommettes: [{ id: stickId, ideaId: 'i1' }], version: 1 } });
    gommettes.takeBack('r', stickId);
    expect(votesSocket.sent[1]!.event).toBe('vote:takeBack');
    votesSocket.drop();
    votesSocket.reconnect();
    // The take-back was stored: the gommette is gone from the snapshot's.
    const after: MyVotes = { roundId: 'r', gommettes: [], version: 2 };
    votesSocket.snapshot({ mine: after });
    expect(acks.at(-1)).toEqual(after);
    expect(gommettes.getSnapshot().pending).toHaveLength(0);
    expect(votesSocket.sent).toHaveLength(2);
    vi.advanceTimersByTime(10 * 60_000);
    expect(votesSocket.sent).toHaveLength(2);
  });

  it('sends again without the snapshot if none comes in time, and a kiosk never counts on it', () => {
    const socket = new FakeSocket();
    const outbox = new VoteOutbox('p1');
    outbox.attach(socket.asSocket(), () => undefined);
    outbox.stick('r', 'i1');
    socket.drop();
    socket.reconnect();
    vi.advanceTimersByTime(SNAPSHOT_WAIT_MS - 1);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);

    const kioskSocket = new FakeSocket();
    const kiosk = new VoteOutbox('kiosk');
    kiosk.attach(kioskSocket.asSocket(), () => undefined);
    kiosk.stick('r', 'i1', 'voter-1');
    const stickId = kioskSocket.sent[0]!.payload.id!;
    kioskSocket.drop();
    kioskSocket.reconnect();
    // A snapshot's own gommettes are a phone's, never a kiosk voter's: the gommette goes again.
    kioskSocket.snapshot({ mine: { roundId: 'r', gommettes: [{ id: stickId, ideaId: 'i1' }], version: 1 } });
    expect(kioskSocket.sent.map((send) => send.payload.id)).toEqual([stickId, stickId]);
  });
});
