/** Messages between `bench/vote.ts` and its children (voteServer.ts, voteWorker.ts). */

export type VoteBenchMode = 'gommette' | 'relay';

export type VoteServerRequest =
  /** Participants over these sites, ideas, and an open round on them (gommette mode). */
  | { type: 'seed'; joinCodes: string[]; participants: number; ideas: number; budget: number }
  | { type: 'stats' }
  /** Gommettes stored in the round (exactly-once check). */
  | { type: 'count'; roundId: string }
  | { type: 'stop' };

export type VoteServerReply =
  | { type: 'listening'; port: number }
  | { type: 'seeded'; tokens: string[]; roundId: string; ideaIds: string[]; durationMs: number }
  | { type: 'stats'; rssBytes: number; peakRssBytes: number; cpuMicros: number }
  | { type: 'count'; gommettes: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

export interface VoteConnectOrder {
  mode: VoteBenchMode;
  url: string;
  tokens: string[];
  roundId: string;
  ideaIds: string[];
  budget: number;
  concurrency: number;
  ackTimeoutMs: number;
  firstIndex: number;
  /** 0: every phone spends its budget as fast as it can; else over this many seconds, each tap at a random moment of its share. */
  paceS: number;
}

export type VoteWorkerRequest = { type: 'clock' } | ({ type: 'connect' } & VoteConnectOrder) | { type: 'go' } | { type: 'close' };

/** One acked gommette: the round version (or relay sequence) it made, its tap and ack times (bench clock). */
export type AckRecord = [version: number, tappedAt: number, ackedAt: number];

export type VoteWorkerReply =
  | { type: 'clock'; now: number }
  | { type: 'connected'; ok: number; failed: Record<string, number> }
  | { type: 'done'; acks: AckRecord[]; errors: Record<string, number>; resultsReceived: number; disconnects: number; cpuMicros: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
