import { Hand, Pause, Play, SkipBack, SkipForward, Square, TimerReset, type LucideIcon } from 'lucide-react';
import { currentPhase, type RoomView, type RunActionType } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { PhaseTimer } from './PhaseTimer';
import { SilenceTimer } from './SilenceTimer';
import type { RunControls } from './useRunControls';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';

interface RunBarProps {
  room: RoomView;
  clockOffsetMs: number;
  controls: RunControls;
  readOnly: boolean;
}

/**
 * The facilitator's remote control, always on screen: the step (n of N), its timer and silent
 * time, start/pause, +1/+5, previous/next, "main levée", and every step one click away.
 */
export function RunBar({ room, clockOffsetMs, controls, readOnly }: RunBarProps) {
  const { t } = useTranslation();
  const { run, phases } = room;
  const phase = currentPhase(phases, run);
  const { busy } = controls;

  const button = (action: RunActionType, label: string, Icon: LucideIcon, options: { minutes?: number; primary?: boolean; shortcut?: string } = {}) => (
    <button
      type="button"
      className={`button ${options.primary ? 'button--primary' : 'button--secondary'}`}
      disabled={busy}
      onClick={() => controls.control(action, options.minutes ? { minutes: options.minutes } : {})}
      aria-keyshortcuts={options.shortcut}
      data-testid={`run-${action}${options.minutes ? `-${options.minutes}` : ''}`}
    >
      <Icon aria-hidden="true" className="icon" />
      {label}
    </button>
  );

  return (
    <section className="run-bar" aria-labelledby="run-heading" data-testid="run-panel">
      <h2 id="run-heading" className="visually-hidden">
        {t('run.heading')}
      </h2>
      {phase ? (
        <div className="run-bar__now">
          <p className="run-bar__step" data-testid="run-step" data-phase={phase.id} data-status={run.status}>
            <span className="run-bar__count">{t('run.stepOf', { number: run.phaseIndex + 1, total: phases.length })}</span>
            <span className="run-bar__title" dir="auto">
              {phase.title}
            </span>
            <span className="run-bar__status">
              {t(`activities.${phase.activity}`)} · {t(`run.status_${run.status}`)}
            </span>
          </p>
          <PhaseTimer room={room} clockOffsetMs={clockOffsetMs} className="phase-timer--bar" />
          <SilenceTimer room={room} clockOffsetMs={clockOffsetMs} busy={busy} onEnd={readOnly ? undefined : () => controls.control('endSilence')} />
        </div>
      ) : (
        <p className="run-bar__free">{t('run.noPhases')}</p>
      )}
      {!readOnly && (
        <div className="run-bar__controls">
          {phase && run.status === 'waiting' && button('start', t('run.start'), Play, { primary: true, shortcut: 'Space' })}
          {run.status === 'running' && button('pause', t('run.pause'), Pause, { shortcut: 'Space' })}
          {run.status === 'paused' && button('resume', t('run.resume'), Play, { primary: true, shortcut: 'Space' })}
          {phase && run.status !== 'waiting' && button('extend', t('run.plus1'), TimerReset, { minutes: 1, shortcut: '+' })}
          {phase && run.status !== 'waiting' && button('extend', t('run.plus5'), TimerReset, { minutes: 5 })}
          {(run.status === 'running' || run.status === 'paused') && button('end', t('run.end'), Square)}
          {run.phaseIndex > 0 && button('previous', t('run.previous'), SkipBack, { shortcut: 'PageUp' })}
          {run.phaseIndex < phases.length - 1 && button('next', t('run.next'), SkipForward, { primary: run.status === 'ended', shortcut: 'PageDown' })}
          <button
            type="button"
            className={`button hand-button${run.handRaised ? ' hand-button--raised' : ''}`}
            aria-pressed={run.handRaised}
            aria-keyshortcuts="H"
            disabled={busy}
            onClick={() => controls.setHand(!run.handRaised)}
            title={t('run.handHint')}
            data-testid="hand-toggle"
          >
            <Hand aria-hidden="true" className="icon" />
            {run.handRaised ? t('run.handLower') : t('run.handRaise')}
          </button>
        </div>
      )}
      {phases.length > 0 && (
        <nav className="run-bar__steps" aria-label={t('run.steps')}>
          <ol>
            {phases.map((step, index) => {
              const current = index === run.phaseIndex;
              // What phones do and how long: in the tooltip, and read by screen readers.
              const details = `${t(`activities.${step.activity}`)}${step.durationSec > 0 ? ` · ${t('run.minutes', { count: Math.round(step.durationSec / 60) })}` : ''}`;
              const label = (
                <>
                  <span className="run-chip__number">{index + 1}</span>
                  <span className="run-chip__title" dir="auto">
                    {step.title}
                  </span>
                  <span className="visually-hidden"> · {details}</span>
                </>
              );
              return (
                <li
                  key={step.id}
                  className={`run-chip${current ? ' run-chip--current' : ''}${index < run.phaseIndex ? ' run-chip--done' : ''}`}
                  data-testid="run-phase"
                >
                  {current || readOnly ? (
                    <span className="run-chip__body" aria-current={current ? 'step' : undefined} title={details}>
                      {label}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="run-chip__body"
                      disabled={busy}
                      onClick={() => controls.control('goto', { phaseIndex: index })}
                      aria-label={`${t('run.goto')} : ${index + 1}. ${step.title} · ${details}`}
                      title={details}
                      data-testid={`goto-${step.id}`}
                    >
                      {label}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      {controls.error && <AlertText>{errorMessage(t, controls.error)}</AlertText>}
    </section>
  );
}
