import { describe, expect, it } from 'vitest';
import { MAX_NICKNAME_CHARS } from '../constants';
import { countChars } from './text';
import { emptyMoodCounts, isMood, MOODS, normalizeNickname, suggestPseudonym } from './participant';

describe('participants', () => {
  it('suggests an animal pseudonym with a matching adjective', () => {
    expect(suggestPseudonym('fr', () => 0)).toBe('Loutre joyeuse');
    expect(suggestPseudonym('fr', () => 0.06)).toBe('Hérisson joyeux');
    const seen = new Set(Array.from({ length: 50 }, () => suggestPseudonym()));
    expect(seen.size).toBeGreaterThan(5);
  });
  it('suggests the pseudonym in the page language: English and Arabic (gender agreement), French otherwise', () => {
    expect(suggestPseudonym('en', () => 0)).toBe('Cheerful Otter');
    expect(suggestPseudonym('ar', () => 0)).toBe('سلحفاة سعيدة');
    expect(suggestPseudonym('ar', () => 0.99)).toBe('عصفور نشيط');
    expect(suggestPseudonym('de', () => 0)).toBe('Loutre joyeuse');
    for (let i = 0; i < 30; i += 1) {
      expect(suggestPseudonym('ar')).toMatch(/^[\u0600-\u06ff ]+$/);
      expect(suggestPseudonym('en')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(countChars(suggestPseudonym('ar'))).toBeLessThanOrEqual(MAX_NICKNAME_CHARS);
    }
  });
  it('treats a blank nickname as none and refuses an over-long one', () => {
    expect(normalizeNickname(undefined)).toBeNull();
    expect(normalizeNickname('   ')).toBeNull();
    expect(normalizeNickname(' Loutre  joyeuse ')).toBe('Loutre joyeuse');
    expect(normalizeNickname('x'.repeat(31))).toMatchObject({ error: 'too_large' });
  });
  it('counts every mood from zero and recognises only known moods', () => {
    expect(emptyMoodCounts()).toEqual({ sunny: 0, partly: 0, cloudy: 0, rainy: 0, stormy: 0 });
    expect(Object.keys(emptyMoodCounts())).toEqual([...MOODS]);
    expect(MOODS.every(isMood)).toBe(true);
    expect(isMood('happy')).toBe(false);
    expect(isMood(undefined)).toBe(false);
  });
});
