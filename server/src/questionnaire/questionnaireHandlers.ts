import { ErrorCode, Role, ackOk, checkAnswer, isDomainError, phoneActivity } from '@gommette/shared';
import type { AppContext } from '../context';
import { newId } from '../security/tokens';
import { onCommand, refuse } from '../realtime/command';
import { loadRoom } from '../run/room';
import { staffRooms } from '../realtime/rooms';
import type { GommetteServer, GommetteSocket } from '../realtime/types';

/** The closing questionnaire: answered once per resident, stored without them, counted for staff. */
export function registerQuestionnaireHandlers(io: GommetteServer, socket: GommetteSocket, ctx: AppContext): void {
  onCommand(socket, ctx, 'questionnaire:answer', async (payload) => {
    const { role, participantId, workshopId } = socket.data;
    if (role !== Role.Participant || !participantId) return refuse(ErrorCode.Forbidden, 'only participants answer');
    // A resend after a drop finds the answer already there: acknowledged, stored once.
    if (await ctx.store.hasAnsweredQuestionnaire(participantId)) return { ack: ackOk({ answered: true as const }) };
    const room = await loadRoom(ctx, workshopId);
    if (phoneActivity(room.phases, room.run) !== 'questionnaire') return refuse(ErrorCode.PhaseClosed, 'the questionnaire is not open');
    const answer = checkAnswer(room.questionnaire, payload);
    if (isDomainError(answer)) return refuse(answer.error, answer.message);
    await ctx.store.saveQuestionnaireAnswer(workshopId, participantId, newId(), answer);
    return {
      ack: ackOk({ answered: true as const }),
      broadcast: () => {
        void ctx.store.listQuestionnaireAnswers(workshopId).then(
          (answers) => io.to(staffRooms(workshopId)).emit('questionnaire:changed', { responses: answers.length }),
          (error: unknown) => ctx.logger.error({ err: error, workshopId }, 'questionnaire count failed'),
        );
      },
    };
  });
}
