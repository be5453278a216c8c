import { expect, type Page } from '@playwright/test';

/** What `window.__gommette.board()` gives (client/src/board/boardTestHook.ts). */
export interface BoardView {
  synced: boolean;
  persona: string;
  steps: string[];
  rows: string[];
  notes: Array<{ id: string; text: string; feeling: string | null; step: string | null; row: string | null }>;
  ideaCount: number;
  following: boolean;
}

/** Reads the board a page shows through the test hook (a locator cannot see into a canvas). */
export async function readBoardView(page: Page): Promise<BoardView | null> {
  return page.evaluate(() => ((window as unknown as { __gommette?: { board(): unknown } }).__gommette?.board() ?? null) as never);
}

/** Waits until the page's board satisfies `check`. */
export async function expectBoard(page: Page, check: (board: BoardView) => boolean, message: string): Promise<void> {
  await expect.poll(async () => {
    const board = await readBoardView(page);
    return board !== null && board.synced && check(board);
  }, { message, timeout: 15_000 }).toBe(true);
}
