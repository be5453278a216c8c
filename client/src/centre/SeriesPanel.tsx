import type { SessionOutcome } from '@gommette/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { centreApi } from './api';
import { useLoad } from './useLoad';

function OutcomeList({ outcomes, testId }: { outcomes: SessionOutcome[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="centre-outcomes" data-testid={testId}>
      {outcomes.map((outcome, index) => (
        <li key={index}>
          <span className="visually-hidden">{t(`centre.series.${outcome.kind}`)} : </span>
          {outcome.text}
          {outcome.detail && <span className="tag tag--muted">{outcome.detail}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The sessions of a series in order; each one starts from what came out of the one before. */
export function SeriesPanel({ centreId, seriesId }: { centreId: string; seriesId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => centreApi.series(centreId, seriesId), [centreId, seriesId]);
  const { result } = useLoad(load);
  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  const { series, sessions } = result.data;
  return (
    <div className="centre-series stack" data-testid="series-panel">
      <p className="hint">{series.question}</p>
      <p>
        <a href={`/suivi/${series.id}`} target="_blank" rel="noreferrer" data-testid="follow-up-link">
          {t('centre.series.followUp')}
        </a>
      </p>
      <ol className="centre-sessions">
        {sessions.map((session, index) => {
          const previous = index > 0 ? sessions[index - 1] : undefined;
          return (
            <li key={session.workshopId} className="centre-session" data-testid="series-session">
              <h3>{t('centre.series.session', { number: session.position, title: session.title })}</h3>
              <p className="hint">
                {t(`centre.workshops.status.${session.status}`)} ·{' '}
                {t('centre.workshops.counts', {
                  participants: t('centre.workshops.participantCount', { count: session.participants }),
                  ideas: t('centre.workshops.ideaCount', { count: session.ideas }),
                })}
              </p>
              {previous && (
                <div className="centre-starting-point">
                  <p>{t('centre.series.startsFrom', { number: previous.position })}</p>
                  {previous.outcomes.length === 0 ? (
                    <p className="hint">{t('centre.series.nothingYet')}</p>
                  ) : (
                    <OutcomeList outcomes={previous.outcomes} testId="starting-point" />
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
