import { describe, expect, it } from 'vitest';
import { MATRIX_SCALE, MATRIX_STEPS, VoteErrorCode } from './constants';
import { checkOwnTableIdea, inEasyPriorityQuadrant, nearestMatrixStep, quadrantIdeaIds, upsertPlacement } from './matrix';

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

describe('matrix from the phones', () => {
  it('offers four steps, two on each side of the middle, and reads any value as its nearest step', () => {
    expect(MATRIX_STEPS.filter((step) => step < MATRIX_SCALE / 2)).toHaveLength(2);
    expect(MATRIX_STEPS.map((step) => inEasyPriorityQuadrant({ easy: step, priority: step }))).toEqual([false, false, true, true]);
    expect([0, 24, 26, 50, 70, 100].map(nearestMatrixStep)).toEqual([0, 0, 1, 2, 2, 3]);
  });

  it("lets a resident place their own table's ideas only", () => {
    expect(checkOwnTableIdea(2, 2, 4)).toBeNull();
    expect(checkOwnTableIdea(2, 3, 4)?.error).toBe(VoteErrorCode.MatrixOtherTable);
    expect(checkOwnTableIdea(2, null, 4)?.error).toBe(VoteErrorCode.MatrixOtherTable);
    expect(checkOwnTableIdea(null, 2, 4)?.error).toBe(VoteErrorCode.MatrixNoTable);
    expect(checkOwnTableIdea(null, null, 4)?.error).toBe(VoteErrorCode.MatrixNoTable);
    // Without tables the room is one group.
    expect(checkOwnTableIdea(null, null, 0)).toBeNull();
    expect(checkOwnTableIdea(2, 1, 0)).toBeNull();
  });
});
