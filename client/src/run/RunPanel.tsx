import { Compass, Hand, Pause, Play, SkipBack, SkipForward, Square, TimerReset, type LucideIcon } from 'lucide-react';
import type { RoomView, RunActionType } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { PhaseTimer } from './PhaseTimer';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { useCommand } from '../socket/command';

interface RunPanelProps {
  socket: GommetteSocket | null;
  room: RoomView;
  clockOffsetMs: number;
  onRoom: (room: RoomView) => void;
  readOnly: boolean;
}

/** The facilitator's remote control: the steps, the timer, "main levée". */
export function RunPanel({ socket, room, clockOffsetMs, onRoom, readOnly }: RunPanelProps) {
  const { t } = useTranslation();
  const command = useCommand(socket);
  const { run, phases } = room;

  const control = (action: RunActionType, extra: { minutes?: number; phaseIndex?: number } = {}) =>
    command.send('run:control', { action, from: run.phaseIndex, ...extra }, onRoom);
  const button = (action: RunActionType, label: string, Icon: LucideIcon, extra: { minutes?: number } = {}, primary = false) => (
    <button
      type="button"
      className={`button ${primary ? 'button--primary' : 'button--secondary'}`}
      disabled={command.busy}
      onClick={() => control(action, extra)}
      data-testid={`run-${action}${extra.minutes ? `-${extra.minutes}` : ''}`}
    >
      <Icon aria-hidden="true" className="icon" />
      {label}
    </button>
  );

  return (
    <section className="console-panel run-panel" aria-labelledby="run-heading" data-testid="run-panel">
      <h2 id="run-heading">
        <Compass aria-hidden="true" className="icon" />
        {t('run.heading')}
      </h2>
      {phases.length === 0 ? (
        <p className="hint">{t('run.noPhases')}</p>
      ) : (
        <>
          <ol className="run-panel__phases">
            {phases.map((phase, index) => {
              const current = index === run.phaseIndex;
              return (
                <li
                  key={phase.id}
                  className={`run-phase${current ? ' run-phase--current' : ''}`}
                  aria-current={current ? 'step' : undefined}
                  data-testid="run-phase"
                >
                  <span className="run-phase__title">{phase.title}</span>
                  <span className="run-phase__meta">
                    {t(`activities.${phase.activity}`)}
                    {phase.durationSec > 0 && ` · ${t('run.minutes', { count: Math.round(phase.durationSec / 60) })}`}
                    {current && ` · ${t(`run.status_${run.status}`)}`}
                  </span>
                  {!current && !readOnly && (
                    <button
                      type="button"
                      className="button button--link"
                      disabled={command.busy}
                      onClick={() => control('goto', { phaseIndex: index })}
                      aria-label={`${t('run.goto')} : ${phase.title}`}
                      data-testid={`goto-${phase.id}`}
                    >
                      {t('run.goto')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          <PhaseTimer room={room} clockOffsetMs={clockOffsetMs} className="phase-timer--console" />
          {!readOnly && (
            <div className="run-panel__controls">
              {run.status === 'waiting' && button('start', t('run.start'), Play, {}, true)}
              {run.status === 'running' && button('pause', t('run.pause'), Pause)}
              {run.status === 'paused' && button('resume', t('run.resume'), Play, {}, true)}
              {run.status !== 'waiting' && button('extend', t('run.plus1'), TimerReset, { minutes: 1 })}
              {run.status !== 'waiting' && button('extend', t('run.plus5'), TimerReset, { minutes: 5 })}
              {(run.status === 'running' || run.status === 'paused') && button('end', t('run.end'), Square)}
              {run.phaseIndex > 0 && button('previous', t('run.previous'), SkipBack)}
              {run.phaseIndex < phases.length - 1 && button('next', t('run.next'), SkipForward, {}, run.status === 'ended')}
            </div>
          )}
        </>
      )}
      {!readOnly && (
        <button
          type="button"
          className={`button button--huge hand-button${run.handRaised ? ' hand-button--raised' : ''}`}
          aria-pressed={run.handRaised}
          disabled={command.busy}
          onClick={() => command.send('run:hand', { raised: !run.handRaised }, onRoom)}
          title={t('run.handHint')}
          data-testid="hand-toggle"
        >
          <Hand aria-hidden="true" className="icon" />
          {run.handRaised ? t('run.handLower') : t('run.handRaise')}
        </button>
      )}
      {command.error && <AlertText>{errorMessage(t, command.error)}</AlertText>}
    </section>
  );
}
