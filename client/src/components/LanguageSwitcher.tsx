import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n';
import { languages } from '../i18n/languages';

/** One button per language, each written in its own language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;

  return (
    <nav className="language-switcher" aria-label={t('app.language')}>
      {languages.map((language) => (
        <button
          key={language.code}
          type="button"
          lang={language.code}
          dir={language.dir}
          className="language-switcher__button"
          aria-pressed={current === language.code}
          onClick={() => chooseLanguage(language.code)}
        >
          {language.name}
        </button>
      ))}
    </nav>
  );
}
