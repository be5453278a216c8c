import { describe, expect, it } from 'vitest';
import { emptyMoodCounts, isMood, MOODS, normalizeNickname, suggestPseudonym } from './participant';

describe('participants', () => {
  it('suggests an animal pseudonym with a matching adjective', () => {
    expect(suggestPseudonym(() => 0)).toBe('Loutre joyeuse');
    expect(suggestPseudonym(() => 0.06)).toBe('Hérisson joyeux');
    const seen = new Set(Array.from({ length: 50 }, () => suggestPseudonym()));
    expect(seen.size).toBeGreaterThan(5);
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
