import type Konva from 'konva';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Arrow, Group, Layer, Rect, Stage, Text } from 'react-konva';
import type * as Y from 'yjs';
import {
  boundsOf,
  cellAt,
  layoutIdeas,
  layoutJourney,
  matrixSpotAt,
  moveCluster,
  moveNote,
  placeIdea,
  rectOfNote,
  renameCluster,
  setIdeaCluster,
  setNeedLink,
  tableOfGroup,
  type BoardIdea,
  type BoardState,
  type BoardViewport,
  type Rect as Box,
} from '@gommette/shared/board';
import { boardMatrixLayout, type BoardMatrix } from './boardMatrix';
import { BOARD_INK, siteColor, siteInk, tableFill } from './colors';
import { MatrixFrame, MatrixNote } from './MatrixRegion';
import { boardPngDataUrl } from './exportPng';
import { FEELING_LOOK } from './feelings';
import { NoteShape } from './NoteShape';
import { OverviewShape, type OverviewBatch } from './OverviewShape';
import { PresenceMarks } from './PresenceMarks';
import { BoardStatic } from './BoardStatic';
import type { Peer } from './useBoard';
import { MATRIX_NOTE_FONT_SIZE, NOTE_FONT_SIZE } from './noteText';
import {
  DETAIL_SCALE,
  OVERVIEW_MIN_NOTES,
  PAGE_MS,
  READABLE_TEXT_SHARE,
  cullLayers,
  fitStage,
  readablePages,
  stageView,
  uncullLayers,
  zoomStage,
} from './viewport';

export interface BoardCanvasControls {
  fit(): void;
  zoom(factor: number): void;
  /** The whole board as a PNG data URL. */
  toPng(): string | null;
  view(): BoardViewport | null;
}

export interface BoardCanvasProps {
  state: BoardState;
  ideas: ReadonlyArray<BoardIdea>;
  sites: ReadonlyArray<{ id: string; name: string }>;
  width: number;
  height: number;
  /** The document to write to; null for read-only views (the projector). */
  doc: Y.Doc | null;
  peers: ReadonlyArray<Peer>;
  /** When set, the canvas shows this part of the board ("Suivez-moi"). */
  follow: BoardViewport | null;
  onView?: (view: BoardViewport) => void;
  labels: { persona: string; renameCluster: string };
  controlRef?: Ref<BoardCanvasControls>;
  /** The matrix of the Sélection step, drawn right of the journey map (null: none). */
  matrix?: BoardMatrix | null;
  /** What the canvas fits on first show and on resize: the matrix during its step, else everything. */
  focus?: 'matrix' | null;
  /** The console: a matrix note dropped elsewhere places its idea there (`matrix:place`). */
  onMatrixPlace?: (placement: { ideaId: string; easy: number; priority: number }) => void;
  /**
   * The projector: fitting keeps the notes' text readable from the back of the room; a board too
   * big for that is shown in parts, one after another (see `readablePages`).
   */
  readable?: boolean;
  /** Which part the projector shows (index from 0) and how many there are. */
  onPage?: (index: number, count: number) => void;
}

const VIEW_PUBLISH_MS = 150;

/** A note as the canvas writes it: its feeling in words (a canvas cannot draw an emoji without the font), then its text. */
const noteText = (text: string, feeling: string | null): string => (feeling ? (text ? `${feeling} · ${text}` : feeling) : text);

/**
 * The board drawn with Konva: the journey grid (static, cached), residents' notes in their cells
 * or on the free area, ideas grouped by site or in named clusters, links from needs to ideas,
 * and where people are looking. Pan by dragging the background, zoom with the wheel.
 * With a `doc`, notes, ideas and clusters can be dragged and needs linked to ideas.
 */
