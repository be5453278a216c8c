/**
 * How a note's text is set on the canvas. Konva does not apply the Unicode bidirectional rules
 * to alignment, so a note written in Arabic (or Hebrew) is aligned right here, and given more
 * line height so the vowel marks above and below the letters do not touch the next line.
 */

/** The journey's and the ideas' notes, in board units (the projector fits for this size). */
export const NOTE_FONT_SIZE = 16;
/** The matrix's notes are bigger: the projector shows the whole matrix at once. */
export const MATRIX_NOTE_FONT_SIZE = 24;

// The first letter with a strong direction decides (as `dir="auto"` does in HTML).
const STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** True when the first letter with a direction is right-to-left (Arabic, Hebrew…). */
export function isRightToLeft(text: string): boolean {
  const first = STRONG.exec(text);
  return first !== null && RTL.test(first[0]);
}

export interface NoteTextStyle {
  align: 'left' | 'right';
  direction: 'ltr' | 'rtl';
  lineHeight: number;
}

/** Alignment, direction and line height for a note's text. */
export function noteTextStyle(text: string): NoteTextStyle {
  return isRightToLeft(text) ? { align: 'right', direction: 'rtl', lineHeight: 1.45 } : { align: 'left', direction: 'ltr', lineHeight: 1.15 };
}
