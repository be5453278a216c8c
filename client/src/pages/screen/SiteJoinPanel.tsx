import { Circle } from 'lucide-react';
import { formatCodeForReading, type SiteLink } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { qrCodeUrl } from '../../api/workshops';

interface SiteJoinPanelProps {
  site: SiteLink;
  connected: number;
  /** Site names and per-site counts matter only when there are several places. */
  several: boolean;
  colorClass: string;
}

/** "https://host/j/KP7WQ3" → "host/j/KP7WQ3": shorter to read and to type. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** A big QR code, the address and the code to type, for one place. */
export function SiteJoinPanel({ site, connected, several, colorClass }: SiteJoinPanelProps) {
  const { t } = useTranslation();
  return (
    <li className={`site-join ${colorClass}`}>
      <img className="site-join__qr" src={qrCodeUrl(site.joinCode)} alt={t('screen.qrAlt', { site: site.name })} data-testid={`site-qr-${site.joinCode}`} />
      <div className="site-join__text">
        {several && <p className="site-join__name">{site.name}</p>}
        <p className="site-join__url" translate="no">
          {displayUrl(site.joinUrl)}
        </p>
        <p className="site-join__code" translate="no" data-testid={`join-code-${site.joinCode}`}>
          {formatCodeForReading(site.joinCode)}
        </p>
        {several && (
          <p className="site-join__connected">
            <Circle aria-hidden="true" className="icon icon--live" />
            {t('screen.siteConnected', { count: connected })}
          </p>
        )}
      </div>
    </li>
  );
}
