import { useTranslation } from 'react-i18next';
import { SecretLink } from '../components/SecretLink';

/** Links for the rest of the team: table helpers (assisted posting) and observers (read-only). */
export function StaffLinks({ helperUrl, observerUrl }: { helperUrl: string; observerUrl: string }) {
  const { t } = useTranslation();
  return (
    <div className="console-panel staff-links">
      <SecretLink icon="🤝" heading={t('moderation.helperLink')} note={<p className="hint">{t('moderation.helperHint')}</p>} url={helperUrl} testId="helper-link" className="staff-links__block" />
      <SecretLink icon="👀" heading={t('moderation.observerLink')} url={observerUrl} testId="observer-link" className="staff-links__block" />
    </div>
  );
}
