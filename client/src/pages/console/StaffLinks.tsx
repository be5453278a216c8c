import { Eye, Handshake } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { SecretLink } from '../../components/SecretLink';

/**
 * Links for the rest of the team: table helpers (assisted posting) and observers (read-only). A
 * centre's workshop may have none working (revoked, or made by a member who left): the centre's
 * space issues a new one.
 */
export function StaffLinks({ helperUrl, observerUrl }: { helperUrl: string | null; observerUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="console-panel staff-links">
      {helperUrl ? (
        <SecretLink
          icon={Handshake}
          heading={t('moderation.helperLink')}
          note={<p className="hint">{t('moderation.helperHint')}</p>}
          url={helperUrl}
          testId="helper-link"
          className="staff-links__block"
        />
      ) : (
        <p className="hint" data-testid="helper-link-none">
          {t('moderation.noStaffLink')}
        </p>
      )}
      {observerUrl && <SecretLink icon={Eye} heading={t('moderation.observerLink')} url={observerUrl} testId="observer-link" className="staff-links__block" />}
    </div>
  );
}
