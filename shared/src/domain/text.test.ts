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
  it('removes bidi embeddings, overrides and isolates, keeps direction marks', () => {
    expect(normalizeText('\u202Egnp.exe')).toBe('gnp.exe');
    expect(normalizeText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i', { multiline: true })).toBe('abcdefghi');
    expect(normalizeText('Nord\u200F')).toBe('Nord\u200F');
  });
});

describe('countChars', () => {
  it('counts what a person sees: an emoji or an accented letter is one', () => {
    expect(countChars('👍🏽')).toBe(1);
    expect(countChars('e\u0301')).toBe(1);
    expect(countChars('مرحبا')).toBe(5);
  });
});
