import { describe, expect, it } from 'vitest';
import { countOf, formatDay, formatNumber, pluralForm } from './format';

const GOMMETTES = { one: 'gommette', other: 'gommettes' };

describe('numbers, days and counted nouns in the reader’s language', () => {
  it('writes decimals and thousands the way each language does', () => {
    expect(formatNumber(4.4, 'fr')).toBe('4,4');
    expect(formatNumber(4.4, 'en')).toBe('4.4');
    expect(formatNumber(1234, 'fr').replace(/\s/g, ' ')).toBe('1 234');
    expect(formatNumber(4.4, 'ar')).toBe('4.4'); // Western digits, like the rest of the Arabic interface
  });

  it('writes a typed day and an instant in the same format (never "2027-02-10" beside "05/12/2026")', () => {
    expect(formatDay('2027-02-10', 'fr')).toBe('10/02/2027');
    expect(formatDay(Date.UTC(2026, 11, 5, 12), 'fr', 'short', 'UTC')).toBe('05/12/2026');
    expect(formatDay('2027-02-10', 'en')).toBe('02/10/2027');
    expect(formatDay('2027-02-10', 'fr', 'long')).toBe('10 février 2027');
    expect(formatDay('à fixer', 'fr')).toBe('à fixer');
  });

  it('picks the plural form of the language: "1 gommette", "0 gommette", "2 gommettes"', () => {
    expect(countOf(1, 'fr', GOMMETTES)).toBe('1 gommette');
    expect(countOf(0, 'fr', GOMMETTES)).toBe('0 gommette');
    expect(countOf(2, 'fr', GOMMETTES)).toBe('2 gommettes');
    expect(countOf(0, 'en', GOMMETTES)).toBe('0 gommettes');
    const arabic = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
    expect([0, 1, 2, 3, 11, 100].map((count) => pluralForm(count, 'ar', arabic))).toEqual(['z', 'o', 't', 'f', 'm', 'x']);
  });
});
