import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import enRetour from './en/retour';
import enVote from './en/vote';
import frRetour from './fr/retour';
import frVote from './fr/vote';
import { allWords } from './index';

const MAIN = ['resident', 'staff', 'steps', 'board'] as const;
const [fr, en] = await Promise.all([allWords('fr', MAIN), allWords('en', MAIN)]);
const { vote: voteFr } = frVote;
const { vote: voteEn } = enVote;
const { retour: retourFr, followUp: followUpFr } = frRetour;
const { retour: retourEn, followUp: followUpEn } = enRetour;

interface Tree {
  [key: string]: string | Tree;
}

function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [subPath, text] of leaves(value, path)) found.set(subPath, text);
  }
  return found;
}

const PLURAL_KEY = /_(zero|one|two|few|many|other)$/;
/** "(s)" after a word, or a number placeholder followed by a plural noun ("{{count}} étapes"). */
const GLUED_PLURAL = /\p{L}\(s\)|\{\{\s*\w+\s*\}\}\s+\p{L}[\p{L}·]*(s|·es)\b/u;

const bundles = {
  fr: leaves({ ...fr, vote: voteFr, retour: retourFr, followUp: followUpFr }),
  en: leaves({ ...en, vote: voteEn, retour: retourEn, followUp: followUpEn }),
};

describe('counts and plural nouns', () => {
  it.each(Object.entries(bundles))('%s: every count glued to a noun goes through a plural key', (_language, words) => {
    const glued = [...words].filter(([key, text]) => !PLURAL_KEY.test(key) && GLUED_PLURAL.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(glued).toEqual([]);
  });

  it('says "1 gommette", "1 étape", "1 idée" and "2 idées" where the console and the centre show counts', () => {
    const t = i18next.createInstance();
    void t.init({ resources: { fr: { translation: { ...fr, retour: retourFr } } }, lng: 'fr', initAsync: false, interpolation: { escapeValue: false } });
    expect(t.t('centre.templates.steps', { count: 1 })).toBe('1 étape');
    expect(t.t('centre.essaimage.gommettes', { count: 1 })).toBe('1 gommette');
    expect(t.t('centre.erase.done', { count: 1 })).toBe('C’est effacé : 1 idée et ton profil.');
    expect(t.t('centre.erase.done', { count: 2 })).toBe('C’est effacé : 2 idées et ton profil.');
    expect(
      t.t('centre.workshops.counts', {
        participants: t.t('centre.workshops.participantCount', { count: 1 }),
        ideas: t.t('centre.workshops.ideaCount', { count: 3 }),
      }),
    ).toBe('1 participant·e · 3 idées');
  });
});