export function BoardCanvas({
  state,
  ideas,
  sites,
  width,
  height,
  doc,
  peers,
  follow,
  onView,
  labels,
  controlRef,
  matrix = null,
  focus = null,
  onMatrixPlace,
  readable = false,
  onPage,
}: BoardCanvasProps) {
  const { t } = useTranslation();
  const stageRef = useRef<Konva.Stage>(null);
  const notesLayer = useRef<Konva.Layer>(null);
  const ideasLayer = useRef<Konva.Layer>(null);
  const matrixLayer = useRef<Konva.Layer>(null);
  const [zoomedIn, setZoomedIn] = useState(true);
  const [selectedNote, setSelectedNote] = useState<string | null>(null);
  const editable = doc !== null;
  const siteIds = useMemo(() => sites.map((site) => site.id), [sites]);

  const layout = useMemo(() => layoutJourney(state), [state]);
  const ideaLayout = useMemo(
    () => layoutIdeas(ideas, state.ideaPlacements, state.clusters, layout.grid.y + layout.grid.height),
    [ideas, state.ideaPlacements, state.clusters, layout],
  );
  // Zoomed out on a big board, notes are drawn as one overview shape (not draggable).
  const detailed = zoomedIn || state.notes.length + ideas.length < OVERVIEW_MIN_NOTES;
  const rowKind = useMemo(() => new Map(state.rows.map((row) => [row.id, row.kind])), [state.rows]);
  const noteRects = useMemo(() => new Map(state.notes.map((note) => [note.id, rectOfNote(layout, note)])), [state.notes, layout]);
  const matrixLayout = useMemo(() => boardMatrixLayout(matrix, ideas, layout, ideaLayout), [matrix, ideas, layout, ideaLayout]);
  const bounds = useMemo(
    () =>
      boundsOf([
        layout.persona,
        layout.grid,
        ...noteRects.values(),
        ...ideaLayout.ideas.values(),
        ...ideaLayout.clusters.values(),
        ...ideaLayout.groups.map((group) => group.rect),
        ...(matrixLayout ? [matrixLayout.frame] : []),
      ]),
    [layout, noteRects, ideaLayout, matrixLayout],
  );
  const focusRect = focus === 'matrix' && matrixLayout ? matrixLayout.frame : null;
  const boundsRef = useRef(bounds);
  const focusRef = useRef(focusRect);
  const afterViewChange = useRef<() => void>(() => undefined);
  const lastPublished = useRef(0);
  useLayoutEffect(() => {
    boundsRef.current = bounds;
    focusRef.current = focusRect;
    afterViewChange.current = () => {
      const stage = stageRef.current;
      if (!stage) return;
      cullLayers(stage, [notesLayer.current, ideasLayer.current, matrixLayer.current]);
      setZoomedIn(stage.scaleX() >= DETAIL_SCALE);
      const now = performance.now();
      if (onView && now - lastPublished.current > VIEW_PUBLISH_MS) {
        lastPublished.current = now;
        onView(stageView(stage));
      }
    };
  });
  const frame = useRef(0);
  const scheduleViewChange = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      afterViewChange.current();
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const fitRect = useCallback(
    (rect: Box | null) => {
      const stage = stageRef.current;
      if (!stage || !rect) return;
      fitStage(stage, rect);
      stage.batchDraw();
      scheduleViewChange();
    },
    [scheduleViewChange],
  );
  /** "Tout voir": the whole board. */
  const fit = useCallback(() => fitRect(boundsRef.current), [fitRect]);

  // The projector's parts of the board (one when it is readable whole) and the one on show.
  const [page, setPage] = useState({ index: 0, count: 1 });
  const textSize = focus === 'matrix' ? MATRIX_NOTE_FONT_SIZE : NOTE_FONT_SIZE;
  /** Shows part `index` of the focus (computed afresh: the board may have grown meanwhile). */
  const showPage = useCallback(
    (index: number): number => {
      const stage = stageRef.current;
      const rect = focusRef.current ?? boundsRef.current;
      if (!stage || !rect) return 1;
      const pages = readablePages(stage.width(), stage.height(), rect, textSize, READABLE_TEXT_SHARE * window.innerHeight);
      const shown = pages[index % pages.length]!;
      fitStage(stage, shown, pages.length === 1 ? 0.02 : 0);
      stage.batchDraw();
      scheduleViewChange();
      return pages.length;
    },
    [textSize, scheduleViewChange],
  );
  /** The part the step is about (the matrix in its step), else the whole board. */
  const fitFocus = useCallback(() => {
    if (!readable) return fitRect(focusRef.current ?? boundsRef.current);
    const count = showPage(0);
    setPage({ index: 0, count });
  }, [fitRect, readable, showPage]);
  // The projector turns the pages by itself (not while it follows the facilitator's view), and
  // fits again as the board grows (a single page too: new notes must come into view).
  useEffect(() => {
    if (!readable || follow) return undefined;
    const timer = setTimeout(() => {
      const index = (page.index + 1) % page.count;
      const count = showPage(index);
      setPage({ index: index % count, count });
    }, PAGE_MS);
    return () => clearTimeout(timer);
  }, [readable, follow, page, showPage]);
  useEffect(() => {
    onPage?.(page.index, follow ? 1 : page.count);
  }, [onPage, page.index, page.count, follow]);

  useImperativeHandle(
    controlRef,
    () => ({
      fit,
      zoom: (factor) => {
        const stage = stageRef.current;
        if (!stage) return;
        zoomStage(stage, factor);
        stage.batchDraw();
        scheduleViewChange();
      },
      toPng: () => {
        const stage = stageRef.current;
        const rect = boundsRef.current;
        if (!stage || !rect) return null;
        return boardPngDataUrl(stage, rect, () => {
          uncullLayers([notesLayer.current, ideasLayer.current, matrixLayer.current]);
          return () => cullLayers(stage, [notesLayer.current, ideasLayer.current, matrixLayer.current]);
        });
      },
      view: () => (stageRef.current ? stageView(stageRef.current) : null),
    }),
    [fit, scheduleViewChange],
  );

  // Fit once the board has content (and when the stage is resized, or the focus moves).
  const fitted = useRef(false);
  const hasFocus = focusRect !== null;
  useLayoutEffect(() => {
    if (!fitted.current && bounds && (hasFocus || state.steps.length > 0 || state.notes.length > 0 || ideas.length > 0)) {
      fitted.current = true;
      fitFocus();
    }
  }, [bounds, fitFocus, hasFocus, state.steps.length, state.notes.length, ideas.length]);
  useLayoutEffect(() => {
    if (fitted.current) fitFocus();
  }, [width, height, fitFocus]);
  const focusKey = focusRect ? `${focusRect.x},${focusRect.y},${focusRect.width}` : 'all';
  const lastFocus = useRef(focusKey);
  useLayoutEffect(() => {
    if (lastFocus.current === focusKey) return;
    lastFocus.current = focusKey;
    if (fitted.current) fitFocus();
  }, [focusKey, fitFocus]);

  // Suivez-moi: show what the facilitator shows.
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage || !follow) return;
    fitStage(stage, follow, 0);
    stage.batchDraw();
    scheduleViewChange();
  }, [follow, scheduleViewChange]);

  // Every render may add nodes: hide those out of view.
  useLayoutEffect(() => {
    if (stageRef.current) cullLayers(stageRef.current, [notesLayer.current, ideasLayer.current, matrixLayer.current]);
  });

  const handleWheel = (event: Konva.KonvaEventObject<WheelEvent>) => {
    event.evt.preventDefault();
    const stage = stageRef.current;
    if (!stage) return;
    zoomStage(stage, Math.pow(1.1, -event.evt.deltaY / 100), stage.getPointerPosition() ?? undefined);
    scheduleViewChange();
  };

  const resetNode = (node: Konva.Group, rect: Box | undefined) => {
    if (rect) node.position({ x: rect.x, y: rect.y });
  };

  const handleNoteDragEnd = useCallback(
    (id: string, node: Konva.Group) => {
      if (!doc) return;
      const center = { x: node.x() + node.width() / 2, y: node.y() + node.height() / 2 };
      const cell = cellAt(layout, center.x, center.y);
      const free = { kind: 'free' as const, x: node.x(), y: node.y() };
      resetNode(node, noteRects.get(id));
      moveNote(doc, id, cell ? { kind: 'cell', stepId: cell.stepId, rowId: cell.rowId } : free, Date.now());
    },
    [doc, layout, noteRects],
  );

  const handleIdeaDragEnd = useCallback(
    (id: string, node: Konva.Group) => {
      if (!doc) return;
      const center = { x: node.x() + node.width() / 2, y: node.y() + node.height() / 2 };
      const cluster = state.clusters.find((candidate) => {
        const rect = ideaLayout.clusters.get(candidate.id);
        return rect && center.x >= rect.x && center.x <= rect.x + rect.width && center.y >= rect.y && center.y <= rect.y + rect.height;
      });
      const at = { x: node.x(), y: node.y() };
      resetNode(node, ideaLayout.ideas.get(id));
      if (cluster) setIdeaCluster(doc, id, cluster.id);
      else placeIdea(doc, id, at.x, at.y);
    },
    [doc, state.clusters, ideaLayout],
  );

  const handleMatrixDragEnd = useCallback(
    (ideaId: string, node: Konva.Group) => {
      if (!matrixLayout || !onMatrixPlace) return;
      const spot = matrixSpotAt(matrixLayout, node.x() + node.width() / 2, node.y() + node.height() / 2);
      resetNode(node, matrixLayout.notes.get(ideaId)?.rect);
      onMatrixPlace({ ideaId, ...spot });
    },
    [matrixLayout, onMatrixPlace],
  );

  const handleNoteSelect = useCallback(
    (id: string) => {
      const note = state.notes.find((candidate) => candidate.id === id);
      if (!note || note.placement.kind !== 'cell' || rowKind.get(note.placement.rowId) !== 'needs') return setSelectedNote(null);
      setSelectedNote((current) => (current === id ? null : id));
    },
    [state.notes, rowKind],
  );

  const handleIdeaSelect = useCallback(
    (ideaId: string) => {
      if (!doc || !selectedNote) return;
      const linked = state.links.some((link) => link.noteId === selectedNote && link.ideaId === ideaId);
      setNeedLink(doc, selectedNote, ideaId, !linked);
    },
    [doc, selectedNote, state.links],
  );

  const leaders = peers.filter((peer) => peer.lead && peer.view);

  // Zoomed out: every note in one shape (see OverviewShape), batched by colour.
  const overview = useMemo<OverviewBatch[]>(() => {
    if (detailed) return [];
    const batches = new Map<string, OverviewBatch>();
    const add = (fill: string, stroke: string | null, rect: Box | undefined) => {
      if (!rect) return;
      const key = `${fill}|${stroke}`;
      const batch = batches.get(key) ?? { fill, stroke, rects: [] };
      batch.rects.push(rect);
      batches.set(key, batch);
    };
    for (const note of state.notes) add(siteColor(siteIds, note.siteId), null, noteRects.get(note.id));
    for (const idea of ideas) add('#ffffff', siteInk(siteIds, idea.siteId), ideaLayout.ideas.get(idea.id));
    return Array.from(batches.values());
  }, [detailed, state.notes, ideas, noteRects, ideaLayout, siteIds]);

  const ideaById = useMemo(() => new Map(ideas.map((idea) => [idea.id, idea])), [ideas]);
  const siteName = new Map(sites.map((site) => [site.id, site.name]));
  const groups = ideaLayout.groups.map((group) => {
    const table = tableOfGroup(group.key);
    return {
      key: group.key,
      label: table === null ? (siteName.get(group.key) ?? '') : t('tables.table', { number: table }),
      rect: group.rect,
      color: table === null ? siteColor(siteIds, group.key) : '#f3efe3',
    };
  });

  return (
    <Stage
      ref={stageRef}
      width={width}
      height={height}
      draggable
      onWheel={handleWheel}
      onDragMove={(event) => event.target === stageRef.current && scheduleViewChange()}
      onDragEnd={(event) => event.target === stageRef.current && scheduleViewChange()}
      onClick={(event) => event.target === stageRef.current && setSelectedNote(null)}
      className="board-canvas"
    >
      <Layer listening={false}>
        <BoardStatic persona={state.persona} layout={layout} groups={groups} personaLabel={labels.persona} />
        <PresenceMarks peers={peers} layout={layout} siteIds={siteIds} />
        {matrixLayout && matrix && <MatrixFrame layout={matrixLayout} labels={matrix.labels} />}
      </Layer>
      {/* The matrix's notes come from the matrix data; on the console, dropping one places its idea. */}
      <Layer ref={matrixLayer} listening={onMatrixPlace !== undefined}>
        {matrixLayout &&
          Array.from(matrixLayout.notes, ([ideaId, note]) => {
            const idea = ideaById.get(ideaId);
            if (!idea) return null;
            const table = idea.tableId ?? null;
            const colours = table === null ? null : tableFill(table);
            return (
              <MatrixNote
                key={ideaId}
                ideaId={ideaId}
                rect={note.rect}
                text={idea.text}
                tableLabel={colours && table !== null ? t('tables.tableWithColour', { number: table, colour: t(`tables.colours.${colours.colour}`) }) : null}
                fill={colours?.fill ?? siteInk(siteIds, idea.siteId)}
                ink={colours?.ink ?? '#ffffff'}
                onDragEnd={onMatrixPlace ? handleMatrixDragEnd : undefined}
              />
            );
          })}
      </Layer>
      <Layer listening={false} visible={!detailed}>
        <OverviewShape batches={overview} />
      </Layer>
      <Layer ref={notesLayer} listening={editable} visible={detailed}>
        {state.notes.map((note) => (
          <NoteShape
            key={note.id}
            id={note.id}
            rect={noteRects.get(note.id)!}
            text={noteText(note.text, note.feeling ? t(`board.feelings.${FEELING_LOOK[note.feeling].name}`) : null)}
            fill={siteColor(siteIds, note.siteId)}
            draggable={editable}
            selected={note.id === selectedNote}
            onDragEnd={editable ? handleNoteDragEnd : undefined}
            onSelect={editable ? handleNoteSelect : undefined}
          />
        ))}
      </Layer>
      <Layer ref={ideasLayer} listening={editable}>
        {state.clusters.map((cluster) => {
          const rect = ideaLayout.clusters.get(cluster.id)!;
          return (
            <Group
              key={cluster.id}
              x={rect.x}
              y={rect.y}
              draggable={editable}
              listening={editable}
              onDragEnd={(event) => doc && moveCluster(doc, cluster.id, event.target.x(), event.target.y())}
              onDblClick={() => {
                if (!doc) return;
                const name = window.prompt(labels.renameCluster, cluster.name);
                if (name && name.trim()) renameCluster(doc, cluster.id, name);
              }}
            >
              <Rect width={rect.width} height={rect.height} fill="#ffffff" stroke={BOARD_INK} strokeWidth={2} dash={[10, 6]} cornerRadius={10} />
              <Text x={12} y={10} width={rect.width - 24} text={cluster.name} fontSize={20} fontStyle="bold" fill={BOARD_INK} ellipsis wrap="none" />
            </Group>
          );
        })}
        {detailed &&
          ideas.map((idea) => (
            <NoteShape
              key={idea.id}
              id={idea.id}
              rect={ideaLayout.ideas.get(idea.id)!}
              text={idea.text}
              fill="#ffffff"
              stroke={siteInk(siteIds, idea.siteId)}
              draggable={editable}
              onDragEnd={editable ? handleIdeaDragEnd : undefined}
              onSelect={editable && selectedNote ? handleIdeaSelect : undefined}
            />
          ))}
      </Layer>
      <Layer listening={false}>
        {state.links.map((link) => {
          const from = noteRects.get(link.noteId);
          const to = ideaLayout.ideas.get(link.ideaId);
          if (!from || !to) return null;
          return (
            <Arrow
              key={`${link.noteId}>${link.ideaId}`}
              points={[from.x + from.width / 2, from.y + from.height, to.x + to.width / 2, to.y]}
              stroke="#1f6feb"
              fill="#1f6feb"
              strokeWidth={3}
              opacity={0.7}
              pointerLength={12}
              pointerWidth={12}
            />
          );
        })}
        {!follow &&
          leaders.map((peer) => <Rect key={peer.clientId} {...peer.view!} stroke="#d1242f" strokeWidth={4} dash={[16, 8]} strokeScaleEnabled={false} />)}
      </Layer>
    </Stage>
  );
}
