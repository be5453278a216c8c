import type { ClientErrorCode } from '../api/errors';
import { isErrorCode } from '../api/errors';
import { isRecord, isString, readJson, writeJson } from '../storage/storage';

/** An idea written and not yet acknowledged by the server. Its id was made when "send" was pressed. */
export interface PendingIdea {
  id: string;
  text: string;
  createdAt: number;
  /** Why it is still waiting, when the server asked to wait or failed for a moment. */
  notice?: 'rate_limited' | 'retrying' | 'hand_raised' | 'phase_closed';
  /** With `rate_limited`: when it leaves again (the server's retry time), epoch ms. */
  retryAt?: number;
}

/** An idea the server refused for good: kept so the resident can take the text back. */
export interface FailedIdea {
  id: string;
  text: string;
  createdAt: number;
  code: ClientErrorCode;
}

const outboxKey = (participantId: string) => `gommette:outbox:${participantId}`;
const failedKey = (participantId: string) => `gommette:failed:${participantId}`;

function isStoredIdea(value: unknown): value is { id: string; text: string; createdAt: number } {
  return isRecord(value) && isString(value.id) && isString(value.text) && typeof value.createdAt === 'number';
}

function isClientErrorCode(value: unknown): value is ClientErrorCode {
  return isErrorCode(value) || value === 'network' || value === 'timeout';
}

function isPendingList(value: unknown): value is PendingIdea[] {
  return Array.isArray(value) && value.every(isStoredIdea);
}

function isFailedList(value: unknown): value is FailedIdea[] {
  return Array.isArray(value) && value.every((item: unknown) => isStoredIdea(item) && isClientErrorCode((item as { code?: unknown }).code));
}

export function loadPending(participantId: string): PendingIdea[] {
  return (readJson(outboxKey(participantId), isPendingList) ?? []).map(({ id, text, createdAt }) => ({ id, text, createdAt }));
}

export function savePending(participantId: string, pending: ReadonlyArray<PendingIdea>): void {
  writeJson(
    outboxKey(participantId),
    pending.map(({ id, text, createdAt }) => ({ id, text, createdAt })),
  );
}

export function loadFailed(participantId: string): FailedIdea[] {
  return readJson(failedKey(participantId), isFailedList) ?? [];
}

export function saveFailed(participantId: string, failed: ReadonlyArray<FailedIdea>): void {
  writeJson(failedKey(participantId), failed);
}
