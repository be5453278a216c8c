import type { Mood } from '../domain/participant';

export const MAX_TABLES = 12;

/**
 * Tables are numbered from 1, and each has a colour the facilitator can put on the physical table.
 * The number is always shown with the colour (never colour alone).
 */
export const TABLE_COLOURS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'brown', 'grey', 'black', 'white', 'turquoise'] as const;
export type TableColour = (typeof TABLE_COLOURS)[number];

export function tableColour(table: number): TableColour {
  return TABLE_COLOURS[(table - 1) % TABLE_COLOURS.length]!;
}

export function isValidTable(table: number, tableCount: number): boolean {
  return Number.isInteger(table) && table >= 1 && table <= tableCount;
}

export interface Seat {
  id: string;
  siteId: string;
  mood: Mood;
}

/**
 * The "mix": deals people to tables so that each table gets a spread of sites and moods. People are
 * lined up by site, then mood, then dealt round-robin, so no table collects one site or one mood.
 */
export function mixTables(people: ReadonlyArray<Seat>, tableCount: number): Map<string, number> {
  const assignment = new Map<string, number>();
  if (tableCount < 1) return assignment;
  const ordered = [...people].sort((a, b) => a.siteId.localeCompare(b.siteId) || a.mood.localeCompare(b.mood) || a.id.localeCompare(b.id));
  ordered.forEach((person, index) => assignment.set(person.id, (index % tableCount) + 1));
  return assignment;
}
