/**
 * A workshop's purpose is the end of the sentence "Votre participation servira à…", and screens
 * print that lead-in above it. Facilitators often type the whole sentence anyway ("Votre
 * participation servira à choisir…"), which then reads twice ("Ta participation servait à…
 * Votre participation servira à choisir…"). This gives the text without a typed lead-in, for every
 * view that prints its own.
 */
const LEAD_IN = new RegExp(
  [
    // French: votre / ta / ton / notre participation servira / sert / servait / va servir à
    String.raw`(?:votre|ta|ton|notre)\s+participation\s+(?:servira|sert|servait|va\s+servir|doit\s+servir)\s+(?:à|a)`,
    // English: your participation will be used to / will serve to / is for / was for
    String.raw`your\s+participation\s+(?:will\s+(?:be\s+used\s+to|serve\s+to|help(?:\s+to)?)|is\s+for|was\s+for)`,
    // Arabic: مشاركتك ستفيد في / ستُستخدم ل
    String.raw`مشاركتك\s+(?:ستفيد\s+في|ستُستخدم\s+ل|ستستخدم\s+ل)`,
  ].join('|'),
  'iu',
);

export function purposeCompletion(purpose: string): string {
  const trimmed = purpose.trim();
  const match = new RegExp(`^(?:${LEAD_IN.source})\\s*(?:…|\\.\\.\\.|:)?\\s*`, 'iu').exec(trimmed);
  if (!match) return trimmed;
  const rest = trimmed.slice(match[0].length).trim();
  return rest.length > 0 ? rest : trimmed;
}
