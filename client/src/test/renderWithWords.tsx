import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { fr } from '../i18n/fr';

/**
 * A component's HTML as the server would render it, in French with every word bundle (main, vote,
 * retour): for component-level checks without a browser. Effects do not run.
 */
export async function renderWithWords(element: ReactElement, language = 'fr'): Promise<string> {
  const { voteFr } = await import('../vote/voteI18n');
  const { followUpFr, retourFr } = await import('../retour/retourI18n');
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: { fr: { translation: { ...fr, vote: voteFr, retour: retourFr, followUp: followUpFr } } },
    lng: language,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{element}</I18nextProvider>);
}

/** The visible text of some HTML, tags removed, spaces collapsed. */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
