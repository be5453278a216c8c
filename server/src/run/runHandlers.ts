import {
  ErrorCode,
  Role,
  ackOk,
  applyRunAction,
  applyTranslation,
  checkPhases,
  checkQuestionnaire,
  currentPhase,
  domainError,
  isDomainError,
  isValidTable,
  mixTables,
  normalizeText,
  setHandRaised,
  translatableTexts,
  viewRoom,
  withPhases,
  type RoomState,
  type RunAction,
  type RunState,
} from '@gommette/shared';
import type { AppContext } from '../context';
import { selfView } from '../workshop/views';
import { onCommand, refuse, type CommandOutcome } from '../realtime/command';
import { broadcastRoom, loadRoom, updateRoom } from './room';
import { seatIdOf } from '../people/StaffNotifier';
import type { Realtime } from '../realtime/realtime';
import { participantRoom } from '../realtime/rooms';
import type { GommetteServer, GommetteSocket } from '../realtime/types';

function toRunAction(payload: { action: RunAction['type']; minutes?: number | undefined; phaseIndex?: number | undefined }): RunAction | null {
  switch (payload.action) {
    case 'extend':
      return payload.minutes === undefined ? null : { type: 'extend', minutes: payload.minutes };
    case 'goto':
      return payload.phaseIndex === undefined ? null : { type: 'goto', phaseIndex: payload.phaseIndex };
    default:
      return { type: payload.action };
  }
}

/** A vote step that was running and is now ended, or left for another step. */
function leftVoteStep(before: RoomState, after: RunState): boolean {
  const wasVoting = currentPhase(before.phases, before.run)?.activity === 'vote' && (before.run.status === 'running' || before.run.status === 'paused');
  return wasVoting && (after.phaseIndex !== before.run.phaseIndex || after.status === 'ended');
}

/**
 * "At the end of the phase": the open round without a closing date closes with its vote step
 * (a round with a date and time stays open for the other sites until then).
 */
async function closeStepRound(ctx: AppContext, realtime: Realtime, workshopId: string): Promise<void> {
  const round = await ctx.votes.currentRound(workshopId);
  if (round && round.status === 'open' && round.closesAt === null) await realtime.votes.closeRound(workshopId, round.id);
}

/** Themes typed by the facilitator: trimmed, non-empty, each once. */
function cleanThemes(themes: ReadonlyArray<string>): string[] {
  return [...new Set(themes.map((theme) => normalizeText(theme)).filter((theme) => theme.length > 0))];
}

/**
 * The facilitator runs the room (phases, timer, main levée, tables, safe mode, themes, the
 * questionnaire's questions); residents pick their table. Observers only watch.
 */
