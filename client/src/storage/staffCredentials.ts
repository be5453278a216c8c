import { loadWorkshopKeys, saveWorkshopKeys, tokenFromHash, type WorkshopKeys } from './workshopKeys';

export type StaffRole = 'facilitator' | 'screen' | 'helper' | 'observer';

export interface StaffCredentials {
  role: StaffRole;
  token: string;
  workshopId: string;
}

const KEY_OF: Record<StaffRole, keyof WorkshopKeys> = {
  facilitator: 'facilitatorToken',
  screen: 'screenToken',
  helper: 'helperToken',
  observer: 'observerToken',
};

/** A staff page's key: the `#k=` of its link, else the one remembered on this device for that role. */
export function staffCredentials(role: StaffRole, workshopId: string, hash: string): StaffCredentials | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) return { role, token: fromLink, workshopId };
  const stored = loadWorkshopKeys(workshopId)[KEY_OF[role]];
  return stored ? { role, token: stored, workshopId } : null;
}

export function facilitatorCredentials(workshopId: string, hash: string): StaffCredentials | null {
  return staffCredentials('facilitator', workshopId, hash);
}

export function screenCredentials(workshopId: string, hash: string): StaffCredentials | null {
  return staffCredentials('screen', workshopId, hash);
}

/** Remembers the key a staff page opened with, so a reload without `#k=` still works. */
export function rememberStaffCredentials(credentials: StaffCredentials): void {
  saveWorkshopKeys(credentials.workshopId, { [KEY_OF[credentials.role]]: credentials.token });
}
