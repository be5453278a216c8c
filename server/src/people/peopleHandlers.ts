import { ErrorCode, Role, ackOk } from '@gommette/shared';
import type { AppContext } from '../context';
import { onCommand, refuse } from '../realtime/command';
import type { GommetteSocket } from '../realtime/types';
import { listPeople } from './StaffNotifier';

/** Staff ask who is in the room (and at which table); the live list follows from StaffNotifier. */
export function registerPeopleHandlers(socket: GommetteSocket, ctx: AppContext): void {
  const { workshopId } = socket.data;
  onCommand(socket, ctx, 'participants:list', async () => {
    if (socket.data.role === Role.Participant || socket.data.role === Role.Screen) return refuse(ErrorCode.Forbidden, 'staff only');
    return { ack: ackOk(await listPeople(ctx, workshopId)) };
  });
}
