import type Konva from 'konva';
import type { Rect } from '@gommette/shared/board';

/** The biggest side, in pixels, of an exported picture. */
const MAX_EXPORT_SIDE_PX = 8_000;

/**
 * The board as a PNG data URL at board resolution (1 unit = 1 px, less if that would be huge),
 * whatever the current pan and zoom. The brief export (issue 6) reuses this.
 */
export function boardPngDataUrl(stage: Konva.Stage, bounds: Rect, prepare?: () => () => void): string {
  const restore = prepare?.();
  try {
    const scale = stage.scaleX();
    const pixelRatio = Math.min(1 / scale, MAX_EXPORT_SIDE_PX / (Math.max(bounds.width, bounds.height) * scale));
    return stage.toDataURL({
      x: bounds.x * scale + stage.x(),
      y: bounds.y * scale + stage.y(),
      width: bounds.width * scale,
      height: bounds.height * scale,
      pixelRatio,
      mimeType: 'image/png',
    });
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
