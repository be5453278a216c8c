import { MIN_VOTERS_FOR_SITE_SPLIT } from './constants';
import { isRoundOpen, type VoteRound } from './round';

/** A phone of a resident, or one person's turn at a site's shared tablet (the "borne"). */
export type VoterKind = 'phone' | 'kiosk';

/** Gommettes counted on a site's paper panel, typed in by the facilitator (replaces the last count). */
export interface PaperCount {
  siteId: string;
  counts: Record<string, number>;
  /** How many people voted on paper, when the facilitator knows it. */
  voters: number;
}

/** Aggregates read from the store: counts only, never who. */
export interface RoundTallies {
  /** Gommettes stuck (and not taken back) from phones and kiosks, per site and idea. */
  digital: ReadonlyArray<{ siteId: string; ideaId: string; count: number }>;
  /** Voters with at least one gommette stuck, per site and kind. */
  voters: ReadonlyArray<{ siteId: string; kind: VoterKind; count: number }>;
  paper: ReadonlyArray<PaperCount>;
}

/**
 * `shown`: counts per idea are in. `hidden`: the round hides results until it is closed and
 * revealed. `withheld`: fewer than MIN_VOTERS_FOR_SITE_SPLIT digital voters in the whole round
 * while it is open, so even the total would expose them.
 */
export type ResultsVisibility = 'shown' | 'hidden' | 'withheld';

export interface SiteResults {
  siteId: string;
  voters: { phone: number; kiosk: number; paper: number };
  /** Digital gommettes per idea; null while hidden, or merged into the total (small site, round open). */
  digital: Record<string, number> | null;
  /** Paper gommettes per idea; null while hidden. */
  paper: Record<string, number> | null;
}

export interface RankedIdea {
  ideaId: string;
  /** Competition ranking: two ideas tied first are both 1, the next is 3. */
  rank: number;
  total: number;
  /** The part of `total` counted on paper. */
  paper: number;
  tied: boolean;
}

/** What every screen, console, kiosk and phone receives: aggregates only. */
export interface RoundResults {
  roundId: string;
  /** The round's version these counts belong to: keep only the newest. */
  version: number;
  closed: boolean;
  visibility: ResultsVisibility;
  sites: SiteResults[];
  /** Every idea of the round, best first; empty unless `shown`. */
  ranking: RankedIdea[];
  /** Digital voters plus paper voters, over every site. */
  voters: number;
}

/** Ranks ideas by their totals, ties shared (1, 1, 3); equal totals keep the ballot order. */
export function rankIdeas(
  ideaIds: ReadonlyArray<string>,
  totals: Readonly<Record<string, number>>,
  paper: Readonly<Record<string, number>> = {},
): RankedIdea[] {
  const rows = ideaIds.map((ideaId, order) => ({ ideaId, order, total: totals[ideaId] ?? 0, paper: paper[ideaId] ?? 0 }));
  rows.sort((a, b) => b.total - a.total || a.order - b.order);
  const howMany = new Map<number, number>();
  for (const row of rows) howMany.set(row.total, (howMany.get(row.total) ?? 0) + 1);
  let rank = 0;
  return rows.map((row, index) => {
    if (index === 0 || rows[index - 1]!.total !== row.total) rank = index + 1;
    return { ideaId: row.ideaId, rank, total: row.total, paper: row.paper, tied: (howMany.get(row.total) ?? 0) > 1 };
  });
}

/**
 * Sites whose per-idea split stays merged into the total while the round is open: those with
 * 1 or 2 voters, and, while the merged group itself has fewer than the minimum (its split would be
 * the total minus the others), the smallest other sites too.
 */
export function mergedSites(votersBySite: ReadonlyMap<string, number>): Set<string> {
  const merged = new Set<string>();
  let group = 0;
  for (const [siteId, voters] of votersBySite) {
    if (voters > 0 && voters < MIN_VOTERS_FOR_SITE_SPLIT) {
      merged.add(siteId);
      group += voters;
    }
  }
  const others = [...votersBySite].filter(([siteId, voters]) => voters > 0 && !merged.has(siteId)).sort((a, b) => a[1] - b[1]);
  for (const [siteId, voters] of others) {
    if (group === 0 || group >= MIN_VOTERS_FOR_SITE_SPLIT) break;
    merged.add(siteId);
    group += voters;
  }
  return merged;
}

function visibilityOf(round: VoteRound, closed: boolean, digitalVoters: number): ResultsVisibility {
  if (!round.liveResults && (!closed || round.revealedAt === null)) return 'hidden';
  if (!closed && digitalVoters > 0 && digitalVoters < MIN_VOTERS_FOR_SITE_SPLIT) return 'withheld';
  return 'shown';
}

/** The public results of a round from its tallies, with the hiding and small-site rules applied. */
export function buildResults(round: VoteRound, siteIds: ReadonlyArray<string>, tallies: RoundTallies, now: number): RoundResults {
  const closed = !isRoundOpen(round, now);
  const inRound = new Set(round.ideaIds);
  const sites = new Map(siteIds.map((siteId) => [siteId, { phone: 0, kiosk: 0, digital: {} as Record<string, number>, paper: null as PaperCount | null }]));
  for (const row of tallies.voters) {
    const site = sites.get(row.siteId);
    if (site) site[row.kind] += row.count;
  }
  const totals: Record<string, number> = {};
  const paperTotals: Record<string, number> = {};
  for (const row of tallies.digital) {
    const site = sites.get(row.siteId);
    if (!site || !inRound.has(row.ideaId)) continue;
    site.digital[row.ideaId] = (site.digital[row.ideaId] ?? 0) + row.count;
    totals[row.ideaId] = (totals[row.ideaId] ?? 0) + row.count;
  }
  for (const count of tallies.paper) {
    const site = sites.get(count.siteId);
    if (!site) continue;
    site.paper = count;
    for (const [ideaId, n] of Object.entries(count.counts)) {
      if (!inRound.has(ideaId)) continue;
      totals[ideaId] = (totals[ideaId] ?? 0) + n;
      paperTotals[ideaId] = (paperTotals[ideaId] ?? 0) + n;
    }
  }

  const digitalVoters = new Map([...sites].map(([siteId, site]) => [siteId, site.phone + site.kiosk]));
  const digitalTotal = [...digitalVoters.values()].reduce((sum, n) => sum + n, 0);
  const paperVoters = [...sites.values()].reduce((sum, site) => sum + (site.paper?.voters ?? 0), 0);
  const visibility = visibilityOf(round, closed, digitalTotal);
  const shown = visibility === 'shown';
  const merged = closed ? new Set<string>() : mergedSites(digitalVoters);

  return {
    roundId: round.id,
    version: round.version,
    closed,
    visibility,
    sites: [...sites].map(([siteId, site]) => ({
      siteId,
      voters: { phone: site.phone, kiosk: site.kiosk, paper: site.paper?.voters ?? 0 },
      digital: shown && !merged.has(siteId) ? site.digital : null,
      paper: shown ? pick(site.paper?.counts ?? {}, inRound) : null,
    })),
    ranking: shown ? rankIdeas(round.ideaIds, totals, paperTotals) : [],
    voters: digitalTotal + paperVoters,
  };
}

function pick(counts: Readonly<Record<string, number>>, keep: ReadonlySet<string>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([ideaId]) => keep.has(ideaId)));
}
