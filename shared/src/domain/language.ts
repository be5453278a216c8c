/** The languages Gommette's pages are shown in, with their direction (Arabic is right-to-left). */
export const PAGE_LANGUAGES = { fr: 'ltr', en: 'ltr', ar: 'rtl' } as const;
export type PageLanguage = keyof typeof PAGE_LANGUAGES;
/** Any other language falls back to French, the product's language. */
export const FALLBACK_LANGUAGE: PageLanguage = 'fr';

/** `ar-MA`, `EN`, `fr_FR` → the page language they name, or null. */
export function matchLanguage(code: string | null | undefined): PageLanguage | null {
  if (!code) return null;
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(PAGE_LANGUAGES, base) ? (base as PageLanguage) : null;
}

/**
 * The language a page starts in: the first candidate Gommette speaks, in order (a choice the person
 * made, then the device's languages in its order of preference), else French.
 */
export function pickLanguage(candidates: Iterable<string | null | undefined>): PageLanguage {
  for (const candidate of candidates) {
    const found = matchLanguage(candidate);
    if (found) return found;
  }
  return FALLBACK_LANGUAGE;
}

/** The languages of an `Accept-Language` header, most preferred first (q=0 left out). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The cookie that remembers a choice made on the page, so the server sends the first HTML in it.
 * The projector and the console keep their own choice (often on the same laptop as a phone page
 * tried out), so each audience has its own cookie.
 */
export function languageCookieName(pathname: string): string {
  if (pathname.startsWith('/screen/')) return 'lang-screen';
  if (pathname.startsWith('/console/') || pathname.startsWith('/observer/')) return 'lang-console';
  return 'lang';
}

/** The value of the cookie `name` in a Cookie header, if it is a plausible language code. */
export function languageCookie(header: string | null | undefined, name = 'lang'): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name && value && /^[A-Za-z_-]{2,16}$/.test(value)) return value;
  }
  return null;
}
