import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdeaView } from '@gommette/shared';
import { IdeaBroadcaster } from './IdeaBroadcaster';
import type { GommetteServer } from '../realtime/types';

/** Records what would go out, room by room (the timing logic is what is tested here). */
function recordingServer() {
  const sent: Array<{ room: string; event: string; ids: string[] }> = [];
  const io = {
    to: (room: string) => ({
      emit: (event: string, ideas: IdeaView[]) => sent.push({ room, event, ids: ideas.map((idea) => idea.id) }),
    }),
  } as unknown as GommetteServer;
  return { io, sent };
}

/** The phones a node holds: one in the first shard of w1's (counts go to this node's phones only). */
const phoneRooms = { of: () => ({ adapter: { rooms: new Map([['w:w1:participants:0', new Set(['phone'])]]) } }) };

const idea = (id: string): IdeaView => ({ id, siteId: 's', text: id, tableId: null, phaseId: null, theme: null, parked: false, createdAt: 0 });

describe('IdeaBroadcaster', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a quiet room its idea on the next tick, and the ideas of one tick together', () => {
    const { io, sent } = recordingServer();
    const broadcaster = new IdeaBroadcaster({ io, countVisible: async () => 0, logger: console, intervalMs: 50 });
    broadcaster.added('room', idea('a'));
    broadcaster.added('room', idea('b'));
    broadcaster.added('other', idea('c'));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([
      { room: 'room', event: 'ideas:added', ids: ['a', 'b'] },
      { room: 'other', event: 'ideas:added', ids: ['c'] },
    ]);
  });

  it('sends a busy room at most one batch per interval', () => {
    const { io, sent } = recordingServer();
    const broadcaster = new IdeaBroadcaster({ io, countVisible: async () => 0, logger: console, intervalMs: 50 });
    broadcaster.added('room', idea('a'));
    vi.advanceTimersByTime(0);
    for (const id of ['b', 'c', 'd']) {
      vi.advanceTimersByTime(10);
      broadcaster.added('room', idea(id));
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(20);
    expect(sent).toEqual([
      { room: 'room', event: 'ideas:added', ids: ['a'] },
      { room: 'room', event: 'ideas:added', ids: ['b', 'c', 'd'] },
    ]);
  });

  it('flushes one room at once, so a following event cannot overtake its ideas', () => {
    const { io, sent } = recordingServer();
    const broadcaster = new IdeaBroadcaster({ io, countVisible: async () => 0, logger: console, intervalMs: 50 });
    broadcaster.added('room', idea('a'));
    broadcaster.added('other', idea('b'));
    broadcaster.flush(['room']);
    expect(sent).toEqual([{ room: 'room', event: 'ideas:added', ids: ['a'] }]);
    vi.advanceTimersByTime(50);
    expect(sent.map((entry) => entry.room)).toEqual(['room', 'other']);
    broadcaster.close();
  });

  it("tells a workshop's phones the new count once per flush", async () => {
    const { io, sent } = recordingServer();
    const counts: Array<{ room: string; ideaCount: number }> = [];
    const countingIo = {
      ...phoneRooms,
      to: (room: string) => io.to(room),
      local: { to: (room: string) => ({ emit: (_event: string, payload: unknown) => counts.push({ room, ...(payload as { ideaCount: number }) }) }) },
    } as unknown as GommetteServer;
    const broadcaster = new IdeaBroadcaster({
      io: countingIo,
      countVisible: async (workshopId) => (workshopId === 'w1' ? 7 : 1),
      logger: console,
      intervalMs: 50,
    });
    broadcaster.counted('w1');
    broadcaster.counted('w1');
    broadcaster.added('room', idea('a'));
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    // The count follows the burst, one interval after its first idea.
    expect(counts).toEqual([]);
    vi.advanceTimersByTime(500);
    await vi.waitFor(() => expect(counts).toEqual([{ room: 'w:w1:participants:0', ideaCount: 7 }]));
  });

  it("sends a workshop's phones at most two counts a second however fast ideas come, the last count included", async () => {
    const counts: number[] = [];
    let visible = 0;
    const io = {
      ...phoneRooms,
      local: {
        to: () => ({ emit: (event: string, payload: unknown) => event === 'ideas:counted' && counts.push((payload as { ideaCount: number }).ideaCount) }),
      },
    } as unknown as GommetteServer;
    const broadcaster = new IdeaBroadcaster({ io, countVisible: async () => visible, logger: console, intervalMs: 50, now: () => Date.now() });
    // 20 ideas a second for 3 s.
    for (let tick = 0; tick < 60; tick++) {
      visible++;
      broadcaster.counted('w1');
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(counts.length).toBeLessThanOrEqual(2 * 3 + 1);
    expect(counts.length).toBeGreaterThanOrEqual(5);
    expect(counts.at(-1)).toBe(60);
    broadcaster.close();
  });
});
