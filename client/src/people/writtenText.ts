import type { ReadAloudSegment } from '../run/ReadAloudButton';

const ARABIC_LETTERS = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]/;

/**
 * A text someone typed (question, purpose, statement), as a segment to read aloud in its own
 * language: Arabic when written in Arabic letters, else French, the language workshops are made in.
 */
export function writtenSegment(text: string): ReadAloudSegment {
  return { text, lang: ARABIC_LETTERS.test(text) ? 'ar' : 'fr' };
}
