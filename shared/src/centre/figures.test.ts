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
});

describe('centre figures', () => {
  it('adds up participants, assisted people, ideas and sites across workshops, newest first', () => {
    const figures = centreFigures([
      workshop('a', 1, { 'Centre social': 10, 'Maison du quartier': 3 }, 2, 20),
      workshop('b', 2, { 'Centre social': 4 }, 0, 7),
    ]);
    expect(figures).toMatchObject({ workshops: 2, participants: 17, assisted: 2, ideas: 27, bySite: { 'Centre social': 14, 'Maison du quartier': 3 } });
    expect(figures.perWorkshop.map((line) => line.workshopId)).toEqual(['b', 'a']);
  });

  it('is all zeros for a centre without workshops', () => {
    expect(centreFigures([])).toEqual({ workshops: 0, participants: 0, assisted: 0, ideas: 0, bySite: {}, perWorkshop: [] });
  });
});

describe('small-group suppression', () => {
  it('shows any count below 5 as "< 5" and the others as they are', () => {
    expect([0, 1, 4, 5, 6, 120].map(suppressSmall)).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, 5, 6, 120]);
  });

  it('adds up the centres of a territory and suppresses small groups per centre and in total', () => {
    const big = centreFigures([workshop('a', 1, { A: 30 }, 6, 40)]);
    const small = centreFigures([workshop('b', 1, { B: 3 }, 1, 4)]);
    const territory = territoryFigures([
      { name: 'Soleil', town: 'Roubaix', figures: small },
      { name: 'Arc-en-ciel', town: 'Lille', figures: big },
    ]);
    expect(territory).toEqual({
      centres: 2,
      workshops: 2,
      participants: 33,
      assisted: 7,
      ideas: 44,
      perCentre: [
        { name: 'Arc-en-ciel', town: 'Lille', workshops: 1, participants: 30, assisted: 6, ideas: 40 },
        { name: 'Soleil', town: 'Roubaix', workshops: 1, participants: SUPPRESSED, assisted: SUPPRESSED, ideas: SUPPRESSED },
      ],
    });
    expect(territoryFigures([{ name: 'Soleil', town: 'Roubaix', figures: small }]).participants).toBe(SUPPRESSED);
  });
});
