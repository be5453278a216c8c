import { describe, expect, it } from 'vitest';
import { MOODS } from '../domain/participant';
import { isValidTable, mixTables, tableColour, type Seat } from './tables';

describe('tables', () => {
  it('mixes sites and moods evenly across tables', () => {
    const people: Seat[] = [];
    for (let i = 0; i < 24; i += 1) people.push({ id: `p${String(i).padStart(2, '0')}`, siteId: `s${i % 3}`, mood: MOODS[i % MOODS.length]! });
    const assignment = mixTables(people, 4);
    expect(assignment.size).toBe(24);
    for (let table = 1; table <= 4; table += 1) {
      const seated = people.filter((p) => assignment.get(p.id) === table);
      expect(seated).toHaveLength(6);
      // Each site has 8 people: a table gets 2 of each site, never one site only.
      for (const site of ['s0', 's1', 's2']) expect(seated.filter((p) => p.siteId === site)).toHaveLength(2);
    }
  });

  it('spreads one mood over several tables', () => {
    const people: Seat[] = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, siteId: 's', mood: i < 3 ? 'stormy' : 'sunny' }));
    const assignment = mixTables(people, 3);
    const stormyTables = new Set(people.filter((p) => p.mood === 'stormy').map((p) => assignment.get(p.id)));
    expect(stormyTables.size).toBe(3);
  });

  it('has no tables to deal to when the count is 0', () => {
    expect(mixTables([{ id: 'a', siteId: 's', mood: 'sunny' }], 0).size).toBe(0);
  });

  it('validates table numbers and names a colour for each', () => {
    expect(isValidTable(1, 3)).toBe(true);
    expect(isValidTable(4, 3)).toBe(false);
    expect(isValidTable(0, 3)).toBe(false);
    expect(isValidTable(1.5, 3)).toBe(false);
    expect(tableColour(1)).toBe('red');
    expect(tableColour(13)).toBe('red');
  });
});
