import { Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** "Main levée": covers the whole screen; everyone stops and listens. */
export function HandRaised() {
  const { t } = useTranslation();
  return (
    <div className="hand-raised" role="alertdialog" aria-modal="true" aria-labelledby="hand-raised-title" data-testid="hand-raised">
      <span className="hand-raised__icon" aria-hidden="true">
        <Hand />
      </span>
      <p className="hand-raised__title" id="hand-raised-title">
        {t('phase.handTitle')}
      </p>
      <p className="hand-raised__body">{t('phase.handBody')}</p>
    </div>
  );
}
