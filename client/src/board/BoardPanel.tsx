import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdeaView, MatrixPlacement, MatrixView } from '@gommette/shared';
import {
  MATRIX_AXIS_BAND,
  MATRIX_MARGIN,
  MATRIX_PLOT_SIZE,
  layoutIdeas,
  layoutJourney,
  matrixOrigin,
  type BoardAwarenessState,
  type BoardIdea,
  type BoardViewport,
} from '@gommette/shared/board';
import { matrixTitle, type BoardMatrix } from './boardMatrix';
import { BoardAsList } from './BoardAsList';
import { BoardCanvas, type BoardCanvasControls } from './BoardCanvas';
import { useBoardTestHook } from './boardTestHook';
import { renderBoardPng } from './exportBoardImage';
import { downloadDataUrl } from './exportPng';
import { JourneyEditor } from './JourneyEditor';
import { useBoard, usePeers } from './useBoard';
import { useElementSize } from './useElementSize';
import './board.css';

export interface BoardPanelProps {
  workshopId: string;
  token: string;
  /** The console edits; the projector only shows (its token is read-only on the server too). */
  role: 'facilitator' | 'screen';
  /** Ideas from the live feed: hidden ones are left out here, so hiding an idea removes its note. */
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<{ id: string; name: string }>;
  /**
   * The matrix "facile à faire × prioritaire" (from the vote feed), drawn right of the journey
   * map; null or absent: the workshop does not use it.
   */
  matrix?: MatrixView | null;
  /** During the Sélection step the canvas fits the matrix, so the projector shows it. */
  focus?: 'matrix' | null;
  /** The console: dragging a matrix note places its idea there. */
  onMatrixPlace?: (placement: MatrixPlacement) => void;
}

/**
 * The shared board on the projector and the console: the Konva canvas with its tools (fit,
 * zoom, PNG), "Suivez-moi" for the facilitator, and the journey editor on the console.
 * Loaded lazily (Konva and Yjs are in this chunk, never in the phone's first screen).
 */
