import { describe, expect, it } from 'vitest';
import { MIN_VOTERS_FOR_SITE_SPLIT } from './constants';
import { buildResults, splitSites, type ResultsAudience, type VoteTally } from './results';
import type { VoteRound } from './round';

/**
 * Issue 19, defect 1: a site with fewer than MIN_VOTERS_FOR_SITE_SPLIT voters never has a per-site
 * split, in any state, for any audience, and no difference of shown numbers gives its ballots away.
 * Walks every audience × state × site sizes (0, 1, 2, 3, many) for three sites, and compares each
 * live result with the closed result of the same ballots (no hold-back: the close adds nothing).
 */
const NOW = 1_700_000_000_000;
const IDEAS = ['A', 'B', 'C'];
const SITES = ['s1', 's2', 's3'];
const SIZES = [0, 1, 2, 3, 7];
const AUDIENCES: ResultsAudience[] = ['facilitator', 'public'];

const base: VoteRound = {
  id: 'round-0000001',
  workshopId: 'w1',
  ideaIds: IDEAS,
  budget: 2,
  stacking: false,
  capPerIdea: null,
  selfVote: true,
  results: 'live',
  closesAt: null,
  status: 'open',
  openedAt: NOW - 1000,
  closedAt: null,
  revealedAt: null,
  version: 1,
};
const STATES: Record<string, VoteRound> = {
  open: base,
  closed: { ...base, status: 'closed', closedAt: NOW },
  revealed: { ...base, status: 'closed', closedAt: NOW, revealedAt: NOW },
  hiddenOpen: { ...base, results: 'hidden' },
  hiddenClosed: { ...base, results: 'hidden', status: 'closed', closedAt: NOW },
};

/** Each voter puts one or two gommettes, on ideas that differ from site to site, so a split would be telling. */
function tallyFor(sizes: ReadonlyArray<number>): { tally: VoteTally; truth: Map<string, Map<string, number>> } {
  const truth = new Map<string, Map<string, number>>();
  const voters: VoteTally['voters'][number][] = [];
  sizes.forEach((size, siteIndex) => {
    const siteId = SITES[siteIndex]!;
    const counts = new Map<string, number>();
    for (let voter = 0; voter < size; voter++) {
      const first = IDEAS[(voter + siteIndex) % IDEAS.length]!;
      counts.set(first, (counts.get(first) ?? 0) + 1);
      if (voter % 2 === 1) {
        const second = IDEAS[(voter + siteIndex + 1) % IDEAS.length]!;
        counts.set(second, (counts.get(second) ?? 0) + 1);
      }
    }
    truth.set(siteId, counts);
    if (size > 0) voters.push({ siteId, phone: size - Math.floor(size / 2), kiosk: Math.floor(size / 2) });
  });
  const digital = [...truth.entries()].flatMap(([siteId, counts]) => [...counts.entries()].map(([ideaId, count]) => ({ siteId, ideaId, count })));
  return { tally: { digital, voters, paper: [{ siteId: 's3', ideaId: 'A', count: 2 }] }, truth };
}

const cases: Array<{ sizes: number[]; state: string; audience: ResultsAudience }> = [];
for (const a of SIZES)
  for (const b of SIZES)
    for (const c of SIZES) for (const state of Object.keys(STATES)) for (const audience of AUDIENCES) cases.push({ sizes: [a, b, c], state, audience });

