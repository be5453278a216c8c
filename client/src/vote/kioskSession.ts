import { emptyKioskSession, type KioskSession } from '@gommette/shared';
import { isRecord, isString, readJson, writeJson } from '../storage/storage';

/** The kiosk's key and its current person, kept on the tablet so a reload does not lose them. */
export interface StoredKiosk {
  token: string;
  session: KioskSession;
  /** The current person has said "J'ai fini": show "au suivant". */
  done: boolean;
}

const keyFor = (workshopId: string) => `gommette:kiosk:${workshopId}`;

function isStoredKiosk(value: unknown): value is StoredKiosk {
  if (!isRecord(value) || !isString(value.token) || typeof value.done !== 'boolean' || !isRecord(value.session)) return false;
  const session = value.session;
  return (session.voterId === null || isString(session.voterId)) && Array.isArray(session.mine) && typeof session.served === 'number';
}

export function loadKiosk(workshopId: string, tokenFromLink: string | null): StoredKiosk | null {
  const stored = readJson(keyFor(workshopId), isStoredKiosk);
  if (tokenFromLink && stored?.token !== tokenFromLink) return { token: tokenFromLink, session: emptyKioskSession, done: false };
  return stored;
}

export function saveKiosk(workshopId: string, kiosk: StoredKiosk): void {
  writeJson(keyFor(workshopId), kiosk);
}
