import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WrittenText } from '../components/WrittenText';
import { allWords, chooseLanguage, initI18n, startLanguage } from './index';

/** A browser as far as the start-up reads it: its path, its languages, its storage, <html>. */
function stubBrowser(languages: string[], stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const documentElement = { lang: 'fr', dir: 'ltr' };
  const document = { documentElement, cookie: '' };
  vi.stubGlobal('window', {
    location: { pathname: '/j/ABCDEF' },
    navigator: { languages, language: languages[0] },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value) },
  });
  vi.stubGlobal('document', document);
  return { storage, document };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the page's first language", () => {
  it('is the choice remembered on the device, else the first device language Gommette speaks, else French', () => {
    expect(startLanguage('en', ['ar', 'fr'])).toBe('en');
    expect(startLanguage(null, ['de-DE', 'ar-MA', 'en'])).toBe('ar');
    expect(startLanguage(null, ['en-GB', 'ar'])).toBe('en');
    expect(startLanguage(null, ['de', 'tr'])).toBe('fr');
    expect(startLanguage('xx', [])).toBe('fr');
  });

  it('starts an Arabic phone in Arabic, right-to-left, before the first render; a choice made later is remembered and wins', async () => {
    const browser = stubBrowser(['de-DE', 'ar']);
    await initI18n();
    expect(i18next.language).toBe('ar');
    expect(browser.document.documentElement).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(i18next.t('purpose.heading')).toBe('مشاركتك ستفيد في…');

    chooseLanguage('en');
    expect(browser.storage.get('gommette:language')).toBe('en');
    expect(browser.document.cookie).toMatch(/^lang=en; path=\/;/);
    await vi.waitFor(() => expect(i18next.language).toBe('en'));
    expect(startLanguage(browser.storage.get('gommette:language') ?? null, ['de-DE', 'ar'])).toBe('en');
  });
});

describe('a text people wrote', () => {
  async function render(element: React.ReactElement, language: 'fr' | 'ar') {
    const instance = i18next.createInstance();
    await instance.use(initReactI18next).init({
      resources: { fr: { translation: await allWords('fr', ['resident']) }, ar: { translation: await allWords('ar', ['resident']) } },
      lng: language,
      fallbackLng: 'fr',
      initAsync: false,
    });
    return renderToStaticMarkup(<I18nextProvider i18n={instance}>{element}</I18nextProvider>);
  }

  it('carries its own language and direction, and says discreetly when it is not the page’s', async () => {
    const french = { text: 'Que changer ?', lang: 'fr' as const };
    const inArabic = await render(<WrittenText as="p" shown={french} testId="question" />, 'ar');
    expect(inArabic).toContain('<p dir="auto" lang="fr" data-testid="question">Que changer ?');
    expect(inArabic).toContain('(بالفرنسية)');
    expect(inArabic).toMatch(/<small[^>]*lang="ar" dir="rtl"/);
    const inFrench = await render(<WrittenText as="p" shown={french} />, 'fr');
    expect(inFrench).toBe('<p dir="auto" lang="fr">Que changer ?</p>');
  });
});
