import { tableColour, type TableColour } from '@gommette/shared';
/** Konva needs real colours: the site palette of base.css (`--site-color-N`), read once. */
const FALLBACK = ['#fff4a8', '#ffd6e0', '#d4f5d0', '#d3e9ff', '#ffe0c2', '#e6dcff'];
let palette: string[] | null = null;

export function sitePalette(): string[] {
  if (palette) return palette;
  const style = getComputedStyle(document.documentElement);
  palette = FALLBACK.map((fallback, index) => style.getPropertyValue(`--site-color-${index}`).trim() || fallback);
  return palette;
}

export function siteColor(siteIds: ReadonlyArray<string>, siteId: string | null): string {
  const colors = sitePalette();
  const index = siteId === null ? -1 : siteIds.indexOf(siteId);
  return index < 0 ? '#ffffff' : colors[index % colors.length]!;
}

/** A stronger tone of a site's colour for marks drawn on white (presence dots, borders). */
export const SITE_INK = ['#b59a00', '#c2185b', '#2e7d32', '#1565c0', '#e65100', '#5e35b1'];
export function siteInk(siteIds: ReadonlyArray<string>, siteId: string | null): string {
  const index = siteId === null ? -1 : siteIds.indexOf(siteId);
  return index < 0 ? '#444444' : SITE_INK[index % SITE_INK.length]!;
}

export const BOARD_INK = '#1f2430';
export const GRID_LINE = '#c9cdd6';
export const HEADER_FILL = '#eef1f6';

/** The tables' colours (as `.table-badge--*` in base.css), for notes drawn on the canvas. */
const TABLE_FILL: Record<TableColour, string> = {
  red: '#d32f2f',
  blue: '#1e63c6',
  green: '#2e8b3d',
  yellow: '#f5c400',
  purple: '#7b3fb5',
  orange: '#ef7b00',
  pink: '#ec6fa9',
  brown: '#7a4b25',
  grey: '#8c8c8c',
  black: '#111111',
  white: '#ffffff',
  turquoise: '#1aa6a6',
};
/** Colours light enough to need dark words on them. */
const LIGHT_TABLES: ReadonlySet<TableColour> = new Set(['yellow', 'white', 'pink', 'orange', 'grey']);

export function tableFill(table: number): { fill: string; ink: string; colour: TableColour } {
  const colour = tableColour(table);
  return { fill: TABLE_FILL[colour], ink: LIGHT_TABLES.has(colour) ? BOARD_INK : '#ffffff', colour };
}
