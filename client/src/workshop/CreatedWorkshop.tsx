import { Handshake, KeyRound, MapPin, PartyPopper, Plus, SlidersHorizontal, Tv } from 'lucide-react';
import { formatCodeForReading, type CreateWorkshopResponse } from '@gommette/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { qrCodeUrl } from '../api/workshops';
import { SecretLink } from '../components/SecretLink';

interface CreatedWorkshopProps {
  workshop: CreateWorkshopResponse;
  onCreateAnother: () => void;
}

/** The links a facilitator needs after creating a workshop: private console, screen, join codes. */
export function CreatedWorkshop({ workshop, onCreateAnother }: CreatedWorkshopProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const consolePath = `/console/${encodeURIComponent(workshop.id)}#k=${encodeURIComponent(workshop.facilitatorToken)}`;
  const screenPath = `/screen/${encodeURIComponent(workshop.id)}#k=${encodeURIComponent(workshop.screenToken)}`;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="created stack" aria-labelledby="created-heading">
      <h1 id="created-heading" tabIndex={-1} ref={headingRef}>
        {t('created.heading')}
        <PartyPopper aria-hidden="true" className="icon--after" />
      </h1>

      <SecretLink
        icon={KeyRound}
        heading={t('created.facilitatorHeading')}
        note={<p className="warning">{t('created.facilitatorWarning')}</p>}
        url={workshop.facilitatorUrl}
        testId="facilitator-link"
        newTab={false}
        className="created__block created__block--private"
      />
      <SecretLink
        icon={Tv}
        heading={t('created.screenHeading')}
        note={<p className="hint">{t('created.screenHint')}</p>}
        url={workshop.screenUrl}
        testId="screen-link"
      />
      <SecretLink
        icon={Handshake}
        heading={t('moderation.helperLink')}
        note={<p className="hint">{t('moderation.helperHint')}</p>}
        url={workshop.helperUrl}
        testId="created-helper-link"
      />

      <section className="created__block">
        <h2>
          <MapPin aria-hidden="true" className="icon" />
          {t('created.sitesHeading')}
        </h2>
        <ul className="created__sites">
          {workshop.sites.map((site) => (
            <li key={site.id} className="created__site">
              <img src={qrCodeUrl(site.joinCode)} alt="" width={96} height={96} className="created__qr" />
              <div>
                <p className="created__site-name">{site.name}</p>
                <p className="created__code" translate="no">
                  {formatCodeForReading(site.joinCode)}
                </p>
                <a href={site.joinUrl}>{site.joinUrl}</a>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <div className="created__actions">
        <a className="button button--primary" href={consolePath}>
          <SlidersHorizontal aria-hidden="true" className="icon" />
          {t('created.openConsole')}
        </a>
        <a className="button button--secondary" href={screenPath} target="_blank" rel="noopener">
          <Tv aria-hidden="true" className="icon" />
          {t('created.openScreen')}
        </a>
        <button type="button" className="button button--link" onClick={onCreateAnother}>
          <Plus aria-hidden="true" className="icon" />
          {t('created.newWorkshop')}
        </button>
      </div>
    </section>
  );
}
