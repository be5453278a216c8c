import type { Snapshot } from '@gommette/shared';
import { isRecord, isString, readJson, removeKey, writeJson } from './storage';

/**
 * The last state of the workshop a phone saw, per join code (`gommette:snapshot:<joinCode>`): what
 * the server already sent this participant (the workshop, the step, their own ideas, the vote's
 * ballot and their gommettes), so that a phone reopening its join link with no network shows the
 * workshop and lets them write more (issue 16). Replaced by the server's snapshot on connection.
 */
const snapshotKey = (joinCode: string) => `gommette:snapshot:${joinCode}`;

export interface StoredSnapshot {
  /** Whose view it is: another participant on the same phone never reads it. */
  participantId: string;
  snapshot: Snapshot;
  /** Add to `Date.now()` to read the server's clock, as measured when it was saved. */
  clockOffsetMs: number;
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (!isRecord(value) || !isString(value.participantId) || typeof value.clockOffsetMs !== 'number' || !isRecord(value.snapshot)) return false;
  const { snapshot } = value;
  return snapshot.role === 'participant' && isRecord(snapshot.workshop) && Array.isArray(snapshot.ideas) && isRecord(snapshot.room);
}

/** The saved snapshot of this participant, its room clock set to now (timers read the saved offset). */
export function loadSnapshot(joinCode: string, participantId: string): Snapshot | null {
  const stored = readJson(snapshotKey(joinCode), isStoredSnapshot);
  if (!stored || stored.participantId !== participantId) return null;
  return { ...stored.snapshot, room: { ...stored.snapshot.room, serverNow: Date.now() + stored.clockOffsetMs } };
}

export function saveSnapshot(joinCode: string, stored: StoredSnapshot): void {
  writeJson(snapshotKey(joinCode), stored);
}

export function forgetSnapshot(joinCode: string): void {
  removeKey(snapshotKey(joinCode));
}
