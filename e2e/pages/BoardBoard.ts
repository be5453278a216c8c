import { expect, type Page } from '@playwright/test';

/** What `window.__gommette.board()` gives (client/src/board/boardTestHook.ts). */
export interface BoardView {
  synced: boolean;
  persona: string;
  steps: string[];
  rows: string[];
  notes: Array<{ id: string; text: string; feeling: string | null; step: string | null; row: string | null; rect: Box }>;
  cells: Array<{ step: string; row: string; rect: Box }>;
  viewport: Box | null;
  ideaCount: number;
  ideas: Array<{ id: string; text: string; rect: Box | null; cluster: string | null }>;
  clusters: Array<{ name: string; rect: Box | null }>;
  links: Array<{ note: string; idea: string }>;
  following: boolean;
  /** The matrix of the Sélection step, when the board draws it. */
  matrix: {
    frame: Box;
    /** The title drawn above it (follows renamed axes). */
    title: string;
    axes: { easy: string; priority: string };
    quadrants: Array<{ quadrant: MatrixQuadrant; rect: Box }>;
    notes: Array<{ ideaId: string; text: string; table: number | null; easy: number; priority: number; quadrant: MatrixQuadrant; rect: Box }>;
  } | null;
}

export type MatrixQuadrant = 'easy-priority' | 'hard-priority' | 'easy-later' | 'hard-later';

/** Reads the board a page shows through the test hook (a locator cannot see into a canvas). */
export async function readBoardView(page: Page): Promise<BoardView | null> {
  return page.evaluate(() => ((window as unknown as { __gommette?: { board(): unknown } }).__gommette?.board() ?? null) as never);
}

/** Waits until the page's board satisfies `check`. */
export async function expectBoard(page: Page, check: (board: BoardView) => boolean, message: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const board = await readBoardView(page);
        return board !== null && board.synced && check(board);
      },
      { message, timeout: 15_000 },
    )
    .toBe(true);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a board point is on the page (through the hook's viewport and the canvas's box). */
export async function pagePoint(page: Page, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const board = await readBoardView(page);
  const canvas = await page.getByTestId('board-canvas').locator('canvas').first().boundingBox();
  const view = board?.viewport;
  if (!canvas || !view) throw new Error('no board on screen');
  const scale = canvas.width / view.width;
  return { x: canvas.x + (point.x - view.x) * scale, y: canvas.y + (point.y - view.y) * scale };
}

/** Drags a note (by its text) to the centre of a cell, with the mouse, as on a laptop. */
export async function dragNoteToCell(page: Page, text: string, step: string, row: string): Promise<void> {
  const board = await readBoardView(page);
  if (!board) throw new Error('no board on screen');
  const note = board.notes.find((candidate) => candidate.text === text);
  const cell = board.cells.find((candidate) => candidate.step === step && candidate.row === row);
  if (!note || !cell) throw new Error(`no note "${text}" or cell ${step}/${row}`);
  const from = await pagePoint(page, { x: note.rect.x + note.rect.width / 2, y: note.rect.y + note.rect.height / 2 });
  const to = await pagePoint(page, { x: cell.rect.x + cell.rect.width / 2, y: cell.rect.y + cell.rect.height / 2 });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

const centre = (rect: Box) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

/** Drags whatever is at the centre of `from` to the centre of `to` (board rectangles). */
export async function dragOnBoard(page: Page, from: Box, to: Box): Promise<void> {
  const start = await pagePoint(page, centre(from));
  const end = await pagePoint(page, centre(to));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
}

/** Clicks the centre of a board rectangle. */
export async function clickOnBoard(page: Page, rect: Box): Promise<void> {
  const point = await pagePoint(page, centre(rect));
  await page.mouse.click(point.x, point.y);
}
