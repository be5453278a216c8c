/**
 * The journey map a new board starts with (from the "sans abri" workshop that Gommette was
 * first made for); the facilitator renames, adds, reorders or removes from there.
 * Ids are fixed so two consoles that open an empty board at once write the same keys.
 */
export interface JourneyTemplate {
  persona: string;
  steps: ReadonlyArray<{ id: string; label: string }>;
  rows: ReadonlyArray<{ id: string; label: string; kind: RowKind }>;
}

/** What a row is for: `needs` notes can be linked to ideas, `feelings` rows offer emoji. */
export type RowKind = 'does' | 'needs' | 'feelings' | 'hard' | 'other';

export const DEFAULT_JOURNEY: JourneyTemplate = {
  persona: 'Une personne sans abri, une journée en ville',
  steps: [
    { id: 'step-wake', label: 'Le réveil' },
    { id: 'step-morning', label: 'Le matin' },
    { id: 'step-noon', label: 'Le midi' },
    { id: 'step-afternoon', label: "L'après-midi" },
    { id: 'step-evening', label: 'Le soir' },
    { id: 'step-night', label: 'La nuit' },
  ],
  rows: [
    { id: 'row-does', label: "Ce qu'elle fait", kind: 'does' },
    { id: 'row-needs', label: 'Ce dont elle a besoin', kind: 'needs' },
    { id: 'row-feels', label: "Ce qu'elle ressent", kind: 'feelings' },
    { id: 'row-hard', label: 'Ce qui est difficile', kind: 'hard' },
  ],
};
