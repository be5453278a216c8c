import { MIN_VOTERS_FOR_SITE_SPLIT } from './constants';
import { isRoundOpen, type VoteRound } from './round';

/** Aggregates read from the store: counts only, never who chose what. */
export interface VoteTally {
  /** Phone and kiosk gommettes not taken back, per site and idea. */
  digital: ReadonlyArray<{ siteId: string; ideaId: string; count: number }>;
  /** Distinct voters with at least one gommette, per site and kind. */
  voters: ReadonlyArray<{ siteId: string; phone: number; kiosk: number }>;
  /** Paper gommettes typed in by the facilitator, per site and idea. */
  paper: ReadonlyArray<{ siteId: string; ideaId: string; count: number }>;
}

export interface SiteResults {
  siteId: string;
  voters: number;
  phoneVoters: number;
  kioskVoters: number;
  /**
   * Digital gommettes per idea at this site. Null, in every state, when `splitSites` keeps the site
   * apart from no one (fewer than MIN_VOTERS_FOR_SITE_SPLIT voters, or small sites whose voters
   * together are fewer than that), or when results are hidden.
   */
  ideas: Record<string, number> | null;
  /** Paper gommettes per idea (typed in by the facilitator; already anonymous). */
  paper: Record<string, number>;
}

export interface IdeaResult {
  ideaId: string;
  digital: number;
  paper: number;
  total: number;
  /** 1 for the first; ideas with the same total share a rank (1, 1, 3). */
  rank: number;
  tied: boolean;
}

export interface VoteResults {
  roundId: string;
  /** The round's write counter when these were computed: a client keeps the newest. */
  version: number;
  closed: boolean;
  voters: number;
  sites: SiteResults[];
  /**
   * Ranking, best first; null when hidden from this audience. Every gommette counts in the totals
   * at once, in every state (open or closed): nothing is added at the close, so the closed totals
   * equal the last live ones and no difference between them says anything about a site.
   */
  ranking: IdeaResult[] | null;
}

export type ResultsAudience = 'facilitator' | 'public';

/** Standard competition ranking, ties shown as ties; ties keep the ballot's order. */
export function rankIdeas(ideaIds: ReadonlyArray<string>, totals: ReadonlyMap<string, { digital: number; paper: number }>): IdeaResult[] {
  const rows = ideaIds.map((ideaId, order) => {
    const found = totals.get(ideaId) ?? { digital: 0, paper: 0 };
    return { ideaId, digital: found.digital, paper: found.paper, total: found.digital + found.paper, order };
  });
  rows.sort((a, b) => b.total - a.total || a.order - b.order);
  const countByTotal = new Map<number, number>();
  for (const row of rows) countByTotal.set(row.total, (countByTotal.get(row.total) ?? 0) + 1);
  let rank = 0;
  let previous: number | null = null;
  return rows.map((row, index) => {
    if (row.total !== previous) rank = index + 1;
    previous = row.total;
    return { ideaId: row.ideaId, digital: row.digital, paper: row.paper, total: row.total, rank, tied: (countByTotal.get(row.total) ?? 0) > 1 };
  });
}

/** A site whose gommettes are pooled: it has voters, but fewer than MIN_VOTERS_FOR_SITE_SPLIT (or its split is already withheld). */
function isSmallSite(site: Pick<SiteResults, 'voters' | 'ideas'>): boolean {
  return site.voters > 0 && (site.ideas === null || site.voters < MIN_VOTERS_FOR_SITE_SPLIT);
}

/**
 * THE rule for per-site splits, in every state and every view (live results, projector, console,
 * phones, kiosk, briefs, figures, exports, the centre's data): which sites' gommettes may be shown
 * apart. A site with fewer than MIN_VOTERS_FOR_SITE_SPLIT voters is never split. Small sites'
 * gommettes are always in the totals, so when the small sites have fewer than that many voters
 * together, "total minus the other sites" would give them away: then no site is split at all,
 * open or closed. Sites without voters (paper only) show their anonymous paper counts.
 */
export function splitSites(sites: ReadonlyArray<Pick<SiteResults, 'siteId' | 'voters' | 'ideas'>>): Set<string> {
  const small = sites.filter(isSmallSite);
  const smallVoters = small.reduce((sum, site) => sum + site.voters, 0);
  if (small.length > 0 && smallVoters < MIN_VOTERS_FOR_SITE_SPLIT) return new Set();
  const smallIds = new Set(small.map((site) => site.siteId));
  return new Set(sites.filter((site) => !smallIds.has(site.siteId)).map((site) => site.siteId));
}

/** Whether this audience sees the per-idea results now. */
export function showsIdeaResults(round: VoteRound, audience: ResultsAudience, now: number): boolean {
  if (audience === 'facilitator' || round.results === 'live') return true;
  return !isRoundOpen(round, now) && round.revealedAt !== null;
}

/**
 * Results for an audience, with the privacy rules: per-site splits decided by `splitSites` in
 * every state, every gommette in the totals at once, hidden results hidden.
 */
export function buildResults(round: VoteRound, siteIds: ReadonlyArray<string>, tally: VoteTally, audience: ResultsAudience, now: number): VoteResults {
  const open = isRoundOpen(round, now);
  const ballot = new Set(round.ideaIds);
  const sites = new Map<string, SiteResults>();
  for (const siteId of siteIds) sites.set(siteId, { siteId, voters: 0, phoneVoters: 0, kioskVoters: 0, ideas: {}, paper: {} });
  for (const row of tally.voters) {
    const site = sites.get(row.siteId);
    if (!site) continue;
    site.phoneVoters += row.phone;
    site.kioskVoters += row.kiosk;
    site.voters = site.phoneVoters + site.kioskVoters;
  }
  for (const row of tally.digital) {
    const site = sites.get(row.siteId);
    if (!site?.ideas || !ballot.has(row.ideaId)) continue;
    site.ideas[row.ideaId] = (site.ideas[row.ideaId] ?? 0) + row.count;
  }
  for (const row of tally.paper) {
    const site = sites.get(row.siteId);
    if (!site || !ballot.has(row.ideaId) || row.count <= 0) continue;
    site.paper[row.ideaId] = (site.paper[row.ideaId] ?? 0) + row.count;
  }

  // Small sites are pooled in every state (open, closed, revealed, hidden) and always counted in
  // the totals; `splitSites` decides, the same way open or closed, which sites are shown apart.
  const siteRows = [...sites.values()];
  const split = splitSites(siteRows);
  const totals = new Map<string, { digital: number; paper: number }>();
  for (const site of siteRows) {
    for (const [ideaId, count] of Object.entries(site.ideas ?? {})) {
      const entry = totals.get(ideaId) ?? { digital: 0, paper: 0 };
      entry.digital += count;
      totals.set(ideaId, entry);
    }
    for (const [ideaId, count] of Object.entries(site.paper)) {
      const entry = totals.get(ideaId) ?? { digital: 0, paper: 0 };
      entry.paper += count;
      totals.set(ideaId, entry);
    }
    if (!split.has(site.siteId)) site.ideas = null;
  }

  const visible = showsIdeaResults(round, audience, now);
  const siteList = [...sites.values()].map((site) => (visible ? site : { ...site, ideas: null, paper: {} }));
  return {
    roundId: round.id,
    version: round.version,
    closed: !open,
    voters: siteList.reduce((sum, site) => sum + site.voters, 0),
    sites: siteList,
    ranking: visible ? rankIdeas(round.ideaIds, totals) : null,
  };
}
