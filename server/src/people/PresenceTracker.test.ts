import { describe, expect, it } from 'vitest';
import { PresenceTracker } from './PresenceTracker';

describe('PresenceTracker, alone', () => {
  it('counts distinct participants per site as they come and go, tabs once', async () => {
    const tracker = new PresenceTracker(() => undefined, { intervalMs: 60_000 });
    tracker.join('w1', 'p1', 's1');
    tracker.join('w1', 'p1', 's1'); // a second tab
    tracker.join('w1', 'p2', 's2');
    tracker.join('w2', 'p3', 's1');
    expect(await tracker.get('w1')).toEqual({ total: 2, bySite: { s1: 1, s2: 1 } });
    tracker.leave('w1', 'p1');
    expect(await tracker.get('w1')).toEqual({ total: 2, bySite: { s1: 1, s2: 1 } });
    tracker.leave('w1', 'p1');
    tracker.leave('w1', 'p9'); // never joined: nothing changes
    expect(await tracker.get('w1')).toEqual({ total: 1, bySite: { s2: 1 } });
    tracker.leave('w1', 'p2');
    expect(await tracker.get('w1')).toEqual({ total: 0, bySite: {} });
    expect(await tracker.get('w2')).toEqual({ total: 1, bySite: { s1: 1 } });
    expect([...(await tracker.connected('w2')).entries()]).toEqual([['p3', 's1']]);
    // A count handed out is a copy: changing it changes nothing here.
    (await tracker.get('w2')).bySite.s1 = 99;
    expect(await tracker.get('w2')).toEqual({ total: 1, bySite: { s1: 1 } });
    tracker.close();
  });
});
