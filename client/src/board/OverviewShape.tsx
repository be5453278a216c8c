import { memo } from 'react';
import { Shape } from 'react-konva';
import type { Rect as Box } from '@gommette/shared/board';

export interface OverviewBatch {
  fill: string;
  stroke: string | null;
  rects: Box[];
}

/**
 * Zoomed out, notes are too small to read or grab: all of them are drawn by one shape, one
 * canvas call per rectangle and one style change per colour, instead of thousands of nodes.
 */
export const OverviewShape = memo(function OverviewShape({ batches }: { batches: ReadonlyArray<OverviewBatch> }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        for (const batch of batches) {
          ctx.fillStyle = batch.fill;
          for (const rect of batch.rects) ctx.fillRect(rect.x, rect.y, rect.width, rect.height);
          if (batch.stroke) {
            ctx.strokeStyle = batch.stroke;
            ctx.lineWidth = 2;
            for (const rect of batch.rects) ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);
          }
        }
      }}
    />
  );
});
