import { layoutMatrix, matrixOrigin, type BoardIdea, type IdeaLayout, type JourneyLayout, type MatrixLayout, type MatrixSpot } from '@gommette/shared/board';
import type { MatrixLabels } from './MatrixRegion';

/**
 * The matrix as the board draws it: the placements of the matrix data (the vote store, via the
 * vote feed: never a second copy in the Yjs document) and its words in the viewer's language.
 */
export interface BoardMatrix {
  spots: ReadonlyArray<MatrixSpot>;
  labels: MatrixLabels;
}

/** Where the matrix and its notes are drawn, for the ideas the board shows (hidden ones stay off). */
export function boardMatrixLayout(
  matrix: BoardMatrix | null | undefined,
  ideas: ReadonlyArray<BoardIdea>,
  journey: JourneyLayout,
  ideaLayout: IdeaLayout,
): MatrixLayout | null {
  if (!matrix) return null;
  const shown = new Set(ideas.map((idea) => idea.id));
  return layoutMatrix(
    matrix.spots.filter((spot) => shown.has(spot.ideaId)),
    matrixOrigin(journey, ideaLayout),
  );
}

/**
 * The matrix's title: the method's own ("Matrice facile × prioritaire") while the axes keep their
 * default names; once the facilitator renames one, the two axes' names ("Pas cher × Urgent"),
 * so the title never contradicts the axes.
 */
export function matrixTitle(axes: { easy: string; priority: string }, words: { title: string; easy: string; priority: string }): string {
  const easy = axes.easy.trim();
  const priority = axes.priority.trim();
  if (!easy && !priority) return words.title;
  return `${easy || words.easy} × ${priority || words.priority}`;
}
