import * as decoding from 'lib0/decoding';
import { boardAwarenessState } from '@gommette/shared/board';
import type { BoardAccess } from './boardAccess';

/**
 * Reads a Yjs awareness update (count, then per client: id, clock, JSON state) and says whether
 * every state in it is one this connection may publish: the strict board shape (no names, no
 * extra fields), its own role and site, and only client ids it owns (or new ones).
 */
export function awarenessUpdateAllowed(update: Uint8Array, access: BoardAccess, ownsOrFree: (clientId: number) => boolean): number[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 16) return null;
    const clientIds: number[] = [];
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (!ownsOrFree(clientId)) return null;
      clientIds.push(clientId);
      if (state === null) continue;
      const parsed = boardAwarenessState.safeParse(state);
      if (!parsed.success) return null;
      if (parsed.data.role !== access.role || parsed.data.siteId !== access.siteId) return null;
      if (parsed.data.lead && access.role !== 'facilitator') return null;
    }
    if (decoding.hasContent(decoder)) return null;
    return clientIds;
  } catch {
    return null;
  }
}
