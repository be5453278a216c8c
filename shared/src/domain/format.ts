/**
 * Numbers, dates and counted nouns in a page's (or a document's) language, with `Intl`: one helper
 * for every screen, PDF and brief, so "4,4" never sits beside "4.4", nor "2027-02-10" beside
 * "05/12/2026". `lang` is a BCP 47 tag ("fr", "en", "ar"); Arabic keeps Western digits, as the
 * rest of the interface does.
 */

const numberingSystem = (lang: string) => (lang.toLowerCase().startsWith('ar') ? { numberingSystem: 'latn' } : {});

/** 4.4 → "4,4" in French, "4.4" in English; 1234 → "1 234" / "1,234". */
export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, ...numberingSystem(lang), ...options }).format(value);
}

/** A calendar day typed as "YYYY-MM-DD" (no time zone: it is the same day everywhere). */
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day: an instant (epoch ms) in the reader's time zone, or a "YYYY-MM-DD" day as typed.
 * `short`: 05/12/2026 (fr), 12/5/2026 (en); `long`: 5 décembre 2026.
 */
export function formatDay(at: number | string, lang: string, style: 'short' | 'long' = 'short', timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' };
  if (typeof at === 'string') {
    const match = DAY_ONLY.exec(at);
    if (!match) return at;
    const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
    return new Intl.DateTimeFormat(lang, { ...options, ...numberingSystem(lang), timeZone: 'UTC' }).format(instant);
  }
  return new Intl.DateTimeFormat(lang, { ...options, ...numberingSystem(lang), ...(timeZone ? { timeZone } : {}) }).format(at);
}

/** The plural forms of one noun (Intl.PluralRules categories); `other` is required. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of `forms` that `count` takes in `lang` ("1 gommette", "2 gommettes", "0 gommette" in French). */
export function pluralForm(count: number, lang: string, forms: PluralForms): string {
  return forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
}

/** The count, formatted, and its noun in the right form: "1 gommette", "1 234 gommettes". */
export function countOf(count: number, lang: string, forms: PluralForms): string {
  return `${formatNumber(count, lang)} ${pluralForm(count, lang, forms)}`;
}
