import { createHash, randomBytes } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { CARD_CODE_ALPHABET, CARD_CODE_LENGTH, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@gommette/shared';

/** A secret for a link or a device: 256 random bits, URL-safe. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens and card codes are random, so a fast hash is enough (no dictionary to slow down);
 * the store never holds a usable secret.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/**
 * The projector's token is derived from the facilitator's, so a console opened on any device can
 * rebuild the screen link while only hashes are stored; the screen token cannot be turned back
 * into the facilitator's.
 */
export function screenTokenFor(facilitatorToken: string, generation = 0): string {
  // Generation 0 is the first projector link; each revocation of that link alone raises it.
  return derivedToken(generation === 0 ? 'screen' : `screen:${generation}`, facilitatorToken);
}

/** The table helpers' link (assisted posting) and the observers' (read-only), derived the same way. */
export function helperTokenFor(facilitatorToken: string): string {
  return derivedToken('helper', facilitatorToken);
}

export function observerTokenFor(facilitatorToken: string): string {
  return derivedToken('observer', facilitatorToken);
}

/**
 * A helper's or observer's link issued later from a centre's space: derived from the facilitator
 * token and the link's own id, so members (who can open the console) can show it again, while
 * only its hash is stored and revoking it leaves the others working.
 */
export function issuedStaffTokenFor(role: 'helper' | 'observer', linkId: string, facilitatorToken: string): string {
  return derivedToken(`${role}:${linkId}`, facilitatorToken);
}

function derivedToken(purpose: string, facilitatorToken: string): string {
  return createHash('sha256').update(`gommette:${purpose}:${facilitatorToken}`).digest('base64url');
}

export const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
export const newCardCode = customAlphabet(CARD_CODE_ALPHABET, CARD_CODE_LENGTH);

/** Server-made ids (workshops, sites, participants). */
export function newId(): string {
  return nanoid(16);
}
