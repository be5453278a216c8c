import { MATRIX_SCALE } from './constants';

/** Where an idea sits on the matrix: 0…MATRIX_SCALE on each axis. */
export interface MatrixPlacement {
  ideaId: string;
  /** "facile à faire": 0 hard, MATRIX_SCALE easy. */
  easy: number;
  /** "prioritaire": 0 can wait, MATRIX_SCALE priority. */
  priority: number;
}

/** Axis labels set by the facilitator; empty means the default words of the viewer's language. */
export interface MatrixAxes {
  easy: string;
  priority: string;
}

export interface MatrixView {
  axes: MatrixAxes;
  placements: MatrixPlacement[];
}

export const emptyMatrix: MatrixView = { axes: { easy: '', priority: '' }, placements: [] };

export function inEasyPriorityQuadrant(placement: Pick<MatrixPlacement, 'easy' | 'priority'>): boolean {
  const half = MATRIX_SCALE / 2;
  return placement.easy >= half && placement.priority >= half;
}

/** The ideas of the "easy and priority" quadrant, most priority first, among those still visible. */
export function quadrantIdeaIds(placements: ReadonlyArray<MatrixPlacement>, visibleIdeaIds: ReadonlySet<string>): string[] {
  return placements
    .filter((placement) => visibleIdeaIds.has(placement.ideaId) && inEasyPriorityQuadrant(placement))
    .sort((a, b) => b.priority + b.easy - (a.priority + a.easy))
    .map((placement) => placement.ideaId);
}

/** Replaces or adds one placement (client-side and in tests). */
export function upsertPlacement(placements: ReadonlyArray<MatrixPlacement>, placement: MatrixPlacement): MatrixPlacement[] {
  return [...placements.filter((item) => item.ideaId !== placement.ideaId), placement];
}
