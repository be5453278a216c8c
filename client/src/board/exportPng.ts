import type Konva from 'konva';
import type { Rect } from '@gommette/shared/board';

/** The biggest side, in pixels, of an exported picture. */
const MAX_EXPORT_SIDE_PX = 8_000;
/** White margin around the board, in board units. */
const PADDING = 24;

/**
 * The board as a PNG data URL at board resolution (1 unit = 1 px, less if that would be huge),
 * whatever the current pan and zoom. The brief export (issue 6) reuses this.
 */
export function boardPngDataUrl(stage: Konva.Stage, bounds: Rect, prepare?: () => () => void): string {
  const restore = prepare?.();
  try {
    const scale = stage.scaleX();
    const area = { x: bounds.x - PADDING, y: bounds.y - PADDING, width: bounds.width + 2 * PADDING, height: bounds.height + 2 * PADDING };
    const pixelRatio = Math.min(1 / scale, MAX_EXPORT_SIDE_PX / (Math.max(area.width, area.height) * scale));
    const drawn = stage.toCanvas({
      x: area.x * scale + stage.x(),
      y: area.y * scale + stage.y(),
      width: area.width * scale,
      height: area.height * scale,
      pixelRatio,
    });
    // On white, as on paper (the stage itself is transparent).
    const page = document.createElement('canvas');
    page.width = drawn.width;
    page.height = drawn.height;
    const context = page.getContext('2d');
    if (!context) return drawn.toDataURL('image/png');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, page.width, page.height);
    context.drawImage(drawn, 0, 0);
    return page.toDataURL('image/png');
  } finally {
    restore?.();
  }
}

/** Saves a data URL as a file through a temporary link. */
export function downloadDataUrl(dataUrl: string, filename: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
}
