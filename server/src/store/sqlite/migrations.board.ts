import type { Migration } from './migration';

/** Versions 200–299. */
export const BOARD_MIGRATIONS: ReadonlyArray<Migration> = [];
