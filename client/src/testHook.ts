import type { IdeaView } from '@gommette/shared';
import { useEffect } from 'react';

/**
 * Test-only read hook for the end-to-end tests: `window.__gommette` describes the view that is
 * mounted (the ideas it knows, whether its socket is connected). Read-only, no secrets; it is
 * exposed in every build on purpose so the Playwright specs can run against the production
 * bundle. Removed when the view unmounts.
 */
export interface GommetteTestHook {
  ideas(): IdeaView[];
  connected(): boolean;
  /** The board this page shows, if it shows one (see board/boardTestHook.ts). */
  board(): unknown;
}

/** Set by a mounted board view; read through `window.__gommette.board()`. */
let boardReader: (() => unknown) | null = null;
export function setBoardTestReader(reader: (() => unknown) | null): void {
  boardReader = reader;
}

declare global {
  interface Window {
    __gommette?: GommetteTestHook;
  }
}

export function useTestHook(ideas: IdeaView[], connected: boolean): void {
  useEffect(() => {
    const hook: GommetteTestHook = { ideas: () => ideas.map((idea) => ({ ...idea })), connected: () => connected, board: () => boardReader?.() ?? null };
    window.__gommette = hook;
    return () => {
      if (window.__gommette === hook) delete window.__gommette;
    };
  }, [ideas, connected]);
}
