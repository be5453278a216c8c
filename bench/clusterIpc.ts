/** Messages between `bench/cluster.ts` and its load workers (clusterWorker.ts). */

export interface ClusterConnectOrder {
  /** Each client connects to `urls[node]`; `nodes[i]` is the node of `tokens[i]`. */
  urls: string[];
  tokens: string[];
  nodes: number[];
  concurrency: number;
  ackTimeoutMs: number;
  /** No new handshake after this time (Date.now()): the run goes on with those connected. */
  connectUntil: number;
}

export type ClusterWorkerRequest =
  | ({ type: 'connect' } & ClusterConnectOrder)
  /** Every `every`-th client (by position) posts one idea. */
  | { type: 'ideas'; every: number }
  /** Answers once every client has been shown the round (`vote:round`), as a resident taps only then. */
  | { type: 'round-shown'; roundId: string }
  /** Every client sticks one gommette on an idea of the round. */
  | { type: 'votes'; roundId: string; ideaIds: string[] }
  | { type: 'close' };

/** One tap: the node it was made on, when it was sent (bench clock), and what it made (idea id or results version). */
export type Tap = [node: number, sentAt: number, made: string | number];

export type ClusterWorkerReply =
  | { type: 'connected'; ok: number; failed: Record<string, number>; durationMs: number }
  | { type: 'done'; taps: Tap[]; errors: Record<string, number>; disconnects: number }
  /** Every phone of the worker was shown the round (or `unshown` were not within the wait). */
  | { type: 'shown'; unshown: number; waitedMs: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
