import { Pause, Timer } from 'lucide-react';
import { remainingMs, type RoomView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { formatRemaining, useServerNow } from '../socket/useServerNow';

interface PhaseTimerProps {
  room: RoomView;
  clockOffsetMs: number;
  className?: string;
}

const MINUTE_MS = 60_000;

/**
 * The remaining time of the current phase, from the server's end timestamp. Screen readers hear
 * it in words, by the minute ("Il reste 4 minutes"), politely and only when the minute changes;
 * the digits that change every second are for the eye.
 */
export function PhaseTimer({ room, clockOffsetMs, className = '' }: PhaseTimerProps) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffsetMs, room.run.status === 'running');
  const left = remainingMs(room.run, now);
  if (left === null) return null;
  const elapsed = left <= 0;
  const paused = room.run.status === 'paused';
  const label = paused ? t('phase.paused') : elapsed ? t('phase.timeUp') : t('phase.remaining');
  const minutesLeft = t('phase.timeLeft', { count: Math.ceil(Math.max(0, left) / MINUTE_MS) });
  const spoken = elapsed ? t('phase.timeUp') : paused ? t('phase.timeLeftPaused', { left: minutesLeft }) : minutesLeft;
  return (
    <p
      className={`phase-timer${elapsed ? ' phase-timer--elapsed' : ''}${paused ? ' phase-timer--paused' : ''} ${className}`}
      role="timer"
      aria-label={spoken}
      aria-live="polite"
      aria-atomic="true"
      data-testid="phase-timer"
    >
      <span className="phase-timer__label" aria-hidden="true">
        {paused ? <Pause aria-hidden="true" className="icon" /> : <Timer aria-hidden="true" className="icon" />}
        <span className="phase-timer__words">{label}</span>
      </span>
      <span className="phase-timer__time" aria-hidden="true" data-testid="phase-remaining">
        {formatRemaining(Math.max(0, left))}
      </span>
      {/* What is announced: it changes once a minute, not every second. */}
      <span className="visually-hidden">{spoken}</span>
    </p>
  );
}
