import { ChartColumn } from 'lucide-react';
import type { ParticipantFigures, Presence } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { MoodSummary } from '../../people/MoodSummary';

interface LiveFiguresProps {
  presence: Presence | null;
  participants: ParticipantFigures | null;
  figuresUnavailable: boolean;
}

/** Connected now, participants so far and the room's weather. */
export function LiveFigures({ presence, participants, figuresUnavailable }: LiveFiguresProps) {
  const { t } = useTranslation();
  return (
    <section className="console-panel" aria-labelledby="console-figures-heading">
      <h2 id="console-figures-heading">
        <ChartColumn aria-hidden="true" className="icon" />
        {t('console.figuresHeading')}
      </h2>
      <dl className="figures">
        <div className="figures__item">
          <dt>{t('console.connectedTotal')}</dt>
          <dd data-testid="figures-connected">{presence?.total ?? 0}</dd>
        </div>
        <div className="figures__item">
          <dt>{t('console.participantsTotal')}</dt>
          <dd data-testid="participants-total" aria-live="polite">
            {participants?.total ?? 0}
          </dd>
        </div>
      </dl>
      {participants && <MoodSummary moods={participants.moods} />}
      {figuresUnavailable && <p className="error-text">{t('console.figuresError')}</p>}
    </section>
  );
}
