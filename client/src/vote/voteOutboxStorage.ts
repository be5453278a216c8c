import { isRecord, isString, readJson, writeJson } from '../storage/storage';

/**
 * A gommette or a take-back made on this device and not yet acknowledged. Its id was made at the
 * tap, so resending it can never count twice.
 */
export type VoteOp =
  | { kind: 'stick'; id: string; roundId: string; ideaId: string; voterId?: string }
  | { kind: 'takeBack'; id: string; roundId: string; gommetteId: string; voterId?: string }
  /** A kiosk hands the budget to the next person (`id` is that person's voter id). */
  | { kind: 'voter'; id: string; roundId: string };

const keyFor = (owner: string) => `gommette:votes:${owner}`;

function isVoteOp(value: unknown): value is VoteOp {
  if (!isRecord(value) || !isString(value.id) || !isString(value.roundId)) return false;
  if (value.voterId !== undefined && !isString(value.voterId)) return false;
  if (value.kind === 'stick') return isString(value.ideaId);
  if (value.kind === 'takeBack') return isString(value.gommetteId);
  if (value.kind === 'voter') return true;
  return false;
}

function isOpList(value: unknown): value is VoteOp[] {
  return Array.isArray(value) && value.every(isVoteOp);
}

export function loadVoteOps(owner: string): VoteOp[] {
  return readJson(keyFor(owner), isOpList) ?? [];
}

export function saveVoteOps(owner: string, ops: ReadonlyArray<VoteOp>): void {
  writeJson(keyFor(owner), ops);
}
