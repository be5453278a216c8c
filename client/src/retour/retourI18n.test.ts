import { describe, expect, it } from 'vitest';
import ar from '../i18n/ar/retour';
import en from '../i18n/en/retour';
import fr from '../i18n/fr/retour';

const { retour: retourFr, followUp: followUpFr } = fr;
const { retour: retourEn, followUp: followUpEn } = en;
const { retour: retourAr, followUp: followUpAr } = ar;

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
const flatten = (words: object, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(words)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value as object, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
};
const ARABIC_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

describe('retour words', () => {
  const fr = flatten({ retour: retourFr, followUp: followUpFr });
  for (const [language, words] of [
    ['en', { retour: retourEn, followUp: followUpEn }],
    ['ar', { retour: retourAr, followUp: followUpAr }],
  ] as const) {
    it(`${language} has every French key with the same placeholders`, () => {
      const other = flatten(words);
      for (const [key, text] of fr) {
        expect(other.get(key)?.trim(), key).toBeTruthy();
        expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
      }
      for (const key of other.keys()) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        expect(fr.has(key) || fr.has(`${base}_other`), key).toBe(true);
      }
    });
  }

  it('Arabic has the six plural forms of every plural key', () => {
    const ar = flatten({ retour: retourAr, followUp: followUpAr });
    for (const key of fr.keys()) {
      if (!key.endsWith('_other')) continue;
      const base = key.slice(0, -'_other'.length);
      for (const form of ARABIC_FORMS) expect(ar.get(`${base}_${form}`), `${base}_${form}`).toContain('{{count}}');
    }
  });

  it('speaks to residents with "tu" and never says prototype or hackathon', () => {
    const resident = [...flatten({ followUp: followUpFr }).values()].join(' ');
    expect(resident.replace(/rendez-vous/g, '')).not.toMatch(/prototype|hackathon|\bvous\b|\bvotre\b/i);
    expect(resident).toMatch(/\bTa\b|\bTon\b/);
  });
});
