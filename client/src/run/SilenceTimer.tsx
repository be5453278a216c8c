import { isSilent, type RoomView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { formatRemaining, useServerNow } from '../socket/useServerNow';

interface SilenceTimerProps {
  room: RoomView;
  clockOffsetMs: number;
  /** Ends the silent time now (absent for observers). */
  onEnd?: (() => void) | undefined;
  busy: boolean;
}

/** An ideas step's silent individual time: its own countdown, and a button to end it early. */
export function SilenceTimer({ room, clockOffsetMs, onEnd, busy }: SilenceTimerProps) {
  const { t } = useTranslation();
  const { run } = room;
  const now = useServerNow(clockOffsetMs, run.status === 'running' && run.silentUntil !== null, run.silentUntil);
  if (!isSilent(run, now)) return null;
  const left = run.status === 'running' ? (run.silentUntil ?? now) - now : (run.silentRemainingMs ?? 0);
  return (
    <div className="silence-timer" data-testid="silence-timer">
      <p className="silence-timer__text">
        <span className="silence-timer__label">{t('run.silence')}</span>
        <span className="silence-timer__time" aria-hidden={run.status === 'running' ? 'true' : undefined} data-testid="silence-remaining">
          {formatRemaining(Math.max(0, left))}
        </span>
      </p>
      {onEnd && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={onEnd} title={t('run.silenceHint')} data-testid="end-silence">
          {t('run.endSilence')}
        </button>
      )}
    </div>
  );
}
