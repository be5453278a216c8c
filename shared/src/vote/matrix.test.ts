import { describe, expect, it } from 'vitest';
import { inEasyPriorityQuadrant, quadrantIdeaIds, upsertPlacement } from './matrix';

describe('matrix', () => {
  it('finds the easy-and-priority quadrant among visible ideas', () => {
    const placements = [
      { ideaId: 'A', easy: 80, priority: 90 },
      { ideaId: 'B', easy: 20, priority: 90 },
      { ideaId: 'C', easy: 50, priority: 50 },
      { ideaId: 'D', easy: 90, priority: 95 },
    ];
    expect(inEasyPriorityQuadrant({ easy: 49, priority: 100 })).toBe(false);
    expect(quadrantIdeaIds(placements, new Set(['A', 'B', 'C']))).toEqual(['A', 'C']);
    expect(upsertPlacement(placements, { ideaId: 'A', easy: 0, priority: 0 }).filter((p) => p.ideaId === 'A')).toEqual([{ ideaId: 'A', easy: 0, priority: 0 }]);
  });
});
