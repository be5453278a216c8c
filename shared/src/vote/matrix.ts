import { domainError, type DomainError } from '../domain/errors';
import type { IdeaView } from '../domain/idea';
import { MATRIX_SCALE, MATRIX_STEPS, VoteErrorCode } from './constants';

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

/**
 * The phone's step (index in MATRIX_STEPS) nearest to a value, e.g. one the facilitator set with a
 * slider, on the same side of the middle (so the phone never shows an idea in the other half).
 */
export function nearestMatrixStep(value: number): number {
  const upper = value >= MATRIX_SCALE / 2;
  let best = -1;
  MATRIX_STEPS.forEach((step, index) => {
    if (step >= MATRIX_SCALE / 2 !== upper) return;
    if (best < 0 || Math.abs(step - value) < Math.abs(MATRIX_STEPS[best]! - value)) best = index;
  });
  return best;
}

/**
 * Whether a resident at `participantTable` may place an idea written at `ideaTable`: their own
 * table's ideas only. Without tables (`tableCount` 0) the room is one group and places every idea.
 */
export function checkOwnTableIdea(participantTable: number | null, ideaTable: number | null, tableCount: number): DomainError | null {
  if (tableCount === 0) return null;
  if (participantTable === null) return domainError(VoteErrorCode.MatrixNoTable, 'pick a table first');
  if (participantTable !== ideaTable) return domainError(VoteErrorCode.MatrixOtherTable, "this idea is another table's");
  return null;
}

/** What a resident's phone gets during a matrix step: their table's ideas and where they sit. */
export interface TableMatrixView {
  /** The resident's table (null: no tables, or not picked yet). */
  tableId: number | null;
  axes: MatrixAxes;
  /** The table's ideas shown in the room, oldest first: public views, never their authors. */
  ideas: IdeaView[];
  /** Placements of those ideas only. */
  placements: MatrixPlacement[];
}

/** One change of the matrix, pushed to phones during a matrix step (small: one placement, or the axes). */
export interface MatrixChange {
  axes: MatrixAxes;
  placement: MatrixPlacement | null;
}
