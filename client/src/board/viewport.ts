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
