import { describe, expect, it } from 'vitest';
import { countChars, normalizeText } from './text';

describe('normalizeText', () => {
  it('trims, folds spaces and removes control characters', () => {
    expect(normalizeText('  Un   sac\tà dos\u0000 ')).toBe('Un sac à dos');
  });
  it('keeps single line breaks only when multiline, at most one empty line', () => {
    expect(normalizeText('a\n\n\n\nb', { multiline: true })).toBe('a\n\nb');
    expect(normalizeText('a\nb')).toBe('a b');
  });
  it('composes accents typed two ways into one form', () => {
    expect(normalizeText('e\u0301te\u0301')).toBe('été');
  });
});

describe('countChars', () => {
  it('counts what a person sees: an emoji or an accented letter is one', () => {
    expect(countChars('👍🏽')).toBe(1);
    expect(countChars('e\u0301')).toBe(1);
    expect(countChars('مرحبا')).toBe(5);
  });
});
