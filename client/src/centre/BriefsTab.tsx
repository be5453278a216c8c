import type { SharedBrief } from '@gommette/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { essaimageApi } from './essaimageApi';
import { useCentreAction } from './useCentreAction';
import { useLoad } from './useLoad';

/** A shared brief, as another centre reads it: no names, no contacts, suppressed per-site splits. */
function SharedBriefDetails({ brief }: { brief: SharedBrief }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>
        <strong>{brief.title}</strong> <span className="hint">{t('centre.essaimage.from', { centre: brief.centreName, town: brief.town })}</span>
      </summary>
      <p>{brief.question}</p>
      {brief.solution && (
        <p>
          <strong>{t('centre.essaimage.solution')} : </strong>
          {brief.solution}
        </p>
      )}
      <h4>{t('centre.essaimage.ideas')}</h4>
      <ul>
        {brief.ideas.map((idea, index) => (
          <li key={`${index}-${idea.text}`}>
            {idea.text}{' '}
            <span className="hint">
              ({idea.siteName}
              {idea.votes ? ` · ${t('centre.essaimage.gommettes', { count: idea.votes.total })}` : ''})
            </span>
          </li>
        ))}
      </ul>
      {brief.nextSteps.length > 0 && (
        <>
          <h4>{t('centre.essaimage.nextSteps')}</h4>
          <ul>
            {brief.nextSteps.map((step, index) => (
              <li key={`${index}-${step.text}`}>{step.text}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

/** The centre's briefs (share the published ones), those other centres shared (copy one), and the copies. */
export function BriefsTab({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const load = useCallback(
    () => Promise.all([essaimageApi.briefs(centreId), essaimageApi.sharedBriefs(centreId), essaimageApi.briefCopies(centreId)]),
    [centreId],
  );
  const { result, reload } = useLoad(load);
  const { message, error, run } = useCentreAction(reload);

  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  const [own, shared, copies] = result.data;
  return (
    <div className="stack">
      {error && <AlertText>{error}</AlertText>}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <section className="centre-card stack" aria-labelledby="own-briefs">
        <h2 id="own-briefs">{t('centre.essaimage.ownBriefs')}</h2>
        {own.length === 0 && <p className="hint">{t('centre.essaimage.ownBriefsNone')}</p>}
        <ul className="centre-list" data-testid="own-briefs">
          {own.map((brief) => (
            <li key={brief.briefId}>
              <strong>{brief.title}</strong> <span className="hint">{brief.workshopTitle}</span>
              {brief.published ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={brief.shared}
                    onChange={(event) => void run(() => essaimageApi.shareBrief(centreId, brief.briefId, event.target.checked))}
                    data-testid="share-brief"
                  />
                  {t('centre.essaimage.shareBrief')}
                </label>
              ) : (
                <span className="hint"> · {t('centre.essaimage.notPublished')}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="centre-card stack" aria-labelledby="shared-briefs">
        <h2 id="shared-briefs">{t('centre.essaimage.sharedBriefs')}</h2>
        <p className="hint">{t('centre.essaimage.sharedBriefsHint')}</p>
        {shared.length === 0 && <p className="hint">{t('centre.essaimage.sharedBriefsNone')}</p>}
        <ul className="centre-list" data-testid="shared-briefs">
          {shared.map((brief) => (
            <li key={brief.id}>
              <SharedBriefDetails brief={brief} />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void run(() => essaimageApi.copyBrief(centreId, brief.id), t('centre.essaimage.copiedBrief'))}
              >
                {t('centre.essaimage.copyBrief')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="centre-card stack" aria-labelledby="brief-copies">
        <h2 id="brief-copies">{t('centre.essaimage.copies')}</h2>
        {copies.length === 0 && <p className="hint">{t('centre.essaimage.copiesNone')}</p>}
        <ul className="centre-list" data-testid="brief-copies">
          {copies.map((copy) => (
            <li key={copy.id}>
              <SharedBriefDetails brief={copy.brief} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
