import type { AppContext } from '../context';
import type { BoardGateway } from '../board/boardGateway';
import { kiosksRoom, participantRoom, screensRoom, staffRooms, workshopRooms } from '../realtime/rooms';
import type { GommetteServer } from '../realtime/types';
import { facilitatorAccess, helperAccess, observerAccess, screenAccess } from '../security/access';
import { kioskSocketData } from '../vote/kioskAccess';

/** What the centre's routes change in live rooms: removals and revocations take effect at once. */
export interface CentreLive {
  /**
   * Checks every open staff connection to these workshops again (consoles, projectors, kiosks,
   * helpers' and observers' pages, boards); those no longer allowed are closed.
   */
  recheckAccess(workshopIds: ReadonlyArray<string>): Promise<void>;
  /** Ideas a resident erased leave every screen and console. */
  ideasErased(workshopId: string, participantId: string, ideaIds: ReadonlyArray<string>): void;
  /** A deleted workshop: every connection to it is closed. */
  workshopDeleted(workshopId: string): void;
}

const tokenOf = (auth: unknown): string => {
  const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : null;
  return typeof token === 'string' ? token : '';
};

export function centreLive(io: () => GommetteServer | null, ctx: AppContext, boards: () => BoardGateway | null): CentreLive {
  return {
    async recheckAccess(workshopIds) {
      const server = io();
      for (const workshopId of workshopIds) {
        const sockets = server ? await server.in([...workshopRooms(workshopId), kiosksRoom(workshopId)]).fetchSockets() : [];
        for (const socket of sockets) {
          // The same checks as at the handshake, token included: a removal, a revocation or a new
          // console link (which changes every token derived from the old one) closes what they end.
          const { role } = socket.data;
          const token = tokenOf(socket.handshake.auth);
          let allowed = true;
          if (role === 'facilitator') {
            allowed =
              (await facilitatorAccess(ctx.store, workshopId, token, { centres: ctx.centres, cookie: socket.handshake.headers.cookie, now: ctx.now() })) !==
              null;
          } else if (role === 'helper') {
            allowed = (await helperAccess(ctx.store, ctx.centres, workshopId, token)) !== null;
          } else if (role === 'observer') {
            allowed = (await observerAccess(ctx.store, ctx.centres, workshopId, token)) !== null;
          } else if (role === 'screen') {
            allowed = (await screenAccess(ctx.store, ctx.centres, workshopId, token)) !== null;
          } else if (role === 'kiosk') {
            allowed = (await kioskSocketData(ctx, workshopId, token)) !== null;
          }
          if (!allowed) socket.disconnect(true);
        }
        await boards()?.recheck(workshopId);
      }
    },
    ideasErased(workshopId, participantId, ideaIds) {
      const server = io();
      if (!server) return;
      for (const ideaId of ideaIds) {
        server.to([screensRoom(workshopId), ...staffRooms(workshopId), participantRoom(participantId)]).emit('idea:removed', { ideaId });
      }
    },
    workshopDeleted(workshopId) {
      io()?.in(workshopRooms(workshopId)).disconnectSockets(true);
    },
  };
}
