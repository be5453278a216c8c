import { useEffect } from 'react';
import {
  layoutIdeas,
  layoutJourney,
  rectOfNote,
  type BoardIdea,
  type BoardState,
  type BoardViewport,
  type MatrixQuadrant,
  type Rect,
} from '@gommette/shared/board';
import { setBoardTestReader } from '../testHook';
import { boardMatrixLayout, type BoardMatrix } from './boardMatrix';

export interface BoardTestView {
  synced: boolean;
  persona: string;
  steps: string[];
  rows: string[];
  /** Each note with the labels of its cell (null on the free area). */
  notes: Array<{ id: string; text: string; feeling: string | null; step: string | null; row: string | null; rect: Rect }>;
  /** Each cell of the journey grid, in board units. */
  cells: Array<{ step: string; row: string; rect: Rect }>;
  /** The part of the board on screen, in board units (null without a canvas). */
  viewport: BoardViewport | null;
  ideaCount: number;
  /** Idea notes: where they are drawn and the cluster they are in. */
  ideas: Array<{ id: string; text: string; rect: Rect | null; cluster: string | null }>;
  clusters: Array<{ name: string; rect: Rect | null }>;
  /** Needs linked to ideas, by their texts. */
  links: Array<{ note: string; idea: string }>;
  following: boolean;
  /** The matrix of the Sélection step when the board draws it: its frame, quadrants and notes. */
  matrix: {
    frame: Rect;
    /** The title drawn above it (follows the axes once they are renamed). */
    title: string;
    axes: { easy: string; priority: string };
    quadrants: Array<{ quadrant: MatrixQuadrant; rect: Rect }>;
    notes: Array<{ ideaId: string; text: string; table: number | null; easy: number; priority: number; quadrant: MatrixQuadrant; rect: Rect }>;
  } | null;
}

/** Exposes the board through `window.__gommette.board()` for the e2e tests (a canvas hides it). */
export function useBoardTestHook(
  state: BoardState | null,
  synced: boolean,
  ideas: ReadonlyArray<BoardIdea>,
  following: boolean,
  viewport: () => BoardViewport | null = () => null,
  matrix: BoardMatrix | null = null,
): void {
  useEffect(() => {
    if (!state) return undefined;
    const reader = (): BoardTestView => {
      const steps = new Map(state.steps.map((step) => [step.id, step.label]));
      const rows = new Map(state.rows.map((row) => [row.id, row.label]));
      const layout = layoutJourney(state);
      const ideaLayout = layoutIdeas(ideas, state.ideaPlacements, state.clusters, layout.grid.y + layout.grid.height);
      const clusterNames = new Map(state.clusters.map((cluster) => [cluster.id, cluster.name]));
      const noteTexts = new Map(state.notes.map((note) => [note.id, note.text]));
      const ideaTexts = new Map(ideas.map((idea) => [idea.id, idea.text]));
      const ideaTables = new Map(ideas.map((idea) => [idea.id, idea.tableId ?? null]));
      const matrixLayout = boardMatrixLayout(matrix, ideas, layout, ideaLayout);
      const spots = new Map((matrix?.spots ?? []).map((spot) => [spot.ideaId, spot]));
      return {
        synced,
        persona: state.persona,
        steps: state.steps.map((step) => step.label),
        rows: state.rows.map((row) => row.label),
        notes: state.notes.map((note) => ({
          id: note.id,
          text: note.text,
          feeling: note.feeling,
          step: note.placement.kind === 'cell' ? (steps.get(note.placement.stepId) ?? null) : null,
          row: note.placement.kind === 'cell' ? (rows.get(note.placement.rowId) ?? null) : null,
          rect: rectOfNote(layout, note),
        })),
        cells: layout.cells.map((cell) => ({
          step: steps.get(cell.stepId) ?? '',
          row: rows.get(cell.rowId) ?? '',
          rect: { x: cell.x, y: cell.y, width: cell.width, height: cell.height },
        })),
        viewport: viewport(),
        ideaCount: ideas.length,
        ideas: ideas.map((idea) => {
          const clusterId = state.ideaPlacements.get(idea.id)?.clusterId ?? null;
          return {
            id: idea.id,
            text: idea.text,
            rect: ideaLayout.ideas.get(idea.id) ?? null,
            cluster: clusterId ? (clusterNames.get(clusterId) ?? null) : null,
          };
        }),
        clusters: state.clusters.map((cluster) => ({ name: cluster.name, rect: ideaLayout.clusters.get(cluster.id) ?? null })),
        links: state.links.map((link) => ({ note: noteTexts.get(link.noteId) ?? '', idea: ideaTexts.get(link.ideaId) ?? '' })),
        following,
        matrix:
          matrixLayout && matrix
            ? {
                frame: matrixLayout.frame,
                title: matrix.labels.title,
                axes: { easy: matrix.labels.easy, priority: matrix.labels.priority },
                quadrants: matrixLayout.quadrants,
                notes: Array.from(matrixLayout.notes, ([ideaId, note]) => ({
                  ideaId,
                  text: ideaTexts.get(ideaId) ?? '',
                  table: ideaTables.get(ideaId) ?? null,
                  easy: spots.get(ideaId)?.easy ?? 0,
                  priority: spots.get(ideaId)?.priority ?? 0,
                  quadrant: note.quadrant,
                  rect: note.rect,
                })),
              }
            : null,
      };
    };
    setBoardTestReader(reader);
    return () => setBoardTestReader(null);
  }, [state, synced, ideas, following, viewport, matrix]);
}