export default function BoardPanel({ workshopId, token, role, ideas, sites, matrix = null, focus = null, onMatrixPlace }: BoardPanelProps) {
  const { t } = useTranslation();
  const board = useBoard(workshopId, token);
  const canvasBox = useRef<HTMLDivElement>(null);
  const size = useElementSize(canvasBox);
  const controls = useRef<BoardCanvasControls>(null);
  const [leading, setLeading] = useState(false);
  const [page, setPage] = useState({ index: 0, count: 1 });
  const handlePage = useCallback((index: number, count: number) => setPage({ index, count }), []);
  const awareness = board?.connection.provider.awareness ?? null;
  const peers = usePeers(awareness);
  const editable = role === 'facilitator';

  const boardIdeas = useMemo<BoardIdea[]>(
    // Hidden ideas and duplicates merged into another leave the board; notes group by table.
    () =>
      ideas
        .filter((idea) => !idea.hidden && !idea.mergedInto)
        .map((idea) => ({ id: idea.id, text: idea.text, siteId: idea.siteId, createdAt: idea.createdAt, tableId: idea.tableId })),
    [ideas],
  );
  const boardMatrix = useMemo<BoardMatrix | null>(
    () =>
      matrix && {
        spots: matrix.placements,
        labels: {
          title: matrixTitle(matrix.axes, { title: t('matrix.title'), easy: t('matrix.axisEasy'), priority: t('matrix.axisPriority') }),
          easy: matrix.axes.easy || t('matrix.axisEasy'),
          priority: matrix.axes.priority || t('matrix.axisPriority'),
          quadrant: t('matrix.quadrant'),
          harder: t('matrix.harder'),
          later: t('matrix.later'),
        },
      },
    [matrix, t],
  );
  const leader = leading ? null : (peers.find((peer) => peer.lead && peer.view) ?? null);
  const follow = leader?.view ?? null;

  const publish = useCallback(
    (view: BoardViewport | null, lead: boolean) => {
      if (!awareness) return;
      const state: BoardAwarenessState = { role, siteId: null, view: role === 'facilitator' ? view : null, lead: role === 'facilitator' && lead };
      awareness.setLocalState(state);
    },
    [awareness, role],
  );
  useEffect(() => {
    publish(controls.current?.view() ?? null, leading);
  }, [publish, leading]);
  const handleView = useCallback((view: BoardViewport) => role === 'facilitator' && publish(view, leading), [publish, leading, role]);

  const readViewport = useCallback(() => controls.current?.view() ?? null, []);
  useBoardTestHook(board?.state ?? null, board?.synced ?? false, boardIdeas, follow !== null, readViewport, boardMatrix);

  const handleExport = () => {
    if (!board) return;
    const url = renderBoardPng(board.connection.doc, boardIdeas, sites, boardMatrix);
    downloadDataUrl(url, `gommette-tableau-${new Date().toISOString().slice(0, 10)}.png`);
  };

  const state = board?.state ?? null;
  const journey = state ? layoutJourney(state) : null;
  const below = journey?.grid ?? null;
  // New clusters go right of the journey map, or right of the matrix when it is drawn there.
  const clusterX =
    journey && state
      ? boardMatrix
        ? matrixOrigin(journey, layoutIdeas(boardIdeas, state.ideaPlacements, state.clusters, journey.grid.y + journey.grid.height)).x +
          MATRIX_AXIS_BAND +
          MATRIX_PLOT_SIZE +
          MATRIX_MARGIN
        : journey.grid.x + journey.grid.width + 200
      : 200;

  return (
    <section className={`board-panel board-panel--${role}`} aria-label={t('board.heading')}>
      <div className="board-panel__tools" role="toolbar">
        {/* The public screen shows no editing control: the facilitator drives the view. */}
        {editable && (
          <>
            <button type="button" className="button" onClick={() => controls.current?.fit()} data-testid="board-fit">
              {t('board.fit')}
            </button>
            <button type="button" className="button" onClick={() => controls.current?.zoom(1.25)} aria-label={t('board.zoomIn')}>
              +
            </button>
            <button type="button" className="button" onClick={() => controls.current?.zoom(0.8)} aria-label={t('board.zoomOut')}>
              −
            </button>
            <button type="button" className="button" onClick={handleExport} data-testid="board-export">
              {t('board.exportPng')}
            </button>
          </>
        )}
        {editable && (
          <button
            type="button"
            className={`button ${leading ? 'button--primary' : ''}`}
            aria-pressed={leading}
            onClick={() => setLeading((value) => !value)}
            data-testid="board-follow-me"
          >
            {t('board.followMe')}
          </button>
        )}
        {page.count > 1 && (
          <span className="board-panel__page" data-testid="board-page" data-index={page.index} data-count={page.count}>
            {t('board.page', { index: page.index + 1, count: page.count })}
          </span>
        )}
        <span className="board-panel__status" role="status" data-testid="board-status" data-status={board?.status ?? 'connecting'}>
          {leading ? t('board.followOn') : follow ? t('board.following') : board?.status === 'online' ? '' : t('board.reconnecting')}
        </span>
      </div>
      <div className="board-panel__body">
        {editable && board && state && <JourneyEditor doc={board.connection.doc} state={state} clusterSpot={{ x: clusterX, y: below?.y ?? 0 }} />}
        {/* The canvas says nothing to a screen reader: the same content is in the list below. */}
        <div className="board-panel__canvas" ref={canvasBox} data-testid="board-canvas" aria-hidden="true">
          {board && state && size.width > 0 && size.height > 0 ? (
            <BoardCanvas
              state={state}
              ideas={boardIdeas}
              sites={sites}
              width={size.width}
              height={size.height}
              doc={editable ? board.connection.doc : null}
              peers={peers}
              follow={follow}
              onView={handleView}
              labels={{ persona: t('board.persona'), renameCluster: t('board.renameCluster') }}
              controlRef={controls}
              matrix={boardMatrix}
              focus={focus}
              onMatrixPlace={editable ? onMatrixPlace : undefined}
              readable={role === 'screen'}
              onPage={role === 'screen' ? handlePage : undefined}
            />
          ) : (
            <p className="hint">{t('board.loading')}</p>
          )}
        </div>
      </div>
      {state && <BoardAsList state={state} ideas={boardIdeas} />}
    </section>
  );
}
