import { describe, expect, it } from 'vitest';
import { buildResults, rankIdeas, type VoteTally } from './results';
import type { VoteRound } from './round';

const NOW = 1_700_000_000_000;
const round: VoteRound = {
  id: 'round-0000001',
  workshopId: 'w1',
  ideaIds: ['A', 'B', 'C'],
  budget: 3,
  stacking: false,
  capPerIdea: null,
  selfVote: true,
  results: 'live',
  closesAt: null,
  status: 'open',
  openedAt: NOW - 1000,
  closedAt: null,
  revealedAt: null,
  version: 7,
};
const closed: VoteRound = { ...round, status: 'closed', closedAt: NOW };
const sites = ['s1', 's2', 's3'];

describe('rankIdeas', () => {
  it('shows ties as ties (1, 1, 3) and keeps the ballot order inside a tie', () => {
    const totals = new Map([
      ['A', { digital: 2, paper: 0 }],
      ['B', { digital: 1, paper: 3 }],
      ['C', { digital: 1, paper: 0 }],
    ]);
    expect(rankIdeas(['A', 'B', 'C'], totals).map(({ ideaId, rank, tied, total }) => ({ ideaId, rank, tied, total }))).toEqual([
      { ideaId: 'B', rank: 1, tied: false, total: 4 },
      { ideaId: 'A', rank: 2, tied: false, total: 2 },
      { ideaId: 'C', rank: 3, tied: false, total: 1 },
    ]);
    const tied = rankIdeas(
      ['A', 'B', 'C'],
      new Map([
        ['A', { digital: 2, paper: 0 }],
        ['C', { digital: 2, paper: 0 }],
      ]),
    );
    expect(tied.map((row) => [row.ideaId, row.rank, row.tied])).toEqual([
      ['A', 1, true],
      ['C', 1, true],
      ['B', 3, false],
    ]);
  });
});

describe('buildResults', () => {
  const bigTally: VoteTally = {
    digital: [
      { siteId: 's1', ideaId: 'A', count: 3 },
      { siteId: 's1', ideaId: 'B', count: 1 },
      { siteId: 's2', ideaId: 'C', count: 4 },
    ],
    voters: [
      { siteId: 's1', phone: 3, kiosk: 0 },
      { siteId: 's2', phone: 1, kiosk: 2 },
    ],
    paper: [{ siteId: 's3', ideaId: 'B', count: 5 }],
  };

  it('adds paper gommettes to the totals, labelled apart, and counts voters per site and kind', () => {
    const results = buildResults(round, sites, bigTally, 'public', NOW);
    expect(results.voters).toBe(6);
    expect(results.sites.find((site) => site.siteId === 's2')).toMatchObject({ voters: 3, phoneVoters: 1, kioskVoters: 2, ideas: { C: 4 } });
    expect(results.sites.find((site) => site.siteId === 's3')).toMatchObject({ voters: 0, paper: { B: 5 } });
    expect(results.ranking?.find((row) => row.ideaId === 'B')).toMatchObject({ digital: 1, paper: 5, total: 6, rank: 1 });
    expect(results.version).toBe(7);
    expect(results.closed).toBe(false);
  });

  it('merges a small site into the total while open when the pool of small sites is big enough', () => {
    const tally: VoteTally = {
      digital: [
        { siteId: 's1', ideaId: 'A', count: 3 },
        { siteId: 's2', ideaId: 'B', count: 2 },
        { siteId: 's3', ideaId: 'C', count: 1 },
      ],
      voters: [
        { siteId: 's1', phone: 3, kiosk: 0 },
        { siteId: 's2', phone: 2, kiosk: 0 },
        { siteId: 's3', phone: 1, kiosk: 0 },
      ],
      paper: [],
    };
    const results = buildResults(round, sites, tally, 'public', NOW);
    expect(results.sites.map((site) => [site.siteId, site.voters, site.ideas])).toEqual([
      ['s1', 3, { A: 3 }],
      ['s2', 2, null],
      ['s3', 1, null],
    ]);
    expect(results.ranking?.map((row) => row.total)).toEqual([3, 2, 1]);
  });

  it('counts a lone voter in the live totals at once and never splits any site, open or closed: the close adds nothing', () => {
    const tally: VoteTally = {
      digital: [
        { siteId: 's1', ideaId: 'A', count: 3 },
        { siteId: 's2', ideaId: 'C', count: 1 },
      ],
      voters: [
        { siteId: 's1', phone: 3, kiosk: 0 },
        { siteId: 's2', phone: 0, kiosk: 1 },
      ],
      paper: [],
    };
    const live = buildResults(round, sites, tally, 'public', NOW);
    expect(live.sites[1]).toMatchObject({ voters: 1, kioskVoters: 1, ideas: null });
    // Decision on issue 19: no hold-back. The lone gommette is in the live total, so s1's split
    // would give it away by subtraction: no site is shown apart while open either.
    expect(live.sites[0]?.ideas).toBeNull();
    expect(live.ranking?.find((row) => row.ideaId === 'C')?.total).toBe(1);
    const final = buildResults(closed, sites, tally, 'public', NOW);
    // Issue 19: the close used to show "s2 : C 1", the lone voter's ballot. Their gommette counts in
    // the total; with a pool of one voter no site is shown apart (s1's split would give it away too).
    expect(final.sites[1]?.ideas).toBeNull();
    expect(final.sites[0]?.ideas).toBeNull();
    expect(final.ranking?.find((row) => row.ideaId === 'C')?.total).toBe(1);
    // The close changes nothing a subtraction could read: same totals, same (absent) splits.
    expect(final.ranking).toEqual(live.ranking);
    expect(final.sites).toEqual(live.sites);
    expect(final.closed).toBe(true);
  });

  it('hides per-idea results from the public until closed and revealed, never from the facilitator', () => {
    const hidden = { ...round, results: 'hidden' as const };
    const open = buildResults(hidden, sites, bigTally, 'public', NOW);
    expect(open.ranking).toBeNull();
    expect(open.sites.every((site) => site.ideas === null && Object.keys(site.paper).length === 0)).toBe(true);
    expect(open.voters).toBe(6);
    expect(buildResults(hidden, sites, bigTally, 'facilitator', NOW).ranking).not.toBeNull();
    expect(buildResults({ ...hidden, status: 'closed', closedAt: NOW }, sites, bigTally, 'public', NOW).ranking).toBeNull();
    expect(buildResults({ ...hidden, status: 'closed', closedAt: NOW, revealedAt: NOW }, sites, bigTally, 'public', NOW).ranking).not.toBeNull();
  });

  it('counts a round past its closing time as closed', () => {
    expect(buildResults({ ...round, closesAt: NOW }, sites, bigTally, 'public', NOW).closed).toBe(true);
  });
});
