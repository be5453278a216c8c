/** Messages between `bench/faults.ts` and its load workers (`bench/faultsWorker.ts`). */

export interface FaultsConnectOrder {
  /** Each client connects to `urls[index % urls.length]` (one URL: the server or the balancer). */
  urls: string[];
  tokens: string[];
  /** Participant index of `tokens[0]` among all the run's participants. */
  firstIndex: number;
  /** Handshakes in flight at once, so a ramp of hundreds does not overflow the accept backlog. */
  concurrency: number;
  /** The outboxes' resend rule (see faultsOutbox.ts). */
  resend: 'backoff' | 'fixed';
}

/** One round's work for every client: its ideas, and its gommettes on the round's ballot. */
export interface RoundOrder {
  round: number;
  /** null: ideas only (the warm-up that fills the first ballot). */
  roundId: string | null;
  ballot: string[];
  ideasPerClient: number;
  /** Only clients with index < this post ideas (the warm-up needs a few, rounds need everyone). */
  ideaClients: number;
  castsPerClient: number;
}

export type FaultsWorkerRequest =
  | ({ type: 'connect' } & FaultsConnectOrder)
  | ({ type: 'round' } & RoundOrder)
  /** Acks so far in the current round. */
  | { type: 'progress' }
  /** The server was just killed (at `killedAt`, bench clock): note who has work outstanding. */
  | { type: 'killed'; kill: number; killedAt: number }
  | { type: 'ledger' }
  | { type: 'close' };

/** What one client saw: its acknowledged ids (the ledger) and when it was back after each kill. */
export interface ClientLedger {
  index: number;
  ideas: string[];
  votes: string[];
  /** Every id it sent (acked or not): a stored id outside every client's `sent` is a stranger. */
  sent: string[];
}

/**
 * For one kill, one client whose connection dropped with it (in the cluster, clients of the
 * other nodes carry on and are not observed): when it got its snapshot again and its first ack
 * after the kill (bench clock, null: never before the end).
 */
export interface KillObservation {
  kill: number;
  /** Commands queued or in flight when the kill was noticed (0: it only had to reconnect). */
  pending: number;
  disconnectedAt: number;
  reconnectedAt: number | null;
  nextAckAt: number | null;
}

export interface WorkerLedger {
  clients: ClientLedger[];
  observations: KillObservation[];
  /** Final refusals (dropped commands), by code. */
  refusals: Record<string, number>;
  /** Resends: after no answer in time (over a live connection), and on a reconnection. */
  /** `confirmed`: commands in flight at a drop that the next snapshot showed stored (not sent again). */
  resends: { timeout: number; reconnection: number; confirmed: number };
  /** Temporary refusals waited out (rate_limited, internal…), by code. */
  retries: Record<string, number>;
  disconnects: number;
}

export type FaultsWorkerReply =
  | { type: 'connected'; ok: number; failed: Record<string, number> }
  /** `connected`: clients connected again with their snapshot since their last drop. */
  | { type: 'progress'; round: number; acked: number; connected: number }
  /** Every command of the round is acked (or finally refused); a few acked idea ids for the next ballot. */
  | { type: 'roundDone'; round: number; acked: number; ideaSample: string[] }
  | { type: 'killed'; kill: number; pendingClients: number; pendingCommands: number }
  | ({ type: 'ledger' } & WorkerLedger)
  | { type: 'closed' }
  | { type: 'error'; message: string };
