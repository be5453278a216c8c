import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import enVote from './en/vote';
import frBoard from './fr/board';
import frResident from './fr/resident';
import frVote from './fr/vote';
import { loadLanguage, loadWords, loadWordsFile } from './index';
import { languages } from './languages';
import { WORDS_PARTS } from './types';

// As the app starts: French resident words only (a copy: the loader merges into what i18next holds).
await i18next.init({ resources: { fr: { translation: structuredClone(frResident) } }, lng: 'fr', fallbackLng: 'fr', initAsync: false });

describe('words load by part and by language', () => {
  it('has a file for every part in every language', async () => {
    for (const { code } of languages) {
      for (const part of WORDS_PARTS) await expect(loadWordsFile(code, part), `${code}/${part}`).resolves.toBeTypeOf('object');
    }
  });

  it('starts with the French resident words only', () => {
    expect(i18next.t('app.loading')).toBe(frResident.app.loading);
    expect(i18next.exists('vote.heading')).toBe(false);
    expect(i18next.exists('board.heading')).toBe(false);
  });

  it('adds a part in French when a screen needs it, and nothing else', async () => {
    await loadWords('vote');
    expect(i18next.t('vote.heading')).toBe(frVote.vote.heading);
    expect(i18next.exists('board.heading')).toBe(false);
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(false);
  });

  it('a chosen language brings every part in use, and only those', async () => {
    await loadLanguage('en');
    await i18next.changeLanguage('en');
    expect(i18next.t('vote.heading')).toBe(enVote.vote.heading);
    expect(i18next.t('app.loading')).toBe('Loading…');
    expect(i18next.getResource('en', 'translation', 'board.heading')).toBeUndefined();
  });

  it('in another language, a part loads in that language and in French (the fallback)', async () => {
    await loadWords('board');
    expect(i18next.getResource('fr', 'translation', 'board.heading')).toBe(frBoard.board.heading);
    expect(i18next.t('board.heading')).toBe('The board');
    // The resident words keep the board's two words of the first screen next to the board part's.
    expect(i18next.getResource('fr', 'translation', 'board.loading')).toBe(frResident.board.loading);
  });
});
