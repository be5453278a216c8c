import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { allWords } from '../i18n';

/**
 * A component's HTML as the server would render it, in French with every part of words (resident, staff, steps, vote,
 * retour, board): for component-level checks without a browser. Effects do not run.
 */
export async function renderWithWords(element: ReactElement, language = 'fr'): Promise<string> {
  const words = await allWords('fr');
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: { fr: { translation: words } },
    lng: language,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{element}</I18nextProvider>);
}

/** The visible text of some HTML, tags removed, spaces collapsed. */
export const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
