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
    <section className="created" aria-labelledby="created-heading">
      <h1 id="created-heading" tabIndex={-1} ref={headingRef}>
        {t('created.heading')}
        <PartyPopper aria-hidden="true" className="icon--after" />
      </h1>

      {/* The next step first: open the console (to start) and the projector, no scrolling. */}
      <section className="created__next" aria-labelledby="created-next-heading">
        <h2 id="created-next-heading">{t('created.nextHeading')}</h2>
        <p>{t('created.nextHint')}</p>
        <div className="created__actions">
          <a className="button button--primary button--huge" href={consolePath} data-testid="open-console">
            <SlidersHorizontal aria-hidden="true" className="icon" />
            {t('created.openConsole')}
          </a>
          <a className="button button--secondary button--huge" href={screenPath} target="_blank" rel="noopener" data-testid="created-open-screen">
            <Tv aria-hidden="true" className="icon" />
            {t('created.openScreen')}
          </a>
        </div>
      </section>

      <div className="created__columns">
        <div className="created__links stack">
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
        </div>

        <section className="created__block created__codes">
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
      </div>

      <button type="button" className="button button--link created__another" onClick={onCreateAnother}>
        <Plus aria-hidden="true" className="icon" />
        {t('created.newWorkshop')}
      </button>
    </section>
  );
}
