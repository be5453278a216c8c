import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';

/** The foot of every resident page: the language switch (unless the page has it on top) and the accessibility statement. */
export function PhoneFooter({ languages = true }: { languages?: boolean }) {
  const { t } = useTranslation();
  return (
    <footer className="phone__footer">
      {languages && <LanguageSwitcher />}
      {/* A page of the staff's build (index.html): a plain link, a whole page load. */}
      <a href="/accessibilite" className="phone__footer-link" data-testid="accessibility-link">
        {t('app.accessibility')}
      </a>
    </footer>
  );
}
