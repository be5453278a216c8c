import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { LanguageSwitcher } from '../components/LanguageSwitcher';

export function CentreHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="centre-header">
      <Brand>
        {t('app.name')} · {t('centre.title')}
      </Brand>
      <div className="centre-header__actions">
        {children}
        <LanguageSwitcher />
      </div>
    </header>
  );
}
