import { useEffect } from 'react';
import { layoutJourney, rectOfNote, type BoardState, type BoardViewport, type Rect } from '@gommette/shared/board';
import { setBoardTestReader } from '../testHook';

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
  following: boolean;
}

/** Exposes the board through `window.__gommette.board()` for the e2e tests (a canvas hides it). */
export function useBoardTestHook(
  state: BoardState | null,
  synced: boolean,
  ideaCount: number,
  following: boolean,
  viewport: () => BoardViewport | null = () => null,
): void {
  useEffect(() => {
    if (!state) return undefined;
    const reader = (): BoardTestView => {
      const steps = new Map(state.steps.map((step) => [step.id, step.label]));
      const rows = new Map(state.rows.map((row) => [row.id, row.label]));
      const layout = layoutJourney(state);
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
        cells: layout.cells.map((cell) => ({ step: steps.get(cell.stepId) ?? '', row: rows.get(cell.rowId) ?? '', rect: { x: cell.x, y: cell.y, width: cell.width, height: cell.height } })),
        viewport: viewport(),
        ideaCount,
        following,
      };
    };
    setBoardTestReader(reader);
    return () => setBoardTestReader(null);
  }, [state, synced, ideaCount, following, viewport]);
}
