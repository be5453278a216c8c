import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { EnterCodeForm } from '../../people/EnterCodeForm';

interface EnterCodePageProps {
  /** Set when the person arrived with a code that does not exist. */
  unknownCode?: boolean;
}

export function EnterCodePage({ unknownCode = false }: EnterCodePageProps) {
  const { t } = useTranslation();
  return (
    <main className="phone">
      <header className="phone__header">
        <LanguageSwitcher />
      </header>
      <h1 className="phone__title">{t('join.enterCodeHeading')}</h1>
      {unknownCode && <ErrorPanel message={t('join.unknownCode')} />}
      <EnterCodeForm />
    </main>
  );
}
