import { AGE_BANDS, participationFiguresSchema, type ParticipationFigures } from '@gommette/shared';
import { describe, expect, it } from 'vitest';
import { renderWithWords, textOf } from '../test/renderWithWords';
import { FiguresView } from './FiguresView';

// voteI18n/retourI18n add their words to the global i18next on import: give them one.
const i18next = (await import('i18next')).default;
await i18next.init({ resources: {}, lng: 'fr', initAsync: false });

const figures: ParticipationFigures = participationFiguresSchema.parse({
  participants: {
    total: 12,
    bySite: [
      { siteName: 'Maison Nord', count: 10 },
      { siteName: 'Café associatif', count: 2 },
    ],
    byTable: [],
    assisted: 1,
  },
  returning: { cards: 0, selfDeclared: null },
  ideas: { total: 1, bySite: [], byOrigin: { phone: 1, assisted: 0, paper: 0 } },
  gommettes: { total: 1, paper: 0, voters: 1 },
  questionnaire: {
    responses: 8,
    averages: [{ id: 'q1', text: 'J’ai été écouté·e', answers: 8, average: 4.4 }],
    // 3 women declared: suppressed (null); nobody said "other": a true 0.
    ageBands: { ...Object.fromEntries(AGE_BANDS.map((band) => [band, 0])), '26-40': null },
    genders: { woman: null, man: 5, other: 0 },
    firstTime: { yes: null, no: 5 },
  },
});

describe("the console's Chiffres de participation", () => {
  it('shows a hidden group as "< 5", as the CSV does, never 0; a group nobody declared as 0', async () => {
    const text = textOf(await renderWithWords(<FiguresView figures={figures} />));
    expect(text).toContain('une femme < 5');
    expect(text).not.toMatch(/une femme 0\b/);
    expect(text).toContain('26 à 40 ans < 5');
    expect(text).toMatch(/un homme 5\b/);
  });

  it('writes counts with their plural and numbers the French way', async () => {
    const text = textOf(await renderWithWords(<FiguresView figures={figures} />));
    expect(text).toContain('12 personnes (dont 1 accompagnée), 1 idée, 1 gommette, 8 réponses au questionnaire.');
    expect(text).toContain('4,4');
    expect(text).not.toContain('4.4');
  });
});
