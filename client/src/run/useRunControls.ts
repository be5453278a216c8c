import type { RoomView, RunActionType } from '@gommette/shared';
import { useCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';
import type { ClientErrorCode } from '../api/errors';

export interface RunControls {
  busy: boolean;
  error: ClientErrorCode | null;
  control: (action: RunActionType, extra?: { minutes?: number; phaseIndex?: number }) => void;
  /** Start a waiting step, pause a running one, resume a paused one (Space on the keyboard). */
  toggle: () => void;
  setHand: (raised: boolean) => void;
}

/** The run's commands, from the buttons of the top bar or from the keyboard: one sender, one busy state. */
export function useRunControls(socket: GommetteSocket | null, room: RoomView | null, onRoom: (room: RoomView) => void): RunControls {
  const command = useCommand(socket);
  const control: RunControls['control'] = (action, extra = {}) => {
    if (!room || command.busy) return;
    command.send('run:control', { action, from: room.run.phaseIndex, ...extra }, onRoom);
  };
  const toggle = () => {
    const status = room?.run.status;
    if (status === 'waiting') control('start');
    else if (status === 'running') control('pause');
    else if (status === 'paused') control('resume');
  };
  const setHand = (raised: boolean) => {
    if (!command.busy) command.send('run:hand', { raised }, onRoom);
  };
  return { busy: command.busy, error: command.error, control, toggle, setHand };
}
