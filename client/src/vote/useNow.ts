import { useEffect, useState } from 'react';

/** The current time, refreshed when `deadline` passes (a round's closing time), so the view flips by itself. */
export function useNow(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return undefined;
    const wait = deadline - Date.now();
    if (wait <= 0) {
      const tick = setTimeout(() => setNow(Date.now()), 0);
      return () => clearTimeout(tick);
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.min(wait + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [deadline, now]);
  return now;
}
