import { formatDay, canDo, type CentreSpace, type CentreWorkshopView } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { centreApi } from './api';
import { refusalMessage } from './refusal';
import { StaffLinksPanel } from './StaffLinksPanel';

/** Newest first, with their status, counts and links; admins may delete one with its personal data. */
export function WorkshopList({ space, onChanged }: { space: CentreSpace; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const seriesTitle = new Map(space.series.map((series) => [series.id, series.title]));

  const handleDelete = async (workshop: CentreWorkshopView) => {
    if (!window.confirm(t('centre.workshops.confirmRemove', { title: workshop.title }))) return;
    try {
      await centreApi.deleteWorkshop(space.centre.id, workshop.id);
      onChanged();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  const handleRotate = async (workshop: CentreWorkshopView) => {
    if (!window.confirm(t('centre.workshops.confirmRotate', { title: workshop.title }))) return;
    try {
      await centreApi.rotateConsoleLink(space.centre.id, workshop.id);
      onChanged();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  if (space.workshops.length === 0) return <p className="hint">{t('centre.workshops.none')}</p>;
  return (
    <>
      {error && <AlertText>{error}</AlertText>}
      <ul className="centre-workshops" data-testid="centre-workshops">
        {space.workshops.map((workshop) => (
          <li key={workshop.id} className="centre-workshop" data-testid="centre-workshop">
            <p className="centre-workshop__title">
              <strong>{workshop.title}</strong>{' '}
              <span className={`tag centre-status--${workshop.status}`}>{t(`centre.workshops.status.${workshop.status}`)}</span>
            </p>
            <p className="hint">
              {formatDay(workshop.createdAt, i18n.language)}
              {workshop.seriesId && ` · ${seriesTitle.get(workshop.seriesId) ?? ''} (${workshop.position})`}
              {' · '}
              {t('centre.workshops.counts', {
                participants: t('centre.workshops.participantCount', { count: workshop.participants }),
                ideas: t('centre.workshops.ideaCount', { count: workshop.ideas }),
              })}
            </p>
            {workshop.personalDataErased && <p className="hint">{t('centre.workshops.erased')}</p>}
            {workshop.consoleUrl === null && <p className="hint">{t('centre.workshops.linkHeldElsewhere')}</p>}
            <p className="centre-workshop__actions">
              {workshop.consoleUrl !== null && (
                <a className="button button--secondary" href={workshop.consoleUrl} data-testid="open-console">
                  {t('centre.workshops.openConsole')}
                </a>
              )}
              {workshop.screenUrl !== null && (
                <a className="button button--secondary" href={workshop.screenUrl} target="_blank" rel="noreferrer">
                  {t('centre.workshops.openScreen')}
                </a>
              )}
              {workshop.consoleUrl !== null && (
                <button type="button" className="button button--secondary" onClick={() => void handleRotate(workshop)} data-testid="rotate-console-link">
                  {t('centre.workshops.rotateLink')}
                </button>
              )}
              {canDo(space.role, 'manageData') && (
                <button type="button" className="button button--secondary" onClick={() => void handleDelete(workshop)} data-testid="delete-workshop">
                  {t('centre.workshops.remove')}
                </button>
              )}
            </p>
            <StaffLinksPanel centreId={space.centre.id} workshopId={workshop.id} />
          </li>
        ))}
      </ul>
    </>
  );
}
