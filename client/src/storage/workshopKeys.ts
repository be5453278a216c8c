import { isRecord, isString, readJson, writeJson } from './storage';

/**
 * The secret links of a workshop, remembered on the device that created or opened them, so the
 * console and the screen still open after a reload or from a link without its `#k=` fragment.
 */
export interface WorkshopKeys {
  facilitatorToken?: string;
  screenToken?: string;
  helperToken?: string;
  observerToken?: string;
}

const keyFor = (workshopId: string) => `gommette:workshop:${workshopId}`;

function isWorkshopKeys(value: unknown): value is WorkshopKeys {
  if (!isRecord(value)) return false;
  return ['facilitatorToken', 'screenToken', 'helperToken', 'observerToken'].every((field) => value[field] === undefined || isString(value[field]));
}

export function loadWorkshopKeys(workshopId: string): WorkshopKeys {
  return readJson(keyFor(workshopId), isWorkshopKeys) ?? {};
}

export function saveWorkshopKeys(workshopId: string, keys: WorkshopKeys): void {
  writeJson(keyFor(workshopId), { ...loadWorkshopKeys(workshopId), ...keys });
}

/** The `k` parameter of the URL fragment (`#k=<token>`), where secret links carry their token. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('k');
  return token && token.length > 0 ? token : null;
}
