import type { Histogram } from 'prom-client';
import type { Stores } from '../store/stores';

/** Methods that only read (by name); every other store method writes and resolves after its commit. */
const READ = /^(get|list|count|has|load|tally|stats|my|current|ping|kiosk|invitation)/;

const PORT_LABELS: Record<keyof Stores, string> = { store: 'workshops', boards: 'boards', votes: 'votes', centres: 'centres', retour: 'retour' };

/**
 * The same ports, each async method timed into `histogram` by port and by read or write: a
 * write's time is its commit's (the adapters resolve once the transaction is durable), on SQLite
 * and PostgreSQL alike. Labels are fixed: no id, no argument.
 */
export function timedStores(stores: Stores, histogram: Histogram<'store' | 'kind'>): Stores {
  const timed = {} as Record<keyof Stores, unknown>;
  for (const key of Object.keys(PORT_LABELS) as Array<keyof Stores>) {
    const port = stores[key] as unknown as Record<string, unknown>;
    const label = PORT_LABELS[key];
    timed[key] = new Proxy(port, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== 'function' || typeof property !== 'string' || property === 'close' || property === 'constructor') return value;
        const kind = READ.test(property) ? 'read' : 'write';
        return (...args: unknown[]) => {
          const started = process.hrtime.bigint();
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          const observe = () => histogram.observe({ store: label, kind }, Number(process.hrtime.bigint() - started) / 1e9);
          result.then(observe, observe);
          return result;
        };
      },
    });
  }
  return timed as unknown as Stores;
}
