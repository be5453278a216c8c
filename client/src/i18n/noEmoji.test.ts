import { describe, expect, it } from 'vitest';

/**
 * The interface's words carry no emoji or pictograph: on a device without an emoji font (an old
 * Android phone, a projector's laptop) they show as empty boxes. Symbols are SVG icons drawn by the
 * components (lucide-react); words stay words. Emoji that residents type are not words of the
 * interface and are not checked here.
 */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{2700}-\u{27BF}\u{2B00}-\u{2BFF}]/u;

const dictionaries = import.meta.glob<{ default: unknown }>('./*/*.ts', { eager: true });

function* leaves(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) yield* leaves(child, `${path}.${key}`);
}

describe('the words of every language', () => {
  it('finds the dictionaries of fr, en and ar', () => {
    const languages = new Set(Object.keys(dictionaries).map((file) => file.split('/')[1]));
    for (const language of ['fr', 'en', 'ar']) expect(languages).toContain(language);
    expect(Object.keys(dictionaries).length).toBeGreaterThanOrEqual(18);
  });

  it('contain no emoji or pictograph', () => {
    const found: string[] = [];
    let strings = 0;
    for (const [file, module] of Object.entries(dictionaries)) {
      for (const [path, text] of leaves(module.default, file)) {
        strings += 1;
        if (PICTOGRAPH.test(text)) found.push(`${path}: ${text}`);
      }
    }
    expect(strings).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });

  it('would catch one', () => {
    for (const symbol of ['🎉', '✓', '⭐', '☀️', '⏱️', '▶', '✖']) expect(PICTOGRAPH.test(`Prêt ${symbol}`), symbol).toBe(true);
    for (const plain of ['Prêt', 'جاهز', 'Étape 2 sur 9 · 5 min', '« facile »']) expect(PICTOGRAPH.test(plain), plain).toBe(false);
  });
});
