import type { AppContext } from '../context';
import { facilitatorRoom, participantRoom, screensRoom, workshopRooms, type GommetteServer } from '../realtime/types';
import { centreMemberMayRun } from './session';

/** What the centre's routes change in live rooms: removals take effect at once. */
export interface CentreLive {
  /** Checks every open facilitator console of these workshops again; those no longer allowed are closed. */
  recheckConsoles(workshopIds: ReadonlyArray<string>): Promise<void>;
  /** Ideas a resident erased leave every screen and console. */
  ideasErased(workshopId: string, participantId: string, ideaIds: ReadonlyArray<string>): void;
  /** A deleted workshop: every connection to it is closed. */
  workshopDeleted(workshopId: string): void;
}

export function centreLive(io: () => GommetteServer | null, ctx: AppContext): CentreLive {
  return {
    async recheckConsoles(workshopIds) {
      const server = io();
      if (!server) return;
      for (const workshopId of workshopIds) {
        const sockets = await server.in(facilitatorRoom(workshopId)).fetchSockets();
        for (const socket of sockets) {
          if (socket.data.role !== 'facilitator') continue;
          const allowed = await centreMemberMayRun({ centres: ctx.centres, cookie: socket.handshake.headers.cookie, now: ctx.now() }, workshopId);
          if (!allowed) socket.disconnect(true);
        }
      }
    },
    ideasErased(workshopId, participantId, ideaIds) {
      const server = io();
      if (!server) return;
      for (const ideaId of ideaIds) {
        server.to([screensRoom(workshopId), facilitatorRoom(workshopId), participantRoom(participantId)]).emit('idea:removed', { ideaId });
      }
    },
    workshopDeleted(workshopId) {
      io()?.in(workshopRooms(workshopId)).disconnectSockets(true);
    },
  };
}
