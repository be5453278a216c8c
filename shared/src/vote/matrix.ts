import { EASY_PRIORITY_THRESHOLD } from './constants';

/**
 * Where an idea sits on the "facile à faire × prioritaire" matrix, both axes from 0 to 1:
 * `x` grows to the right (easier to do), `y` grows upwards (more of a priority).
 */
export interface MatrixPosition {
  x: number;
  y: number;
}

/** The matrix of a workshop: axis labels set by the facilitator (null: the usual words), placements. */
export interface MatrixView {
  xLabel: string | null;
  yLabel: string | null;
  /** Whether the projector shows the matrix. */
  onScreen: boolean;
  placements: Record<string, MatrixPosition>;
}

export function emptyMatrix(): MatrixView {
  return { xLabel: null, yLabel: null, onScreen: false, placements: {} };
}

export function inEasyPriorityQuadrant(position: MatrixPosition): boolean {
  return position.x >= EASY_PRIORITY_THRESHOLD && position.y >= EASY_PRIORITY_THRESHOLD;
}

/** The ideas placed in the "easy and priority" quadrant, most of both first, among `ideaIds`. */
export function quadrantIdeaIds(ideaIds: ReadonlyArray<string>, placements: Readonly<Record<string, MatrixPosition>>): string[] {
  return ideaIds
    .flatMap((id) => {
      const position = placements[id];
      return position && inEasyPriorityQuadrant(position) ? [{ id, score: position.x + position.y }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.id);
}

/** A position as stored: inside the square, rounded to a thousandth. */
export function clampPosition(position: MatrixPosition): MatrixPosition {
  const clamp = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
  return { x: clamp(position.x), y: clamp(position.y) };
}
