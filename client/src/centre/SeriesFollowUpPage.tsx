import { formatDay, type SeriesFollowUp } from '@gommette/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';
import { errorMessage } from '../components/errorMessage';
import { LoadingScreen } from '../components/LoadingScreen';
import { requestJson } from '../api/http';
import { CentreHeader } from './CentreHeader';
import { useLoad } from './useLoad';
import '../styles/centre.css';

/** `/suivi/:seriesId`: the series' public follow-up page, for residents and partners. */
export function SeriesFollowUpPage({ seriesId }: { seriesId: string }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => requestJson<SeriesFollowUp>(`/api/series/${encodeURIComponent(seriesId)}/follow-up`), [seriesId]);
  const { result } = useLoad(load);
  if (result.state === 'loading') return <LoadingScreen />;
  if (result.state === 'error') {
    return (
      <main className="page page--narrow centre">
        <ErrorPanel message={errorMessage(t, result.code)} />
      </main>
    );
  }
  const followUp = result.data;
  return (
    <main className="page page--narrow centre">
      <CentreHeader />
      <p className="hint">
        {followUp.centreName} · {followUp.town}
      </p>
      <h1 data-testid="follow-up-title">{followUp.title}</h1>
      <p className="lead">{followUp.question}</p>
      <ol className="centre-sessions" data-testid="follow-up-sessions">
        {followUp.sessions.map((session) => (
          <li key={session.position} className="centre-card">
            <h2>{t('centre.series.session', { number: session.position, title: session.title })}</h2>
            <p>
              {formatDay(session.date, i18n.language)} · {t(`centre.workshops.status.${session.status}`)}
            </p>
            <p>
              {t('centre.workshops.counts', {
                participants: t('centre.workshops.participantCount', { count: session.participants }),
                ideas: t('centre.workshops.ideaCount', { count: session.ideas }),
              })}
            </p>
            {session.decisions.length > 0 && (
              <>
                <h3>{t('centre.series.decided')}</h3>
                <ul data-testid="follow-up-decisions">
                  {session.decisions.map((decision, index) => (
                    <li key={index}>
                      <bdi className="typed-text">{decision.title}</bdi> · {t(`followUp.status.${decision.status}`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