describe('per-site splits, every audience × state × site sizes', () => {
  it(`never shows or lets anyone derive a small site's split (${cases.length} cases)`, () => {
    const failures: string[] = [];
    for (const { sizes, state, audience } of cases) {
      const { tally, truth } = tallyFor(sizes);
      const results = buildResults(STATES[state]!, SITES, tally, audience, NOW);
      const label = `${audience} ${state} sizes=${sizes.join(',')}`;
      const small = new Set(SITES.filter((_, index) => sizes[index]! > 0 && sizes[index]! < MIN_VOTERS_FOR_SITE_SPLIT));

      // 1. Read directly: no split for a small site, here nor in what briefs, figures and exports derive (`splitSites`).
      for (const site of results.sites) if (small.has(site.siteId) && site.ideas !== null) failures.push(`${label}: ${site.siteId} split shown`);
      for (const siteId of splitSites(results.sites)) if (small.has(siteId)) failures.push(`${label}: ${siteId} split in briefs/exports`);

      // 2. Derived: digital total minus the shown splits is what the unshown sites put in the total;
      // it must come from nobody, or from at least MIN_VOTERS_FOR_SITE_SPLIT voters together.
      if (results.ranking === null) continue;
      const unshown = results.sites.filter((site) => site.ideas === null);
      const unshownVoters = unshown.reduce((sum, site) => sum + site.voters, 0);
      let residualTotal = 0;
      for (const row of results.ranking) {
        const shown = results.sites.reduce((sum, site) => sum + (site.ideas?.[row.ideaId] ?? 0), 0);
        const residual = row.digital - shown;
        if (residual < 0) failures.push(`${label}: negative residual on ${row.ideaId}`);
        residualTotal += residual;
      }
      const unshownTruth = unshown.reduce((sum, site) => sum + [...(truth.get(site.siteId)?.values() ?? [])].reduce((a, b) => a + b, 0), 0);
      if (residualTotal !== 0 && residualTotal !== unshownTruth) failures.push(`${label}: partial residual ${residualTotal} of ${unshownTruth}`);
      const pooledInTotal = residualTotal > 0 ? unshownVoters : 0;
      const wholeRoom = unshown.length === results.sites.length;
      if (pooledInTotal > 0 && pooledInTotal < MIN_VOTERS_FOR_SITE_SPLIT && !wholeRoom) {
        failures.push(`${label}: total minus shown splits gives away ${pooledInTotal} voter(s)`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows no difference between a live result and the closed result of the same ballots (nothing held back, nothing added at the close)', () => {
    const failures: string[] = [];
    const closedStates = ['closed', 'revealed', 'hiddenClosed'];
    for (const a of SIZES)
      for (const b of SIZES)
        for (const c of SIZES)
          for (const audience of AUDIENCES) {
            const { tally } = tallyFor([a, b, c]);
            const allDigital = tally.digital.reduce((sum, row) => sum + row.count, 0);
            const live = [buildResults(STATES.open!, SITES, tally, audience, NOW), buildResults(STATES.hiddenOpen!, SITES, tally, audience, NOW)];
            const ended = closedStates.map((state) => buildResults(STATES[state]!, SITES, tally, audience, NOW));
            for (const shown of [...live, ...ended]) {
              if (shown.ranking === null) continue;
              // Every gommette is in the totals, small sites' too, in every state.
              const counted = shown.ranking.reduce((sum, row) => sum + row.digital, 0);
              if (counted !== allDigital) failures.push(`${audience} sizes=${a},${b},${c}: ${counted} of ${allDigital} gommettes in the totals`);
            }
            for (const before of live) {
              if (before.ranking === null) continue;
              for (const after of ended) {
                if (after.ranking === null) continue;
                const label = `${audience} sizes=${a},${b},${c}`;
                const totalAfter = new Map(after.ranking.map((row) => [row.ideaId, row.total]));
                for (const row of before.ranking)
                  if (totalAfter.get(row.ideaId) !== row.total)
                    failures.push(`${label}: ${row.ideaId} live ${row.total}, closed ${totalAfter.get(row.ideaId)}`);
                for (const [index, site] of before.sites.entries()) {
                  const closedSite = after.sites[index]!;
                  if (JSON.stringify(site.ideas) !== JSON.stringify(closedSite.ideas)) failures.push(`${label}: ${site.siteId} split differs live/closed`);
                  if (site.voters !== closedSite.voters) failures.push(`${label}: ${site.siteId} voters differ live/closed`);
                }
              }
            }
          }
    expect(failures).toEqual([]);
  });

  it('pools small sites and still splits big ones when the pool is big enough, at the close too', () => {
    const { tally } = tallyFor([7, 2, 1]);
    const results = buildResults(STATES.revealed!, SITES, tally, 'public', NOW);
    expect(results.sites.map((site) => site.ideas === null)).toEqual([false, true, true]);
    expect(results.ranking?.reduce((sum, row) => sum + row.digital, 0)).toBe(tally.digital.reduce((sum, row) => sum + row.count, 0));
  });
});
