import type { JoinInfo, JoinResponse } from '@gommette/shared';
import { MAX_EARLIER_CARDS, MOODS } from '@gommette/shared';
import { forgetSnapshot } from './snapshotStore';
import { isRecord, isString, readJson, removeKey, writeJson } from './storage';

/** The resident's seat in a workshop, per join code: `gommette:participant:<joinCode>`. */
const participantKey = (joinCode: string) => `gommette:participant:${joinCode}`;
/** What the join page showed, so a reload while offline can still show the question. */
const joinInfoKey = (joinCode: string) => `gommette:join-info:${joinCode}`;

function isJoinResponse(value: unknown): value is JoinResponse {
  if (!isRecord(value) || !isRecord(value.participant)) return false;
  const { participant } = value;
  return (
    isString(value.participantToken) &&
    isString(value.cardCode) &&
    isString(value.joinCode) &&
    isString(participant.id) &&
    isString(participant.siteId) &&
    (MOODS as ReadonlyArray<unknown>).includes(participant.mood) &&
    (participant.nickname === null || isString(participant.nickname))
  );
}

function isJoinInfo(value: unknown): value is JoinInfo {
  if (!isRecord(value) || !isRecord(value.workshop) || !isRecord(value.site)) return false;
  const { workshop, site } = value;
  return (
    isString(workshop.id) &&
    isString(workshop.title) &&
    isString(workshop.question) &&
    isString(workshop.purpose) &&
    isString(site.id) &&
    isString(site.name) &&
    isString(site.joinCode)
  );
}

export function loadParticipant(joinCode: string): JoinResponse | null {
  return readJson(participantKey(joinCode), isJoinResponse);
}

export function saveParticipant(participant: JoinResponse): void {
  writeJson(participantKey(participant.joinCode), participant);
}

/**
 * The participant cards this phone kept from other workshops (a few), shown when joining a new one
 * so the server can count a returning participant; it keeps only that yes/no.
 */
export function earlierCardCodes(joinCode: string): string[] {
  const codes: string[] = [];
  try {
    for (let i = 0; i < localStorage.length && codes.length < MAX_EARLIER_CARDS; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(participantKey('')) || key === participantKey(joinCode)) continue;
      const kept = readJson(key, isJoinResponse);
      if (kept) codes.push(kept.cardCode);
    }
  } catch {
    // No storage: no earlier cards.
  }
  return codes;
}

export function forgetParticipant(joinCode: string): void {
  removeKey(participantKey(joinCode));
  forgetSnapshot(joinCode);
}

export function loadJoinInfo(joinCode: string): JoinInfo | null {
  return readJson(joinInfoKey(joinCode), isJoinInfo);
}

export function saveJoinInfo(info: JoinInfo): void {
  writeJson(joinInfoKey(info.site.joinCode), info);
}
