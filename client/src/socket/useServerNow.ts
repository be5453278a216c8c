import { useEffect, useState } from 'react';

/** setTimeout's longest wait (about 24 days); a later deadline is waited for in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Reads the clock for a render (kept out of the component body, which must stay pure). */
function readClock(offsetMs: number): number {
  return Date.now() + offsetMs;
}

/**
 * The client's one clock: the server's time as this device reads it (`Date.now()` + the offset
 * measured from the last room view or snapshot), so a phone whose own clock is wrong still shows
 * a timer, a silence or a vote's closing time as every other screen does. Read at once, then
 * every `intervalMs` while `active` (a countdown), and once more just after `deadline` (a time on
 * the server's clock, e.g. a vote's `closesAt`) so the view flips by itself.
 */
export function useServerNow(offsetMs: number, active: boolean, deadline: number | null = null, intervalMs = 250): number {
  const [now, setNow] = useState(() => readClock(offsetMs));
  useEffect(() => {
    const tick = () => setNow(readClock(offsetMs));
    // First reading at once (a new offset), then on every interval while a countdown runs.
    const first = setTimeout(tick, 0);
    const timer = active ? setInterval(tick, intervalMs) : null;
    return () => {
      clearTimeout(first);
      if (timer !== null) clearInterval(timer);
    };
  }, [offsetMs, active, intervalMs]);
  useEffect(() => {
    if (deadline === null) return undefined;
    const wait = deadline - readClock(offsetMs);
    if (wait < 0) return undefined;
    const timer = setTimeout(() => setNow(readClock(offsetMs)), Math.min(wait + 50, MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [deadline, offsetMs, now]);
  return now;
}

/** "12:05", or "-0:42" once elapsed. */
export function formatRemaining(ms: number): string {
  const negative = ms < 0;
  const total = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}
