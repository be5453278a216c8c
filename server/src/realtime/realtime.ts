import type { AppContext } from '../context';
import { IdeaBroadcaster } from '../ideas/IdeaBroadcaster';
import { StaffNotifier } from '../people/StaffNotifier';
import type { WorkshopEnd } from '../run/WorkshopEnd';
import { VoteRealtime } from '../vote/VoteRealtime';
import { createLimiters, type Limiters } from './limits';
import type { GommetteServer } from './types';

/** Real-time machinery shared by every connection's handlers, one per server. */
export interface Realtime {
  limiters: Limiters;
  ideas: IdeaBroadcaster;
  staff: StaffNotifier;
  votes: VoteRealtime;
  /** The workshop ends with its last step (and reopens when the facilitator goes back). */
  end: WorkshopEnd;
}

/** Builds the aggregate once the socket server exists (each part broadcasts through it). */
export function createRealtime(io: GommetteServer, ctx: AppContext, end: WorkshopEnd): Realtime {
  return {
    limiters: createLimiters(),
    ideas: new IdeaBroadcaster({
      io,
      countVisible: (workshopId) => ctx.store.countVisibleIdeas(workshopId),
      logger: ctx.logger,
      clustered: ctx.cluster !== null,
    }),
    staff: new StaffNotifier(io, ctx, ctx.logger),
    votes: new VoteRealtime(io, ctx),
    end,
  };
}
