import { CARD_CODE_ALPHABET, CARD_CODE_LENGTH, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../constants';

/**
 * What a person typed → the canonical code, or null. Case, spaces and dashes do not matter.
 * The alphabet has neither O nor 0 (nor I, L, 1, U, V), so no look-alike can be a valid code.
 */
function canonicalCode(typed: string, alphabet: string, length: number): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (cleaned.length !== length) return null;
  for (const char of cleaned) {
    if (!alphabet.includes(char)) return null;
  }
  return cleaned;
}

export function normalizeJoinCode(typed: string): string | null {
  return canonicalCode(typed, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
}

export function normalizeCardCode(typed: string): string | null {
  return canonicalCode(typed, CARD_CODE_ALPHABET, CARD_CODE_LENGTH);
}

/** "KP7WQ3" → "KP7 WQ3": groups of 3 or 4 read aloud more easily. */
export function formatCodeForReading(code: string): string {
  const size = code.length % 4 === 0 ? 4 : 3;
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join(' ');
}
