import type { Migration } from './migration';

/** Versions 2–99 (after the core's 1). */
export const ANIMATION_MIGRATIONS: ReadonlyArray<Migration> = [];
