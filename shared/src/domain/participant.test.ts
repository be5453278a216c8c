import { describe, expect, it } from 'vitest';
import { MOODS, normalizeNickname, suggestPseudonym, summarizeMoods } from './participant';

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
  it('summarises moods as counts only', () => {
    expect(summarizeMoods(['sunny', 'rainy', 'sunny'])).toEqual({ sunny: 2, partly: 0, cloudy: 0, rainy: 1, stormy: 0 });
    expect(Object.keys(summarizeMoods([]))).toEqual([...MOODS]);
  });
});
