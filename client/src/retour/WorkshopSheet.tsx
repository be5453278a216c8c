import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { purposeCompletion, type Brief, type ParticipationFigures } from '@gommette/shared';
import { BriefSheet } from './BriefSheet';
import { fetchFigures } from './retourApi';
import { figuresSummary } from './figuresSummary';

interface WorkshopSheetProps {
  workshopId: string;
  token: string;
  workshop: { title: string; question: string; purpose: string };
  briefs: ReadonlyArray<Brief>;
}

/** The whole workshop on A4 pages: what it was for, its figures, then one page per brief. */
export function WorkshopSheet({ workshopId, token, workshop, briefs }: WorkshopSheetProps) {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<ParticipationFigures | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchFigures(workshopId, token, controller.signal).then(setFigures, () => undefined);
    return () => controller.abort();
  }, [workshopId, token]);
  return (
    <div className="workshop-sheet" data-testid="workshop-sheet">
      <article className="brief-sheet">
        <h3 dir="auto">{workshop.title}</h3>
        <h4>{t('retour.question')}</h4>
        <p dir="auto">{workshop.question}</p>
        <h4>{t('purpose.heading')}</h4>
        <p dir="auto">{purposeCompletion(workshop.purpose)}</p>
        {figures && (
          <>
            <h4>{t('retour.figuresHeading')}</h4>
            <p>{figuresSummary(t, figures)}</p>
            <ul>
              {figures.participants.bySite.map((site) => (
                <li key={site.siteName}>
                  <bdi>{site.siteName}</bdi> : {site.count}
                </li>
              ))}
              {figures.questionnaire.averages.map((q) => (
                <li key={q.id}>
                  {q.text} : {q.average ?? '—'} / 5
                </li>
              ))}
            </ul>
          </>
        )}
        <h4>{t('retour.briefsHeading')}</h4>
        <ul>
          {briefs.map((brief) => (
            <li key={brief.id}>
              {brief.title} — {t(`followUp.status.${brief.status}`)}
            </li>
          ))}
        </ul>
      </article>
      {briefs.map((brief) => (
        <div key={brief.id} className="workshop-sheet__page">
          <BriefSheet brief={brief} />
        </div>
      ))}
    </div>
  );
}