export function registerRunHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext, realtime: Realtime): void {
  const { store } = ctx;
  const { workshopId } = socket.data;
  const isFacilitator = (): boolean => socket.data.role === Role.Facilitator;
  const onlyFacilitator = () => refuse(ErrorCode.Forbidden, 'only the facilitator runs the room');

  /** Saves a room change, acks the staff view, then tells every screen. */
  async function roomCommand(change: (room: RoomState) => RoomState | ReturnType<typeof domainError>): Promise<CommandOutcome<ReturnType<typeof viewRoom>>> {
    const room = await updateRoom(ctx, workshopId, change);
    if (isDomainError(room)) return refuse(room.error, room.message);
    return { ack: ackOk(viewRoom(room, true, ctx.now())), broadcast: () => broadcastRoom(io, ctx, workshopId, room) };
  }

  onCommand(socket, ctx, 'run:control', async (payload) => {
    if (!isFacilitator()) return onlyFacilitator();
    const action = toRunAction(payload);
    if (!action) return refuse(ErrorCode.BadRequest, `${payload.action} needs its value`);
    let before: RoomState | null = null;
    let after: RoomState | null = null;
    const outcome = await roomCommand((room) => {
      // Two consoles: a control pressed while looking at another phase is stale, not applied twice.
      if (room.run.phaseIndex !== payload.from) return domainError(ErrorCode.Conflict, 'the phase changed in the meantime');
      const run = applyRunAction(room.phases, room.run, action, ctx.now());
      if (isDomainError(run)) return run;
      before = room;
      after = { ...room, run };
      return after;
    });
    if (outcome.ack.ok) {
      ctx.logger.info({ workshopId, action: payload.action, phaseIndex: outcome.ack.data.run.phaseIndex }, 'phase control');
      if (before && leftVoteStep(before, outcome.ack.data.run)) await closeStepRound(ctx, realtime, workshopId);
      if (before && after) await realtime.end.runChanged(workshopId, before, after);
    }
    return outcome;
  });

  onCommand(socket, ctx, 'run:hand', async (payload) => {
    if (!isFacilitator()) return onlyFacilitator();
    return roomCommand((room) => ({ ...room, run: setHandRaised(room.run, payload.raised) }));
  });

  onCommand(socket, ctx, 'room:update', async (payload) => {
    if (!isFacilitator()) return onlyFacilitator();
    const phases = payload.phases === undefined ? undefined : checkPhases(payload.phases);
    if (phases !== undefined && isDomainError(phases)) return refuse(phases.error, phases.message);
    const questionnaire = payload.questionnaire === undefined ? undefined : checkQuestionnaire(payload.questionnaire);
    if (questionnaire !== undefined && isDomainError(questionnaire)) return refuse(questionnaire.error, questionnaire.message);
    return roomCommand((room) => {
      let next = phases === undefined ? room : withPhases(room, phases);
      const tableCount = payload.tableCount ?? next.tableCount;
      const screenTable = payload.screenTable === undefined ? next.screenTable : payload.screenTable;
      if (screenTable !== null && !isValidTable(screenTable, tableCount)) return domainError(ErrorCode.BadRequest, 'no such table');
      next = {
        ...next,
        tableCount,
        screenTable,
        safeMode: payload.safeMode ?? next.safeMode,
        themes: payload.themes === undefined ? next.themes : cleanThemes(payload.themes),
        questionnaire: questionnaire ?? next.questionnaire,
      };
      return next;
    });
  });

  onCommand(socket, ctx, 'room:translate', async (payload) => {
    if (!isFacilitator()) return onlyFacilitator();
    const workshop = await store.getWorkshop(workshopId);
    if (!workshop) return refuse(ErrorCode.NotFound, 'no such workshop');
    return roomCommand((room) => {
      const translations = applyTranslation(room.translations, translatableTexts(workshop, room), payload);
      return isDomainError(translations) ? translations : { ...room, translations };
    });
  });

  onCommand(socket, ctx, 'tables:pick', async (payload) => {
    const { participantId } = socket.data;
    if (socket.data.role !== Role.Participant || !participantId) return refuse(ErrorCode.Forbidden, 'only participants pick a table');
    const room = await loadRoom(ctx, workshopId);
    if (payload.tableId !== null && !isValidTable(payload.tableId, room.tableCount)) return refuse(ErrorCode.BadRequest, 'no such table');
    await store.setParticipantTables(workshopId, [{ participantId, tableId: payload.tableId }]);
    const participant = await store.getParticipant(participantId);
    if (!participant) return refuse(ErrorCode.Unauthorized, 'unknown participant');
    const me = selfView(participant);
    return {
      ack: ackOk(me),
      broadcast: () => {
        io.to(participantRoom(participantId)).emit('me:changed', me);
        realtime.staff.changed(workshopId);
      },
    };
  });

  /** Seats people and tells each of their phones, then the staff. */
  async function seat(seats: ReadonlyArray<{ participantId: string; tableId: number | null }>): Promise<CommandOutcome<{ seated: number }>> {
    await store.setParticipantTables(workshopId, seats);
    const people = await store.listParticipants(workshopId);
    const seated = new Set(seats.map((s) => s.participantId));
    const changed = people.filter((person) => seated.has(person.id));
    return {
      ack: ackOk({ seated: changed.length }),
      broadcast: () => {
        for (const person of changed) io.to(participantRoom(person.id)).emit('me:changed', selfView(person));
        realtime.staff.changed(workshopId);
      },
    };
  }

  onCommand(socket, ctx, 'tables:assign', async (payload) => {
    if (!isFacilitator()) return onlyFacilitator();
    const room = await loadRoom(ctx, workshopId);
    if (payload.seats.some((s) => s.tableId !== null && !isValidTable(s.tableId, room.tableCount))) return refuse(ErrorCode.BadRequest, 'no such table');
    const bySeat = new Map((await store.listRoster(workshopId)).map((person) => [seatIdOf(ctx, person.id), person.id]));
    const seats = payload.seats.flatMap((s) => {
      const participantId = bySeat.get(s.seatId);
      return participantId ? [{ participantId, tableId: s.tableId }] : [];
    });
    if (seats.length === 0) return refuse(ErrorCode.NotFound, 'nobody with this seat in the workshop');
    return seat(seats);
  });

  onCommand(socket, ctx, 'tables:mix', async () => {
    if (!isFacilitator()) return onlyFacilitator();
    const room = await loadRoom(ctx, workshopId);
    if (room.tableCount < 1) return refuse(ErrorCode.BadRequest, 'set the number of tables first');
    const people = await store.listParticipants(workshopId);
    const assignment = mixTables(people, room.tableCount);
    ctx.logger.info({ workshopId, tables: room.tableCount, people: assignment.size }, 'tables mixed');
    return seat([...assignment].map(([participantId, tableId]) => ({ participantId, tableId })));
  });
}
