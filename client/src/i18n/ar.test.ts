import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import arResident from './ar/resident';
import arVote from './ar/vote';
import frVote from './fr/vote';
import { allWords, loadWords, loadWordsFile } from './index';
import { findLanguage, languages } from './languages';

/** The interface's words (the vote's are checked as their own bundle below). */
const MAIN = ['resident', 'staff', 'steps', 'board'] as const;
const [fr, en, ar] = await Promise.all([allWords('fr', MAIN), allWords('en', MAIN), allWords('ar', MAIN)]);
const { vote: voteFr } = frVote;
const { vote: voteAr } = arVote;

interface Tree {
  [key: string]: string | Tree;
}

/** Every text of a resources object, by dotted key path. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [subPath, text] of leaves(value, path)) found.set(subPath, text);
  }
  return found;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const emoji = (text: string) => [...text.matchAll(/[\p{Extended_Pictographic}✓]/gu)].map((match) => match[0]).sort();

const pluralRules = new Intl.PluralRules('ar');
const arabicForms = pluralRules.resolvedOptions().pluralCategories;
/** Key paths without the plural suffix, e.g. `phone.roomIdeas`. */
function pluralBasesOf(frLeaves: Map<string, string>): string[] {
  return [...frLeaves.keys()].filter((path) => path.endsWith('_other')).map((path) => path.slice(0, -'_other'.length));
}

// The vote's words are added to the global i18next when loaded: set that up first (with copies,
// so the shared resources objects stay as they are).
await i18next.init({
  resources: { fr: { translation: { ...fr } }, ar: { translation: { ...ar } } },
  lng: 'ar',
  initAsync: false,
});

const frLeaves = leaves(fr);
const arLeaves = leaves(ar);
const pluralBases = pluralBasesOf(frLeaves);

/** An Arabic i18next instance with the main resources and the vote's words (under `vote.*`). */
function arabicT() {
  const instance = i18next.createInstance();
  // Copies: adding the vote's words must not change the shared resources objects.
  void instance.init({
    resources: {
      fr: { translation: { ...fr, vote: voteFr } },
      en: { translation: en },
      ar: { translation: { ...ar, vote: voteAr } },
    },
    lng: 'ar',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key: string, options?: Record<string, unknown>): string => String(instance.t(key as never, options as never));
}

/** The same checks for every Arabic bundle against its French reference. */
const bundles = [
  { name: 'Arabic resources', prefix: '', french: frLeaves, arabic: arLeaves },
  { name: 'Arabic vote words', prefix: 'vote.', french: leaves(voteFr), arabic: leaves(voteAr) },
];

describe.each(bundles)('$name', ({ prefix, french: frenchLeaves, arabic: arabicLeaves }) => {
  const bases = pluralBasesOf(frenchLeaves);

  it('has every French key, with the same placeholders and emoji', () => {
    for (const [path, french] of frenchLeaves) {
      const arabic = arabicLeaves.get(path);
      expect(arabic, path).toBeTypeOf('string');
      expect(arabic?.trim(), path).not.toBe('');
      expect(placeholders(arabic ?? ''), path).toEqual(placeholders(french));
      expect(emoji(arabic ?? ''), path).toEqual(emoji(french));
    }
  });

  it('only adds the Arabic plural forms of French plural keys', () => {
    for (const [path, arabic] of arabicLeaves) {
      if (frenchLeaves.has(path)) continue;
      const match = /^(.*)_(zero|two|few|many)$/.exec(path);
      const french = match ? frenchLeaves.get(`${match[1]}_other`) : undefined;
      expect(french, `${path} is not a French key nor an extra plural form`).toBeDefined();
      const expected = placeholders(french ?? '');
      if (match?.[2] === 'zero') {
        // "No idea yet" may leave the number out, but brings no other placeholder.
        expect(expected, path).toEqual(expect.arrayContaining(placeholders(arabic)));
      } else {
        expect(placeholders(arabic), path).toEqual(expected);
      }
    }
  });

  it('has the six Arabic plural forms for every plural key', () => {
    expect([...arabicForms].sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      for (const form of arabicForms) expect(arabicLeaves.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    }
  });

  it('never falls back to French for a plural key', () => {
    const t = arabicT();
    for (const base of bases) {
      for (const count of [0, 1, 2, 3, 5, 10, 11, 42, 99, 100, 101, 102, 103, 111, 200, 1000]) {
        const form = pluralRules.select(count);
        // Other placeholders (e.g. `{{budget}}`) get a fixed value.
        const values: Record<string, string | number> = { count };
        for (const name of placeholders(frenchLeaves.get(`${base}_other`) ?? '')) values[name] ??= `<${name}>`;
        const expected = (arabicLeaves.get(`${base}_${form}`) ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
        expect(t(`${prefix}${base}`, values), `${base} ${count}`).toBe(expected);
      }
    }
  });
});

describe('Arabic resources', () => {
  it('has the Arabic plural keys of the interface', () => {
    expect(pluralBases).toContain('phone.roomIdeas');
  });

  it('picks the right Arabic plural form at run time', () => {
    const t = arabicT();
    expect(t('phone.roomIdeas', { count: 0 })).toBe('لا توجد أفكار في القاعة بعد');
    expect(t('phone.roomIdeas', { count: 1 })).toBe('1 فكرة في القاعة');
    expect(t('phone.roomIdeas', { count: 2 })).toBe('2 فكرتان في القاعة');
    expect(t('phone.roomIdeas', { count: 3 })).toBe('3 أفكار في القاعة');
    expect(t('phone.roomIdeas', { count: 10 })).toBe('10 أفكار في القاعة');
    expect(t('phone.roomIdeas', { count: 11 })).toBe('11 فكرة في القاعة');
    expect(t('phone.roomIdeas', { count: 100 })).toBe('100 فكرة في القاعة');
    expect(t('phone.roomIdeas', { count: 103 })).toBe('103 أفكار في القاعة');
    expect(t('tables.mixed', { count: 2 })).toBe('تم توزيع 2 شخصين');
    expect(t('tables.mixed', { count: 25 })).toBe('تم توزيع 25 شخصاً');
    expect(t('vote.gommettes', { count: 2 })).toBe('2 ملصقان');
    expect(t('vote.gommettes', { count: 7 })).toBe('7 ملصقات');
    expect(t('vote.gommettes', { count: 12 })).toBe('12 ملصقاً');
    expect(t('vote.left', { count: 3, budget: 5 })).toBe('بقي لك 3 ملصقات من 5');
  });

  it('is registered, right-to-left', async () => {
    expect(languages.find((language) => language.code === 'ar')).toEqual({ code: 'ar', name: 'العربية', dir: 'rtl' });
    expect(findLanguage('ar-MA')?.dir).toBe('rtl');
    await expect(loadWordsFile('ar', 'resident')).resolves.toBe(arResident);
    const t = arabicT();
    expect(t('phase.handTitle')).toBe('اليد مرفوعة');
    expect(t('app.name')).toBe('Gommette');
    expect(t('vote.heading')).toContain('Gommette');
  });

  it("adds the vote's words in Arabic", async () => {
    await loadWords('vote');
    expect(i18next.getResource('ar', 'translation', 'vote')).toEqual(voteAr);
  });
});
