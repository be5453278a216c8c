import { useTranslation } from 'react-i18next';
import { CopyLinkButton } from '../home/CopyLinkButton';

/** Links for the rest of the team: table helpers (assisted posting) and observers (read-only). */
export function StaffLinks({ helperUrl, observerUrl }: { helperUrl: string; observerUrl: string }) {
  const { t } = useTranslation();
  return (
    <section className="console-panel staff-links" aria-labelledby="staff-links-heading">
      <h2 id="staff-links-heading">
        <span aria-hidden="true">🔗 </span>
        {t('moderation.linksHeading')}
      </h2>
      <p className="field-label">{t('moderation.helperLink')}</p>
      <p className="hint">{t('moderation.helperHint')}</p>
      <p className="staff-links__row">
        <a href={helperUrl} target="_blank" rel="noopener" data-testid="helper-link">
          {helperUrl}
        </a>
        <CopyLinkButton url={helperUrl} />
      </p>
      <p className="field-label">{t('moderation.observerLink')}</p>
      <p className="staff-links__row">
        <a href={observerUrl} target="_blank" rel="noopener" data-testid="observer-link">
          {observerUrl}
        </a>
        <CopyLinkButton url={observerUrl} />
      </p>
    </section>
  );
}
