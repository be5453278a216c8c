import type { Migration } from './migration';

/** Versions 100–199. */
export const VOTE_MIGRATIONS: ReadonlyArray<Migration> = [];
