import { useEffect, useState } from 'react';

/** Reads the clock for a render (kept out of the component body, which must stay pure). */
function readClock(offsetMs: number): number {
  return Date.now() + offsetMs;
}

/**
 * The server's clock as this device reads it (`Date.now()` + the offset measured from the last room
 * view), refreshed a few times a second while `active`: every screen shows the same remaining time.
 */
export function useServerNow(offsetMs: number, active: boolean, intervalMs = 250): number {
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
