import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './Coalescer';
import { DueTimers } from './DueTimers';

afterEach(() => {
  vi.useRealTimers();
});

describe('DueTimers', () => {
  it('closes a round at its time, even weeks away (past setTimeout’s 24.8-day limit)', () => {
    vi.useFakeTimers({ now: 0 });
    const due: string[] = [];
    const timers = new DueTimers(
      (_workshopId, roundId) => due.push(roundId),
      () => Date.now(),
    );
    const in40Days = 40 * 24 * 3600_000;
    timers.arm({ id: 'far', workshopId: 'w', closesAt: in40Days });
    timers.arm({ id: 'soon', workshopId: 'w', closesAt: 1_000 });
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual(['soon']);
    vi.advanceTimersByTime(in40Days - 1_001);
    expect(due).toEqual(['soon']);
    vi.advanceTimersByTime(1);
    expect(due).toEqual(['soon', 'far']);
  });

  it('waits the rest when its timer fires before the clock says it is due', () => {
    vi.useFakeTimers({ now: 0 });
    const due: string[] = [];
    let lag = 0;
    const timers = new DueTimers(
      (_workshopId, id) => due.push(`${id}@${Date.now() - lag}`),
      () => Date.now() - lag,
    );
    timers.arm({ id: 'step', workshopId: 'w', closesAt: 1_000 });
    // The wall clock falls 2 ms behind the timers: when the timer fires, it says 998.
    lag = 2;
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(due).toEqual(['step@1000']);
  });

  it('fires at once for a round already due (after a restart), and never for a cancelled one', () => {
    vi.useFakeTimers({ now: 10_000 });
    const due: string[] = [];
    const timers = new DueTimers(
      (_workshopId, roundId) => due.push(roundId),
      () => Date.now(),
    );
    timers.arm({ id: 'late', workshopId: 'w', closesAt: 5_000 });
    timers.arm({ id: 'cancelled', workshopId: 'w', closesAt: 12_000 });
    timers.cancel('cancelled');
    vi.advanceTimersByTime(5_000);
    expect(due).toEqual(['late']);
  });
});

describe('Coalescer', () => {
  /** A coalescer on fake timers, and what it sent. */
  function recording(intervalMs: number, trailing = false): { coalescer: Coalescer; flushes: string[][] } {
    vi.useFakeTimers({ now: 0 });
    const flushes: string[][] = [];
    const coalescer = new Coalescer(
      intervalMs,
      (keys) => flushes.push(keys),
      () => Date.now(),
      trailing,
    );
    return { coalescer, flushes };
  }

  it('sends a quiet change at once and a busy stream at most once per interval', () => {
    const { coalescer, flushes } = recording(100);
    coalescer.mark('w1');
    vi.advanceTimersByTime(0);
    expect(flushes).toEqual([['w1']]);
    for (let ms = 0; ms < 300; ms += 5) {
      coalescer.mark('w1');
      coalescer.mark('w2');
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(100);
    expect(flushes.length).toBeGreaterThanOrEqual(3);
    expect(flushes.length).toBeLessThanOrEqual(5);
    expect(flushes.slice(1).every((keys) => keys.includes('w1') && keys.includes('w2'))).toBe(true);
    coalescer.close();
  });

  it('with trailing, sends a burst once after it, and forgets a cancelled key', () => {
    const { coalescer, flushes } = recording(2_000, true);
    for (let ms = 0; ms < 1_500; ms += 10) {
      coalescer.mark('w1');
      vi.advanceTimersByTime(10);
    }
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(flushes).toEqual([['w1']]);
    coalescer.mark('w1');
    coalescer.mark('w2');
    coalescer.cancel('w1');
    vi.advanceTimersByTime(2_000);
    expect(flushes).toEqual([['w1'], ['w2']]);
    coalescer.close();
  });

  it('sends an urgent change at once when the last send is an interval old, even with a send scheduled', () => {
    const { coalescer, flushes } = recording(100);
    coalescer.markUrgent('w1');
    expect(flushes).toEqual([['w1']]);
    coalescer.markUrgent('w1'); // within the interval: scheduled
    expect(flushes).toHaveLength(1);
    // The event loop is held for 150 ms (a long turn): the scheduled send has not run.
    vi.setSystemTime(150);
    coalescer.markUrgent('w2');
    expect(flushes).toEqual([['w1'], ['w1', 'w2']]);
    vi.advanceTimersByTime(200);
    expect(flushes).toHaveLength(2);
    coalescer.close();
  });
});
