import { MOODS, type MoodCounts } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { MoodIcon } from './MoodIcon';

interface MoodSummaryProps {
  moods: MoodCounts;
}

/** The room's météo: how many chose each weather, never who. */
export function MoodSummary({ moods }: MoodSummaryProps) {
  const { t } = useTranslation();
  const total = MOODS.reduce((sum, mood) => sum + moods[mood], 0);
  return (
    <div className="mood-summary">
      <h3>{t('console.weatherHeading')}</h3>
      {total === 0 ? (
        <p className="hint">{t('console.weatherEmpty')}</p>
      ) : (
        <ul className="mood-summary__list">
          {MOODS.map((mood) => (
            <li key={mood} className="mood-summary__item" data-testid={`mood-count-${mood}`}>
              <span className="mood-summary__emoji" aria-hidden="true">
                <MoodIcon mood={mood} />
              </span>
              <span className="mood-summary__count">{moods[mood]}</span>
              <span className="mood-summary__label">{t(`moods.${mood}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
