/**
 * The fault bench's verdict, as pure functions: the clients' ledgers against the store, and how
 * long clients took to be back after each kill.
 */
import type { ClientLedger, KillObservation } from './faultsIpc';
import type { StoreContents } from './faultsTarget';
import { percentile } from './stats';

export interface LedgerVerdict {
  ideasAcked: number;
  votesAcked: number;
  ideasStored: number;
  votesStored: number;
  /** Acked by the server but not in the store. */
  lostIdeas: number;
  lostVotes: number;
  /** Stored more than once, or stored under an id no client ever sent. */
  duplicatedIdeas: number;
  duplicatedVotes: number;
  /** Voters holding more gommettes in a round than its budget. */
  overBudget: number;
}

/** Ids seen more than once, and ids outside `known`. */
function surplus(stored: ReadonlyArray<string>, known: ReadonlySet<string>): number {
  const seen = new Set<string>();
  let extra = 0;
  for (const id of stored) {
    if (seen.has(id) || !known.has(id)) extra++;
    seen.add(id);
  }
  return extra;
}

export function compareLedgers(clients: ReadonlyArray<ClientLedger>, store: StoreContents, budget: number): LedgerVerdict {
  const ackedIdeas = new Set(clients.flatMap((client) => client.ideas));
  const ackedVotes = new Set(clients.flatMap((client) => client.votes));
  const sent = new Set(clients.flatMap((client) => client.sent));
  const storedIdeas = new Set(store.ideaIds);
  const storedVotes = new Set(store.gommettes.map((gommette) => gommette.id));
  const perVoter = new Map<string, number>();
  for (const { roundId, voterId } of store.gommettes) perVoter.set(`${roundId} ${voterId}`, (perVoter.get(`${roundId} ${voterId}`) ?? 0) + 1);
  return {
    ideasAcked: ackedIdeas.size,
    votesAcked: ackedVotes.size,
    ideasStored: store.ideaIds.length,
    votesStored: store.gommettes.length,
    lostIdeas: [...ackedIdeas].filter((id) => !storedIdeas.has(id)).length,
    lostVotes: [...ackedVotes].filter((id) => !storedVotes.has(id)).length,
    duplicatedIdeas: surplus(store.ideaIds, sent),
    duplicatedVotes: surplus(
      store.gommettes.map((gommette) => gommette.id),
      sent,
    ),
    overBudget: [...perVoter.values()].filter((count) => count > budget).length,
  };
}

export interface KillRecovery {
  kill: number;
  /** Clients whose connection dropped with this kill. */
  clients: number;
  /** Of those, the ones that had commands outstanding (their "back" waits for their next ack). */
  withPending: number;
  /** Clients never back before the end of the run. */
  notBack: number;
  /** Kill → snapshot again, ms. */
  reconnect: { p50: number; p99: number; max: number };
  /** Kill → reconnected and (when it had work outstanding) its next ack, ms. */
  back: { p50: number; p99: number; max: number };
}

function spread(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/**
 * Per kill: for every client that dropped, the time from the kill until it had its snapshot again
 * and, if it had something to send, its next ack. A client never back counts as never (Infinity),
 * so p99 is Infinity when more than 1 % never came back.
 */
export function recoveries(kills: ReadonlyArray<{ kill: number; killedAt: number }>, observations: ReadonlyArray<KillObservation>): KillRecovery[] {
  return kills.map(({ kill, killedAt }) => {
    const mine = observations.filter((observation) => observation.kill === kill);
    const reconnect: number[] = [];
    const back: number[] = [];
    let notBack = 0;
    for (const observation of mine) {
      const reconnected = observation.reconnectedAt === null ? Infinity : observation.reconnectedAt - killedAt;
      const acked = observation.pending === 0 ? reconnected : observation.nextAckAt === null ? Infinity : observation.nextAckAt - killedAt;
      const backAfter = Math.max(reconnected, acked);
      if (!Number.isFinite(backAfter)) notBack++;
      reconnect.push(reconnected);
      back.push(backAfter);
    }
    return {
      kill,
      clients: mine.length,
      withPending: mine.filter((observation) => observation.pending > 0).length,
      notBack,
      reconnect: spread(reconnect),
      back: spread(back),
    };
  });
}
