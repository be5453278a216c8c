import { currentPhase, type RoomView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { PhaseTimer } from './PhaseTimer';
import { ReadAloudButton } from './ReadAloudButton';
import { useWorkshopText } from '../i18n/workshopText';
import { WrittenText } from '../components/WrittenText';

interface PhaseBannerProps {
  room: RoomView;
  clockOffsetMs: number;
  /** Projector: bigger, and the instruction under the title. */
  variant: 'phone' | 'screen';
}

/** Where the workshop is: step n of N, its title, its instruction once revealed, the time left. */
export function PhaseBanner({ room, clockOffsetMs, variant }: PhaseBannerProps) {
  const { t } = useTranslation();
  const show = useWorkshopText(room.translations);
  const phase = currentPhase(room.phases, room.run);
  if (!phase) return null;
  // The step's words in the page's language when there is a version (built-in or the facilitator's).
  const title = show(phase.title);
  const instruction = phase.instruction ? show(phase.instruction) : null;
  const waiting = room.run.status === 'waiting';
  const notStarted = waiting && room.run.phaseIndex === 0;
  return (
    <section
      className={`phase-banner phase-banner--${variant}`}
      aria-live="polite"
      data-testid="phase-banner"
      data-phase={phase.id}
      data-status={room.run.status}
    >
      <p className="phase-banner__step">{t('phase.step', { number: room.run.phaseIndex + 1, total: room.phases.length })}</p>
      <h2 className="phase-banner__title" data-testid="phase-title">
        {notStarted ? t('phase.notStarted') : waiting ? t('phase.next', { title: title.text }) : <WrittenText shown={title} />}
      </h2>
      {!waiting && room.run.status !== 'ended' && instruction && (
        <WrittenText as="p" className="phase-banner__instruction" testId="phase-instruction" shown={instruction} />
      )}
      {room.run.status === 'ended' && <p className="phase-banner__instruction">{t('phase.ended')}</p>}
      {variant === 'phone' && !waiting && room.run.status !== 'ended' && instruction && (
        <ReadAloudButton compact segments={[{ ...title, text: `${title.text}.` }, instruction]} />
      )}
      <PhaseTimer room={room} clockOffsetMs={clockOffsetMs} />
    </section>
  );
}
