/**
 * Normalises text typed by a person: Unicode NFC (so "é" typed two ways is one string),
 * control characters removed (newlines kept when allowed), runs of spaces folded, trimmed.
 */
export function normalizeText(raw: string, { multiline = false } = {}): string {
  const nfc = raw.normalize('NFC');
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

/** Length as a person counts it: user-perceived characters, so an emoji counts as one. */
export function countChars(text: string): number {
  // Older phone browsers lack Intl.Segmenter: fall back to code points.
  if (typeof Intl.Segmenter !== 'function') return Array.from(text).length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null!;
