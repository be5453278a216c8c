import { describe, expect, it } from 'vitest';
import { SUPPRESSED, centreFigures, suppressSmall, territoryFigures, type WorkshopFigures } from './figures';

const workshop = (id: string, createdAt: number, people: Record<string, number>, assisted: number, ideas: number): WorkshopFigures => ({
  workshopId: id,
  title: `Atelier ${id}`,
  createdAt,
  participants: Object.values(people).reduce((a, b) => a + b, 0),
  bySite: people,
  byTable: { '1': 2 },
  assisted,
  ideas,
  votes: null,
  questionnaire: { responses: 0, averages: [] },
});

describe('centre figures', () => {
  it('adds up participants, assisted people, ideas and sites across workshops, newest first', () => {
    const figures = centreFigures([workshop('a', 1, { 'Centre social': 10, 'Maison du quartier': 3 }, 2, 20), workshop('b', 2, { 'Centre social': 4 }, 0, 7)]);
    expect(figures).toMatchObject({ workshops: 2, participants: 17, assisted: 2, ideas: 27, bySite: { 'Centre social': 14, 'Maison du quartier': 3 } });
    expect(figures.perWorkshop.map((line) => line.workshopId)).toEqual(['b', 'a']);
  });

  it('is all zeros for a centre without workshops', () => {
    expect(centreFigures([])).toMatchObject({ workshops: 0, participants: 0, assisted: 0, ideas: 0, bySite: {}, perWorkshop: [] });
    expect(centreFigures([]).votes).toEqual({ rounds: 0, gommettes: 0, paper: 0, voters: 0, votersBySite: {} });
    expect(centreFigures([]).questionnaire).toMatchObject({ responses: 0, questions: [] });
  });
});

describe('small-group suppression', () => {
  it('shows any count below 5 as "< 5" and the others as they are', () => {
    expect([0, 1, 4, 5, 6, 120].map(suppressSmall)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, 5, 6, 120]);
  });

  it('adds up the centres of a territory, suppressing small groups per centre, without totals that give them away', () => {
    const big = centreFigures([workshop('a', 1, { A: 30 }, 6, 40)]);
    const small = centreFigures([workshop('b', 1, { B: 3 }, 1, 4)]);
    const middle = centreFigures([workshop('c', 1, { C: 8 }, 0, 12)]);
    const territory = territoryFigures([
      { name: 'Soleil', town: 'Roubaix', figures: small },
      { name: 'Arc-en-ciel', town: 'Lille', figures: big },
      { name: 'Chemin Rouge', town: 'Lille', figures: middle },
    ]);
    expect(territory).toEqual({
      centres: 3,
      workshops: 3,
      // 41 people in all, but "41" minus 30 and 8 would tell Soleil's 3.
      participants: '≥ 38',
      assisted: '≥ 6',
      ideas: '≥ 52',
      // No vote and no questionnaire anywhere: 0 is a small group too.
      voters: SUPPRESSED,
      gommettes: SUPPRESSED,
      responses: SUPPRESSED,
      questions: [],
      perCentre: [
        {
          name: 'Arc-en-ciel',
          town: 'Lille',
          workshops: 1,
          participants: 30,
          assisted: 6,
          ideas: 40,
          voters: SUPPRESSED,
          gommettes: SUPPRESSED,
          responses: SUPPRESSED,
        },
        {
          name: 'Chemin Rouge',
          town: 'Lille',
          workshops: 1,
          participants: 8,
          assisted: SUPPRESSED,
          ideas: 12,
          voters: SUPPRESSED,
          gommettes: SUPPRESSED,
          responses: SUPPRESSED,
        },
        {
          name: 'Soleil',
          town: 'Roubaix',
          workshops: 1,
          participants: SUPPRESSED,
          assisted: SUPPRESSED,
          ideas: SUPPRESSED,
          voters: SUPPRESSED,
          gommettes: SUPPRESSED,
          responses: SUPPRESSED,
        },
      ],
    });
  });

  it('shows exact totals when no centre is suppressed, and "< 5" when the whole territory is small', () => {
    const big = centreFigures([workshop('a', 1, { A: 30 }, 6, 40)]);
    const other = centreFigures([workshop('c', 1, { C: 8 }, 5, 12)]);
    expect(
      territoryFigures([
        { name: 'A', town: 'x', figures: big },
        { name: 'C', town: 'y', figures: other },
      ]),
    ).toMatchObject({ participants: 38, assisted: 11, ideas: 52 });
    const tiny = centreFigures([workshop('b', 1, { B: 1 }, 0, 2)]);
    expect(
      territoryFigures([
        { name: 'B', town: 'x', figures: tiny },
        { name: 'D', town: 'y', figures: tiny },
      ]),
    ).toMatchObject({ participants: SUPPRESSED, ideas: SUPPRESSED });
  });
});
