import { describe, expect, it } from 'vitest';
import { matrixTitle } from './boardMatrix';
import { isRightToLeft, noteTextStyle } from './noteText';
import { READABLE_TEXT_SHARE, readablePages } from './viewport';

const scaleOf = (width: number, height: number, page: { width: number; height: number }) => Math.min(width / page.width, height / page.height);

describe('readablePages: the projector fits a board so its notes stay readable', () => {
  it('shows a board that is readable whole in one page', () => {
    const rect = { x: 0, y: 0, width: 1700, height: 600 };
    expect(readablePages(1900, 1000, rect, 16, 16)).toEqual([rect]);
  });

  it('cuts a board too big to read into pages, each at a readable zoom, together covering all of it', () => {
    const rect = { x: -100, y: 50, width: 3400, height: 1600 };
    const [width, height, font, minimum] = [1900, 1000, 16, READABLE_TEXT_SHARE * 1080];
    const pages = readablePages(width, height, rect, font, minimum);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      // The text on screen: at least the readable share of the canvas's height.
      expect(font * scaleOf(width, height, page)).toBeGreaterThanOrEqual(minimum - 1e-9);
      // Each page has the canvas's shape (nothing squeezed).
      expect(page.width / page.height).toBeCloseTo(width / height, 6);
    }
    // Every point of the board is on some page.
    for (let x = rect.x; x <= rect.x + rect.width; x += 50) {
      for (let y = rect.y; y <= rect.y + rect.height; y += 50) {
        expect(pages.some((page) => x >= page.x && x <= page.x + page.width && y >= page.y && y <= page.y + page.height)).toBe(true);
      }
    }
    // Across first (a journey is read along its steps), then down.
    expect(pages[1]!.x).toBeGreaterThan(pages[0]!.x);
    expect(pages[1]!.y).toBe(pages[0]!.y);
  });

  it('needs the same share of the screen at 1920×1080 and 1280×720', () => {
    const rect = { x: 0, y: 0, width: 3200, height: 900 };
    expect(readablePages(1900, 1000, rect, 16, READABLE_TEXT_SHARE * 1080).length).toBe(
      readablePages(1900 * (2 / 3), 1000 * (2 / 3), rect, 16, READABLE_TEXT_SHARE * 720).length,
    );
  });

  it('bigger text needs fewer pages', () => {
    const rect = { x: 0, y: 0, width: 1400, height: 1400 };
    expect(readablePages(1900, 1000, rect, 24, 16)).toEqual([rect]);
    expect(readablePages(1900, 1000, rect, 10, 16).length).toBeGreaterThan(1);
  });

  it('a degenerate canvas or board gives the board itself', () => {
    const rect = { x: 0, y: 0, width: 100, height: 100 };
    expect(readablePages(0, 0, rect, 16, 16)).toEqual([rect]);
  });
});

describe('note text direction', () => {
  it('aligns Arabic right with room for the vowel marks, French left', () => {
    expect(noteTextStyle('مَكَانٌ لِلنَّوْمِ')).toEqual({ align: 'right', direction: 'rtl', lineHeight: 1.45 });
    expect(noteTextStyle('Un endroit pour dormir')).toMatchObject({ align: 'left', direction: 'ltr' });
    expect(noteTextStyle('Un endroit pour dormir').lineHeight).toBeLessThan(1.45);
  });

  it('the first letter with a direction decides, as dir="auto" does', () => {
    expect(isRightToLeft('😀 12 حمام')).toBe(true);
    expect(isRightToLeft('😀 Douche حمام')).toBe(false);
    expect(isRightToLeft('123 😀')).toBe(false);
  });
});

describe('matrixTitle', () => {
  const words = { title: 'Matrice facile × prioritaire', easy: 'Facile à faire', priority: 'Prioritaire' };
  it('keeps the method’s title while the axes have their default names', () => {
    expect(matrixTitle({ easy: '', priority: '' }, words)).toBe('Matrice facile × prioritaire');
  });
  it('follows the renamed axes', () => {
    expect(matrixTitle({ easy: 'Pas cher', priority: 'Urgent' }, words)).toBe('Pas cher × Urgent');
    expect(matrixTitle({ easy: '', priority: 'Urgent' }, words)).toBe('Facile à faire × Urgent');
  });
});
