import type Konva from 'konva';
import { rectsOverlap, type BoardViewport, type Rect } from '@gommette/shared/board';

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;
/** Below this zoom, notes are drawn as plain coloured cards (text would not be readable). */
export const DETAIL_SCALE = 0.5;
/** …but only on boards with this many notes or more: smaller ones stay draggable at any zoom. */
export const OVERVIEW_MIN_NOTES = 800;

/** The part of the board the stage shows, in board units. */
export function stageView(stage: Konva.Stage): BoardViewport {
  const scale = stage.scaleX();
  return { x: -stage.x() / scale, y: -stage.y() / scale, width: stage.width() / scale, height: stage.height() / scale };
}

/** Shows `rect` centred with a small margin. */
export function fitStage(stage: Konva.Stage, rect: Rect, margin = 0.04): void {
  const scale = clampScale(Math.min(stage.width() / rect.width, stage.height() / rect.height) * (1 - 2 * margin));
  stage.scale({ x: scale, y: scale });
  stage.position({
    x: stage.width() / 2 - (rect.x + rect.width / 2) * scale,
    y: stage.height() / 2 - (rect.y + rect.height / 2) * scale,
  });
}

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zooms by `factor` keeping the board point under `pointer` where it is. */
export function zoomStage(stage: Konva.Stage, factor: number, pointer = { x: stage.width() / 2, y: stage.height() / 2 }): void {
  const old = stage.scaleX();
  const scale = clampScale(old * factor);
  const anchor = { x: (pointer.x - stage.x()) / old, y: (pointer.y - stage.y()) / old };
  stage.scale({ x: scale, y: scale });
  stage.position({ x: pointer.x - anchor.x * scale, y: pointer.y - anchor.y * scale });
}

/**
 * Hides the nodes of `layers` that are out of view (plus a margin), so a pan draws only what is
 * on screen. Each culled node carries its board size in `width`/`height` attributes.
 */
export function cullLayers(stage: Konva.Stage, layers: ReadonlyArray<Konva.Layer | null>): void {
  const view = stageView(stage);
  const margin = Math.max(view.width, view.height) * 0.05;
  const area = { x: view.x - margin, y: view.y - margin, width: view.width + 2 * margin, height: view.height + 2 * margin };
  for (const layer of layers) {
    if (!layer || !layer.visible()) continue;
    for (const node of layer.getChildren()) {
      if (!(node as Konva.Node).getAttr('cull')) continue;
      const visible = rectsOverlap(area, { x: node.x(), y: node.y(), width: node.width(), height: node.height() });
      if (node.visible() !== visible) node.visible(visible);
    }
  }
}

/** Makes every culled node visible again (before an export). */
export function uncullLayers(layers: ReadonlyArray<Konva.Layer | null>): void {
  for (const layer of layers) for (const node of layer?.getChildren() ?? []) if ((node as Konva.Node).getAttr('cull')) node.visible(true);
}

/**
 * The projector's text must be readable from the back of the room: at least this share of the
 * screen's height (16 px on a 1080-pixel screen, 11 px on a 720-pixel one: the same size once
 * projected on the same wall).
 */
export const READABLE_TEXT_SHARE = 0.015;
/** How long the projector shows each part of a board too big to be read at once. */
export const PAGE_MS = 12_000;

/**
 * How the projector shows `rect` on a `width`×`height` canvas with text of `fontSize` board units
 * at least `minTextPx` screen pixels high: the whole of it when it fits at a readable zoom, else a few parts of it (pages),
 * each at that zoom, together covering all of it, shown one after another. Pages go across,
 * then down (a journey is read along its steps), and overlap a little rather than cut a column
 * in two. Each page is a view in board units.
 */
export function readablePages(width: number, height: number, rect: Rect, fontSize: number, minTextPx: number, margin = 0.02): BoardViewport[] {
  if (width <= 0 || height <= 0 || rect.width <= 0 || rect.height <= 0) return [rect];
  const usable = 1 - 2 * margin;
  const fitScale = Math.min(width / rect.width, height / rect.height) * usable;
  const minScale = minTextPx / fontSize;
  if (fitScale >= minScale) return [rect];
  const scale = clampScale(minScale);
  // A page shows this much of the board (its margin included).
  const pageWidth = width / scale;
  const pageHeight = height / scale;
  const inner = { width: pageWidth * usable, height: pageHeight * usable };
  const columns = Math.max(1, Math.ceil(rect.width / inner.width));
  const rows = Math.max(1, Math.ceil(rect.height / inner.height));
  const starts = (from: number, size: number, page: number, count: number): number[] =>
    count === 1 ? [from + size / 2 - page / 2] : Array.from({ length: count }, (_, index) => from + ((size - page) * index) / (count - 1));
  const xs = starts(rect.x, rect.width, inner.width, columns);
  const ys = starts(rect.y, rect.height, inner.height, rows);
  const pages: BoardViewport[] = [];
  for (const y of ys) {
    for (const x of xs) {
      pages.push({ x: x - (pageWidth - inner.width) / 2, y: y - (pageHeight - inner.height) / 2, width: pageWidth, height: pageHeight });
    }
  }
  return pages;
}
