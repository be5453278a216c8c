import type { KioskLink } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { requestJson } from '../api/http';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';

interface KioskLinksProps {
  workshopId: string;
  token: string;
}

/** Each site's kiosk link (`GET /api/workshops/:id/kiosks`), shown on demand. */
export function KioskLinks({ workshopId, token }: KioskLinksProps) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<KioskLink[] | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const handleShow = () => {
    setError(null);
    requestJson<KioskLink[]>(`/api/workshops/${encodeURIComponent(workshopId)}/kiosks`, { token }).then(setLinks, (failure: unknown) =>
      setError(errorCodeOf(failure)),
    );
  };

  return (
    <div className="kiosk-links">
      <h3>{t('vote.kioskHeading')}</h3>
      {links === null ? (
        <button type="button" className="button button--secondary" onClick={handleShow} data-testid="kiosk-links-show">
          {t('vote.kioskShow')}
        </button>
      ) : (
        <>
          <p className="hint">{t('vote.kioskHint')}</p>
          <ul>
            {links.map((link) => (
              <li key={link.siteId}>
                <a href={link.kioskUrl} target="_blank" rel="noopener" data-testid="kiosk-link" data-site={link.name} dir="auto">
                  {link.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
    </div>
  );
}
