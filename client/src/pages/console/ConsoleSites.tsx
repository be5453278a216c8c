import { Circle, Hand, MapPin } from 'lucide-react';
import { formatCodeForReading, type ParticipantFigures, type Presence, type SiteLink } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { qrCodeUrl } from '../../api/workshops';

interface ConsoleSitesProps {
  sites: ReadonlyArray<SiteLink>;
  presence: Presence | null;
  participants: ParticipantFigures | null;
}

/** Each place: its join code, a small QR code and how many people are there. */
export function ConsoleSites({ sites, presence, participants }: ConsoleSitesProps) {
  const { t } = useTranslation();
  return (
    <section className="console-panel" aria-labelledby="console-sites-heading">
      <h2 id="console-sites-heading">
        <MapPin aria-hidden="true" className="icon" />
        {t('console.sitesHeading')}
      </h2>
      <ul className="console-sites">
        {sites.map((site) => (
          <li key={site.id} className="console-site">
            <img className="console-site__qr" src={qrCodeUrl(site.joinCode)} alt={t('console.qrAlt', { site: site.name })} width={112} height={112} />
            <div className="console-site__body">
              <p className="console-site__name">{site.name}</p>
              <p className="console-site__code" translate="no">
                {t('console.joinCode', { code: formatCodeForReading(site.joinCode) })}
              </p>
              <p className="console-site__counts">
                <span>
                  <Circle aria-hidden="true" className="icon icon--live" />
                  {t('console.siteConnected', { count: presence?.bySite[site.id] ?? 0 })}
                </span>
                {participants && (
                  <span>
                    <Hand aria-hidden="true" className="icon" />
                    {t('console.siteParticipants', { count: participants.bySite[site.id] ?? 0 })}
                  </span>
                )}
              </p>
              <a className="console-site__url" href={site.joinUrl} target="_blank" rel="noopener">
                {site.joinUrl}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
