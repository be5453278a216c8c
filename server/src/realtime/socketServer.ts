import type http from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server, type ExtendedError, type ServerOptions } from 'socket.io';
import {
  ErrorCode,
  MAX_SOCKETS_PER_RESIDENT_TOKEN,
  MAX_SOCKET_PAYLOAD_BYTES,
  PROTOCOL_VERSION,
  Role,
  ackError,
  isCommandName,
  socketAuthSchema,
  type ConnectErrorData,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { checkFacilitator, helperAccess, observerAccess, participantAccess, screenAccess } from '../security/access';
import { publicBaseUrl } from '../workshop/links';
import { hashSecret } from '../security/tokens';
import type { WorkshopRecord } from '../store/WorkshopStore';
import { selfView } from '../workshop/views';
import { registerIdeaHandlers } from '../ideas/ideaHandlers';
import { registerPeopleHandlers } from '../people/peopleHandlers';
import { registerQuestionnaireHandlers } from '../questionnaire/questionnaireHandlers';
import { registerRunHandlers } from '../run/runHandlers';
import { take } from './limits';
import { buildSnapshot } from './snapshot';
import { createRealtime, type Realtime } from './realtime';
import { assistantsRoom, facilitatorRoom, kiosksRoom, participantRoom, participantsRoom, phoneShardOf, phoneShardRoom, screensRoom } from './rooms';
import { STAFF_ROLES, type GommetteServer, type GommetteSocket, type SocketData } from './types';
import { isAllowedOrigin } from './origin';
import { kioskSocketData } from '../vote/kioskAccess';
import { registerVoteHandlers } from '../vote/voteHandlers';
import { loadRoom } from '../run/room';
import type { WorkshopEnd } from '../run/WorkshopEnd';
import { SHEDDABLE_COMMANDS } from './CommandBacklog';

/** How long socket.io keeps a dropped connection's session and missed events. */
const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

function handshakeError(code: ErrorCode, message: string): ExtendedError {
  const error: ExtendedError = new Error(message);
  error.data = { code } satisfies ConnectErrorData;
  return error;
}

/** Who is connecting, from the handshake `auth`; null when the credentials open nothing. */
async function authenticate(ctx: AppContext, auth: unknown, cookie: string | undefined): Promise<SocketData | ErrorCode> {
  const parsed = socketAuthSchema.safeParse(auth);
  if (!parsed.success) return ErrorCode.Unauthorized;
  const credentials = parsed.data;
  if (credentials.protocol !== PROTOCOL_VERSION) return ErrorCode.ProtocolMismatch;
  switch (credentials.role) {
    case Role.Participant: {
      const participant = await participantAccess(ctx.store, credentials.token);
      if (!participant) return ErrorCode.Unauthorized;
      return {
        role: Role.Participant,
        workshopId: participant.workshopId,
        participantId: participant.id,
        siteId: participant.siteId,
        me: selfView(participant),
        rateKey: `participant:${participant.id}`,
      };
    }
    case Role.Facilitator:
    case Role.Screen:
    case Role.Helper:
    case Role.Observer: {
      let workshop: WorkshopRecord | null;
      if (credentials.role === Role.Facilitator) {
        // A centre's workshop also needs a signed-in member of the centre (the session cookie).
        const check = await checkFacilitator(ctx.store, credentials.workshopId, credentials.token, { centres: ctx.centres, cookie, now: ctx.now() });
        if ('refusal' in check) return check.refusal;
        workshop = check.workshop;
      } else {
        const { workshopId, token } = credentials;
        if (credentials.role === Role.Screen) workshop = await screenAccess(ctx.store, ctx.centres, workshopId, token);
        else if (credentials.role === Role.Helper) workshop = await helperAccess(ctx.store, ctx.centres, workshopId, token);
        else workshop = await observerAccess(ctx.store, ctx.centres, workshopId, token);
      }
      if (!workshop) return ErrorCode.Unauthorized;
      return {
        role: credentials.role,
        workshopId: workshop.id,
        participantId: null,
        siteId: null,
        me: null,
        rateKey: `${credentials.role}:${hashSecret(credentials.token)}`,
      };
    }
    case Role.Kiosk:
      return (await kioskSocketData(ctx, credentials.workshopId, credentials.token)) ?? ErrorCode.Unauthorized;
  }
}

/**
 * socket.io on the shared HTTP server: origin check at the handshake, authentication before the
 * connection opens, a guard on every packet (unknown events, floods), then one handler file per area.
 */
export function createSocketServer(httpServer: http.Server, ctx: AppContext, end: WorkshopEnd): { io: GommetteServer; realtime: Realtime } {
  const { cluster } = ctx;
  // In a cluster, every broadcast goes through a Redis stream (which also keeps the sessions
  // that connection-state recovery restores, whichever node the client comes back to).
  const adapter: Partial<ServerOptions> = cluster
    ? {
        adapter: createAdapter(cluster.redis, {
          streamName: cluster.key('socket.io'),
          channelPrefix: cluster.key('socket.io'),
          sessionKeyPrefix: cluster.key('sio:session:'),
        }),
      }
    : {};
  const io: GommetteServer = new Server(httpServer, {
    ...adapter,
    serveClient: false,
    // A phone back within this time gets the events it missed (and its rooms) on top of the fresh
    // snapshot; the handshake is checked again (a removed member stays out).
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // No compression (engine.io's default, said here because it matters per phone: a zlib context
    // per socket costs far more than our small messages would save).
    perMessageDeflate: false,
    // Upgrades to other paths are answered by the app's own upgrade router, not destroyed here.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const allowed = isAllowedOrigin(req.headers, ctx.config);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });
  const realtime = createRealtime(io, ctx, end);
  realtime.votes.start().catch((error: unknown) => ctx.logger.error({ err: error }, 'vote timers failed to start'));

  // Open sockets per resident (participant), on this node: one token cannot hold thousands.
  const openPerResident = new Map<string, number>();
  io.use((socket, next) => {
    authenticate(ctx, socket.handshake.auth, socket.handshake.headers.cookie).then(
      (result) => {
        if (typeof result === 'string') return next(handshakeError(result, `connection refused: ${result}`));
        socket.data = result;
        const resident = result.role === Role.Participant && result.participantId ? result.participantId : null;
        if (resident !== null) {
          const open = openPerResident.get(resident) ?? 0;
          if (open >= MAX_SOCKETS_PER_RESIDENT_TOKEN) {
            return next(handshakeError(ErrorCode.TooManyConnections, `connection refused: more than ${MAX_SOCKETS_PER_RESIDENT_TOKEN} open at once`));
          }
          openPerResident.set(resident, open + 1);
          socket.once('disconnect', () => {
            const left = (openPerResident.get(resident) ?? 1) - 1;
            if (left > 0) openPerResident.set(resident, left);
            else openPerResident.delete(resident);
          });
        }
        return next();
      },
      (error: unknown) => {
        ctx.logger.error({ err: error }, 'socket authentication failed');
        next(handshakeError(ErrorCode.Internal, 'internal error'));
      },
    );
  });

  io.on('connection', (socket) => {
    handleConnection(io, socket, ctx, realtime).catch((error: unknown) => {
      ctx.logger.error({ err: error, workshopId: socket.data.workshopId }, 'connection setup failed');
      socket.disconnect(true);
    });
  });

  return { io, realtime };
}

function roomsOf(data: SocketData, socketId: string): string[] {
  if (data.role === Role.Facilitator) return [facilitatorRoom(data.workshopId)];
  if (STAFF_ROLES.includes(data.role)) return [assistantsRoom(data.workshopId)];
  if (data.role === Role.Kiosk) return [kiosksRoom(data.workshopId)];
  if (data.role === Role.Participant && data.participantId) {
    return [participantsRoom(data.workshopId), phoneShardRoom(data.workshopId, phoneShardOf(socketId)), participantRoom(data.participantId)];
  }
  return [screensRoom(data.workshopId)];
}

async function handleConnection(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, realtime: Realtime): Promise<void> {
  const data = socket.data;

  // Every packet: known event, within the flood limit; otherwise a coded ack and nothing else.
  socket.use((packet, next) => {
    const [event, ...args] = packet;
    const ack = args.at(-1);
    const reply = (code: ErrorCode, message: string, retryAfterMs?: number): void => {
      if (typeof ack === 'function') (ack as (result: unknown) => void)(ackError(code, message, retryAfterMs));
    };
    if (!isCommandName(event)) return reply(ErrorCode.UnknownEvent, `unknown event "${String(event).slice(0, 40)}"`);
    if (SHEDDABLE_COMMANDS.has(event)) {
      const retryAfterMs = ctx.backlog.retryAfterMs();
      if (retryAfterMs !== null) return reply(ErrorCode.RateLimited, 'the server is busy, try again in a moment', retryAfterMs);
    }
    take(realtime.limiters.commands, data.rateKey).then(
      (waitMs) => (waitMs === null ? next() : reply(ErrorCode.RateLimited, 'too many commands', waitMs)),
      () => reply(ErrorCode.Internal, 'internal error'),
    );
  });

  registerIdeaHandlers(io, socket, ctx, realtime);
  registerRunHandlers(io, socket, ctx, realtime);
  registerPeopleHandlers(socket, ctx);
  registerQuestionnaireHandlers(io, socket, ctx);
  registerVoteHandlers(io, socket, ctx, realtime);

  // Join first, then read: any event sent before the snapshot is already contained in it.
  await socket.join(roomsOf(data, socket.id));
  if (data.role === Role.Participant && data.participantId && data.siteId) {
    const { workshopId, participantId, siteId } = data;
    ctx.presence.join(workshopId, participantId, siteId);
    realtime.staff.changed(workshopId);
    socket.on('disconnect', () => {
      ctx.presence.leave(workshopId, participantId);
      realtime.staff.changed(workshopId);
    });
  }
  const snapshot = await buildSnapshot(ctx, data, publicBaseUrl(ctx.config.publicUrl, socket.handshake.headers, socket.handshake.secure));
  if (!snapshot) {
    socket.disconnect(true);
    return;
  }
  socket.emit('workshop:snapshot', snapshot);
  // A console connecting (again, after a restart) re-arms the last step's countdown.
  if (data.role === Role.Facilitator) realtime.end.watch(data.workshopId, await loadRoom(ctx, data.workshopId));
}
