import { MAX_UNITS_PER_CHAR } from '../constants';

/**
 * Normalises text typed by a person: Unicode NFC (so "é" typed two ways is one string),
 * control characters removed (newlines kept when allowed), runs of spaces folded, trimmed.
 */
export function normalizeText(raw: string, { multiline = false } = {}): string {
  // Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) would reorder the
  // words shown beside the text: removed at the edge. LRM/RLM/ALM only mark a direction and stay.
  const nfc = raw.normalize('NFC').replace(BIDI_CONTROLS, '');
  // eslint-disable-next-line no-control-regex
  const withoutControls = nfc.replace(multiline ? /[\u0000-\u0009\u000B-\u001F\u007F]/g : /[\u0000-\u001F\u007F]/g, ' ');
  const folded = multiline
    ? withoutControls
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
    : withoutControls.replace(/\s+/g, ' ');
  return folded.trim();
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Length as a person counts it: user-perceived characters, so an emoji counts as one. */
export function countChars(text: string): number {
  // Older phone browsers lack Intl.Segmenter: fall back to code points.
  if (typeof Intl.Segmenter !== 'function') return Array.from(text).length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null!;

export interface TextMeasure {
  /** The text as it will be stored (normalised). */
  text: string;
  /** Characters as a person counts them (what the counter shows). */
  chars: number;
  /** Within `max` characters and within the wire bound of `max × MAX_UNITS_PER_CHAR` UTF-16 units. */
  fits: boolean;
}

/**
 * The one length rule for typed text, used by the phone (counter, send button) and the server
 * (validation) alike, so what the phone lets through the server accepts.
 */
export function measureText(raw: string, max: number, { multiline = false } = {}): TextMeasure {
  const text = normalizeText(raw, { multiline });
  const chars = countChars(text);
  const maxUnits = max * MAX_UNITS_PER_CHAR;
  return { text, chars, fits: chars <= max && raw.length <= maxUnits && text.length <= maxUnits };
}
