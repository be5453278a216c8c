import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allWords } from '../index';
import { languages } from '../languages';
import { WORDS_PARTS } from '../types';
import { LiteI18n } from './i18next';

interface Tree {
  [key: string]: string | Tree;
}

/** Every key, with its plural suffix taken off (the lookups ask for the bare key and a count). */
function keysOf(tree: Tree, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const sub of keysOf(value, path)) keys.add(sub);
  }
  return keys;
}

const fr = (await allWords('fr', WORDS_PARTS)) as Tree;
const keys = [...keysOf(fr), 'no.such.key'];
const values = { name: 'Amina', site: 'Centre', title: 'Atelier', n: 3, total: 7, ideas: '2 idées', participants: '1 personne' };

describe('the phone build’s i18next (lite) says exactly what i18next says', () => {
  it.each(languages.map((language) => language.code))('%s: every key, with and without counts', async (code) => {
    const real = i18next.createInstance();
    const lite = new LiteI18n();
    const resources = { fr: { translation: fr }, [code]: { translation: (await allWords(code, WORDS_PARTS)) as Tree } };
    for (const instance of [real, lite]) {
      await instance.init({ resources, lng: code, fallbackLng: 'fr', interpolation: { escapeValue: false }, returnNull: false, initAsync: false } as never);
    }
    let compared = 0;
    for (const key of keys) {
      for (const options of [values, ...[0, 1, 2, 3, 5, 11, 100, 1000000].map((count) => ({ ...values, count }))]) {
        expect(lite.t(key, options), `${code} ${key} ${JSON.stringify(options)}`).toBe(real.t(key, options));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('follows a language change and tells its listeners', async () => {
    const lite = new LiteI18n();
    await lite.init({
      resources: { fr: { translation: { hello: 'Bonjour {{name}}' } }, ar: { translation: { hello: 'مرحبا {{name}}' } } },
      lng: 'fr',
      fallbackLng: 'fr',
    });
    const heard: string[] = [];
    lite.on('languageChanged', (language) => heard.push(language));
    await lite.changeLanguage('ar');
    expect(lite.t('hello', { name: 'Amina' })).toBe('مرحبا Amina');
    expect(lite.language).toBe('ar');
    expect(heard).toEqual(['ar']);
  });
});
