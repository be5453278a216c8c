import { loadWorkshopKeys, saveWorkshopKeys, tokenFromHash } from '../storage/workshopKeys';

export interface StaffCredentials {
  role: 'facilitator' | 'screen';
  token: string;
  workshopId: string;
}

/**
 * The console's key: the `#k=` of its link, else the one remembered on this device.
 */
export function facilitatorCredentials(workshopId: string, hash: string): StaffCredentials | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) return { role: 'facilitator', token: fromLink, workshopId };
  const stored = loadWorkshopKeys(workshopId).facilitatorToken;
  return stored ? { role: 'facilitator', token: stored, workshopId } : null;
}

/** The projector's key: the `#k=` of its link, else the screen key remembered on this device. */
export function screenCredentials(workshopId: string, hash: string): StaffCredentials | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) return { role: 'screen', token: fromLink, workshopId };
  const stored = loadWorkshopKeys(workshopId);
  return stored.screenToken ? { role: 'screen', token: stored.screenToken, workshopId } : null;
}

/** Remembers the key a console or screen opened with, so a reload without `#k=` still works. */
export function rememberStaffCredentials(credentials: StaffCredentials): void {
  saveWorkshopKeys(
    credentials.workshopId,
    credentials.role === 'facilitator' ? { facilitatorToken: credentials.token } : { screenToken: credentials.token },
  );
}
