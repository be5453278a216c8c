import type { VoteRound, VoteTally } from '@gommette/shared';
import { isSet, type Flag } from './coreRows';

/** A row of `vote_rounds` as both adapters read it back (booleans: see `Flag`), and the round it makes. */
export interface RoundRow {
  id: string;
  workshop_id: string;
  idea_ids: string;
  budget: number;
  stacking: Flag;
  cap_per_idea: number | null;
  self_vote: Flag;
  results: string;
  closes_at: number | null;
  status: string;
  opened_at: number;
  closed_at: number | null;
  revealed_at: number | null;
  version: number;
}

export const toRound = (row: RoundRow): VoteRound => ({
  id: row.id,
  workshopId: row.workshop_id,
  ideaIds: JSON.parse(row.idea_ids) as string[],
  budget: row.budget,
  stacking: isSet(row.stacking),
  capPerIdea: row.cap_per_idea,
  selfVote: isSet(row.self_vote),
  results: row.results === 'hidden' ? 'hidden' : 'live',
  closesAt: row.closes_at,
  status: row.status === 'closed' ? 'closed' : 'open',
  openedAt: row.opened_at,
  closedAt: row.closed_at,
  revealedAt: row.revealed_at,
  version: row.version,
});

/** A row of the tally's voter count: distinct voters of one kind at one site (both adapters' query). */
export interface VoterCountRow {
  siteId: string;
  kind: string;
  voters: number | string;
}

/** The voter counts per site and kind folded into one row per site (PostgreSQL gives counts as strings). */
export function votersBySite(counts: ReadonlyArray<VoterCountRow>): VoteTally['voters'] {
  const bySite = new Map<string, { siteId: string; phone: number; kiosk: number }>();
  for (const { siteId, kind, voters } of counts) {
    const site = bySite.get(siteId) ?? { siteId, phone: 0, kiosk: 0 };
    if (kind === 'phone' || kind === 'kiosk') site[kind] += Number(voters);
    bySite.set(siteId, site);
  }
  return [...bySite.values()];
}
