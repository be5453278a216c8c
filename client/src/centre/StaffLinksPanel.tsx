import { formatDay, type StaffLinkRole, type StaffLinkView } from '@gommette/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { essaimageApi } from './essaimageApi';
import { useCentreAction } from './useCentreAction';
import { useLoad } from './useLoad';

function StaffLinkLine({ link, onRevoke }: { link: StaffLinkView; onRevoke: () => void }) {
  const { t, i18n } = useTranslation();
  const state =
    link.state === 'revoked'
      ? t('centre.essaimage.stateRevoked')
      : link.state === 'issuer_removed'
        ? t('centre.essaimage.stateIssuerRemoved')
        : link.state === 'holder_removed'
          ? t('centre.essaimage.stateHolderRemoved')
          : null;
  return (
    <li data-testid={`staff-link-${link.state}`}>
      <strong>{t(`centre.essaimage.${link.role}`)}</strong>{' '}
      <span className="hint">
        {link.issuedBy ? t('centre.essaimage.issuedBy', { login: link.issuedBy }) : ''} · {formatDay(link.createdAt, i18n.language)}
      </span>
      {state && <span className="hint"> · {state}</span>}
      {link.url && (
        <>
          <input className="input" readOnly value={link.url} aria-label={t(`centre.essaimage.${link.role}`)} onFocus={(event) => event.target.select()} />
          <button type="button" className="button button--secondary" onClick={onRevoke} data-testid="revoke-staff-link">
            {t('centre.essaimage.revoke')}
          </button>
        </>
      )}
    </li>
  );
}

/** A centre workshop's helper and observer links: who made them, whether they work; issue and revoke. */
function StaffLinksList({ centreId, workshopId }: { centreId: string; workshopId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => essaimageApi.staffLinks(centreId, workshopId), [centreId, workshopId]);
  const { result, reload } = useLoad(load);
  const { error, run } = useCentreAction(reload);
  const handleRevoke = (link: StaffLinkView) => {
    if (window.confirm(t('centre.essaimage.confirmRevoke'))) void run(() => essaimageApi.revokeStaffLink(centreId, workshopId, link.role, link.linkId));
  };
  const handleIssue = (role: StaffLinkRole) => void run(() => essaimageApi.issueStaffLink(centreId, workshopId, role));

  if (result.state === 'loading') return <p className="hint">{t('app.loading')}</p>;
  if (result.state === 'error') return <AlertText>{errorMessage(t, result.code)}</AlertText>;
  return (
    <div className="stack">
      <p className="hint">{t('centre.essaimage.staffLinksHint')}</p>
      {error && <AlertText>{error}</AlertText>}
      <ul className="centre-list" data-testid="staff-links">
        {result.data.map((link) => (
          <StaffLinkLine key={`${link.role}-${link.linkId}`} link={link} onRevoke={() => handleRevoke(link)} />
        ))}
      </ul>
      <p>
        <button type="button" className="button button--secondary" onClick={() => handleIssue('helper')} data-testid="issue-helper-link">
          {t('centre.essaimage.newHelper')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => handleIssue('observer')}>
          {t('centre.essaimage.newObserver')}
        </button>
      </p>
    </div>
  );
}

function DeviceLine({ label, url, onRevoke }: { label: string; url: string; onRevoke: () => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{label}</strong>
      <input className="input" readOnly value={url} aria-label={label} onFocus={(event) => event.target.select()} />
      <button type="button" className="button button--secondary" onClick={onRevoke} data-testid="revoke-device-link">
        {t('centre.essaimage.revoke')}
      </button>
    </li>
  );
}

/**
 * The projector's and kiosks' links, for whom holds the console link (and the admins): each can be
 * revoked alone. Shows nothing to the other members (the server refuses them these links).
 */
function DevicesList({ centreId, workshopId }: { centreId: string; workshopId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => essaimageApi.devices(centreId, workshopId), [centreId, workshopId]);
  const { result, reload } = useLoad(load);
  const { error, run } = useCentreAction(reload);
  const revoke = async (action: () => Promise<unknown>) => {
    if (window.confirm(t('centre.essaimage.confirmRevokeDevice'))) await run(action);
  };
  if (result.state !== 'ready') return null;
  return (
    <div className="stack" data-testid="device-links">
      <h4>{t('centre.essaimage.devicesHeading')}</h4>
      <p className="hint">{t('centre.essaimage.devicesHint')}</p>
      {error && <AlertText>{error}</AlertText>}
      <ul className="centre-list">
        <DeviceLine
          label={t('centre.essaimage.projector')}
          url={result.data.screenUrl}
          onRevoke={() => void revoke(() => essaimageApi.revokeScreenLink(centreId, workshopId))}
        />
        {result.data.kiosks.map((kiosk) => (
          <DeviceLine
            key={kiosk.siteId}
            label={t('centre.essaimage.kiosk', { site: kiosk.name })}
            url={kiosk.kioskUrl}
            onRevoke={() => void revoke(() => essaimageApi.revokeKioskLink(centreId, workshopId, kiosk.siteId))}
          />
        ))}
      </ul>
    </div>
  );
}

/** Folded by default: the links load when a member opens it. */
export function StaffLinksPanel({ centreId, workshopId }: { centreId: string; workshopId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary data-testid="staff-links-toggle">{t('centre.essaimage.staffLinks')}</summary>
      {open && <StaffLinksList centreId={centreId} workshopId={workshopId} />}
      {open && <DevicesList centreId={centreId} workshopId={workshopId} />}
    </details>
  );
}
