import { describe, expect, it } from 'vitest';
import { acceptedLanguages, languageCookie, languageCookieName, matchLanguage, pickLanguage } from './language';

describe('the page language', () => {
  it('matches a device language by its base, any case or separator', () => {
    expect(matchLanguage('ar-MA')).toBe('ar');
    expect(matchLanguage('EN_gb')).toBe('en');
    expect(matchLanguage('fr')).toBe('fr');
    expect(matchLanguage('de')).toBeNull();
    expect(matchLanguage('constructor')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });

  it('takes the first language Gommette speaks, in order, else French', () => {
    expect(pickLanguage(['de-DE', 'ar', 'en'])).toBe('ar');
    expect(pickLanguage([null, 'en-US', 'fr'])).toBe('en');
    expect(pickLanguage(['de', 'tr'])).toBe('fr');
    expect(pickLanguage([])).toBe('fr');
  });

  it('reads Accept-Language by preference, leaving out q=0 and *', () => {
    expect(acceptedLanguages('de-DE,en;q=0.4,ar;q=0.8')).toEqual(['de-DE', 'ar', 'en']);
    expect(acceptedLanguages('fr;q=0, en')).toEqual(['en']);
    expect(acceptedLanguages('*')).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it("reads the audience's language cookie among others", () => {
    expect(languageCookie('a=1; lang=ar; b=2')).toBe('ar');
    expect(languageCookie('slang=en')).toBeNull();
    expect(languageCookie('lang=ar; lang-screen=en', languageCookieName('/screen/abc'))).toBe('en');
    expect(languageCookie('lang=ar', languageCookieName('/console/abc'))).toBeNull();
    expect(languageCookie('lang=<script>')).toBeNull();
    expect(languageCookie(undefined)).toBeNull();
    expect(languageCookieName('/j/ABC')).toBe('lang');
    expect(languageCookieName('/observer/x')).toBe('lang-console');
  });
});
