import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ReadAloudButton } from '../../run/ReadAloudButton';
import { EnterCodeForm } from '../../people/EnterCodeForm';
import { PhoneFooter } from './PhoneFooter';

interface EnterCodePageProps {
  /** Set when the person arrived with a code that does not exist. */
  unknownCode?: boolean;
}

export function EnterCodePage({ unknownCode = false }: EnterCodePageProps) {
  const { t, i18n } = useTranslation();
  return (
    <main className="phone">
      <header className="phone__header">
        <LanguageSwitcher />
      </header>
      <h1 className="phone__title">{t('join.enterCodeHeading')}</h1>
      <ReadAloudButton segments={[{ text: `${t('join.enterCodeHeading')}. ${t('join.codeLabel')}.`, lang: i18n.language }]} />
      {unknownCode && <ErrorPanel message={t('join.unknownCode')} />}
      <EnterCodeForm />
      <PhoneFooter languages={false} />
    </main>
  );
}
