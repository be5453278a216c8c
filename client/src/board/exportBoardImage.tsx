import i18next from 'i18next';
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type * as Y from 'yjs';
import { boundsOf, layoutIdeas, layoutJourney, readBoard, rectOfNote, type BoardIdea } from '@gommette/shared/board';
import { BoardCanvas, type BoardCanvasControls } from './BoardCanvas';
import { boardMatrixLayout, type BoardMatrix } from './boardMatrix';
import { connectBoard } from './connectBoard';

/** The biggest side of the drawn board, in pixels. */
const MAX_SIDE_PX = 8_000;

export interface BoardImageInput {
  workshopId: string;
  /** Any token that opens this workshop's board (the facilitator's for the brief). */
  token: string;
  ideas: ReadonlyArray<BoardIdea>;
  sites: ReadonlyArray<{ id: string; name: string }>;
  /** The matrix of the Sélection step, when the workshop uses it. */
  matrix?: BoardMatrix | null;
  /** Gives up after this long without the board (default 15 s). */
  timeoutMs?: number;
}

/**
 * The whole board as a PNG data URL at zoom 1 (every note with its words), whatever part of it
 * is on screen: drawn off screen from the document. The "Image PNG" button uses it; so does
 * `exportBoardImage` for the brief.
 */
export function renderBoardPng(
  doc: Y.Doc,
  ideas: ReadonlyArray<BoardIdea>,
  sites: ReadonlyArray<{ id: string; name: string }>,
  matrix: BoardMatrix | null = null,
): string {
  const state = readBoard(doc);
  const layout = layoutJourney(state);
  const ideaLayout = layoutIdeas(ideas, state.ideaPlacements, state.clusters, layout.grid.y + layout.grid.height);
  const matrixLayout = boardMatrixLayout(matrix, ideas, layout, ideaLayout);
  const bounds = boundsOf([
    layout.persona,
    layout.grid,
    ...state.notes.map((note) => rectOfNote(layout, note)),
    ...ideaLayout.ideas.values(),
    ...ideaLayout.clusters.values(),
    ...ideaLayout.groups.map((group) => group.rect),
    ...(matrixLayout ? [matrixLayout.frame] : []),
  ]);
  if (!bounds) throw new Error('empty board');
  const width = Math.min(MAX_SIDE_PX, Math.ceil(bounds.width) + 80);
  const height = Math.min(MAX_SIDE_PX, Math.ceil(bounds.height) + 80);
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-100000px;top:0;';
  document.body.append(host);
  const root = createRoot(host);
  try {
    const controls = createRef<BoardCanvasControls>();
    const labels = { persona: i18next.t('board.persona'), renameCluster: '' };
    flushSync(() =>
      root.render(
        <BoardCanvas
          state={state}
          ideas={ideas}
          sites={sites}
          width={width}
          height={height}
          doc={null}
          peers={[]}
          follow={null}
          labels={labels}
          controlRef={controls}
          matrix={matrix}
        />,
      ),
    );
    const url = controls.current?.toPng();
    if (!url) throw new Error('the board could not be drawn');
    return url;
  } finally {
    root.unmount();
    host.remove();
  }
}

/** Connects to a workshop's board, waits for it, and returns it as a PNG data URL (for the brief). */
export async function exportBoardImage({ workshopId, token, ideas, sites, matrix = null, timeoutMs = 15_000 }: BoardImageInput): Promise<string> {
  const connection = connectBoard(workshopId, token);
  try {
    await new Promise<void>((resolve, reject) => {
      if (connection.provider.synced) return resolve();
      const timer = setTimeout(() => reject(new Error('the board did not load in time')), timeoutMs);
      connection.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return renderBoardPng(connection.doc, ideas, sites, matrix);
  } finally {
    connection.destroy();
  }
}
