import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain/errors';
import {
  addNews,
  briefSchema,
  briefTraces,
  buildBrief,
  editBrief,
  setBriefStatus,
  siteGommettes,
  splitSites,
  topOfRound,
  type Brief,
  type TraceSource,
} from './brief';
import { sampleSources } from './fixtures.test-helpers';

function built(ideaIds = ['idea-sac']): Brief {
  const brief = buildBrief(sampleSources(), { id: 'brief-1', title: ' Le sac à dos ', ideaIds }, 5000);
  if (isDomainError(brief)) throw new Error(brief.message);
  return brief;
}

/** Resolves a trace against the sources: every pre-filled element must point to something real. */
function resolve(source: TraceSource): string | number | undefined {
  const sources = sampleSources();
  switch (source.kind) {
    case 'workshop':
      return source.field === 'title' ? undefined : sources.workshop[source.field];
    case 'journey':
      return sources.board?.persona;
    case 'journey-note': {
      const note = sources.board?.notes.find((candidate) => candidate.id === source.noteId);
      if (!note || note.placement.kind !== 'cell' || note.placement.stepId !== source.stepId || note.placement.rowId !== source.rowId) return undefined;
      return note.text;
    }
    case 'idea':
      return sources.ideas.find((idea) => idea.id === source.ideaId)?.text;
    case 'vote':
      return sources.vote?.roundId === source.roundId ? sources.vote.ranking?.find((row) => row.ideaId === source.ideaId)?.total : undefined;
    case 'matrix': {
      const placement = sources.matrix.placements.find((candidate) => candidate.ideaId === source.ideaId);
      return placement ? `${placement.easy}/${placement.priority}` : undefined;
    }
  }
}

describe('buildBrief', () => {
  it('pre-fills question, purpose, persona, needs, ideas with votes per site and matrix', () => {
    const brief = built();
    expect(briefSchema.parse(brief)).toEqual(brief);
    expect(brief.title).toBe('Le sac à dos');
    expect(brief.prefilled.question.text).toContain('sans abri');
    expect(brief.prefilled.persona?.text).toContain('Karim');
    const idea = brief.prefilled.ideas[0]!;
    expect(idea.votes).toMatchObject({ total: 9, paper: 1, rank: 1, closed: true });
    expect(idea.votes?.bySite).toEqual([
      { siteName: 'Centre social', gommettes: 5 },
      { siteName: 'Maraude', gommettes: 4 },
    ]);
    expect(idea.matrix).toMatchObject({ easy: 80, priority: 90, easyAndPriority: true });
    expect(brief.status).toBe('chosen');
    expect(brief.timeline.map((entry) => entry.status)).toEqual(['idea', 'chosen']);
    expect(brief.timeline[0]?.at).toBe(500);
  });

  it('keeps every pre-filled element traced to its source', () => {
    const brief = built(['idea-sac', 'idea-douche']);
    const traces = briefTraces(brief);
    expect(traces.length).toBeGreaterThan(6);
    for (const trace of traces) {
      const found = resolve(trace.source);
      expect(found, JSON.stringify(trace.source)).toBeDefined();
      expect(String(found)).toBe(trace.label);
    }
  });

  it('takes needs rows by step, and any note linked to a chosen idea', () => {
    const brief = built();
    expect(brief.prefilled.needsBySteps).toEqual([
      {
        stepId: 'step-matin',
        stepLabel: 'Le matin',
        needs: [
          {
            text: 'Garder ses affaires au sec',
            rowLabel: 'Ce dont elle a besoin',
            ideaIds: ['idea-sac'],
            source: { kind: 'journey-note', noteId: 'note-1', stepId: 'step-matin', rowId: 'row-needs' },
          },
          {
            text: 'Plie son duvet',
            rowLabel: "Ce qu'elle fait",
            ideaIds: ['idea-sac'],
            source: { kind: 'journey-note', noteId: 'note-2', stepId: 'step-matin', rowId: 'row-needs'.replace('needs', 'does') },
          },
        ],
      },
      { stepId: 'step-soir', stepLabel: 'Le soir', needs: [expect.objectContaining({ text: 'Se laver', ideaIds: [] })] },
    ]);
  });

  it('never contains an author', () => {
    expect(JSON.stringify(built())).not.toMatch(/participant/i);
  });

  it('refuses hidden, merged or unknown ideas, an empty title and no idea', () => {
    for (const ideaIds of [['idea-hidden'], ['idea-dup'], ['nope'], []]) {
      expect(isDomainError(buildBrief(sampleSources(), { id: 'b', title: 'x', ideaIds }, 1))).toBe(true);
    }
    expect(isDomainError(buildBrief(sampleSources(), { id: 'b', title: '  ', ideaIds: ['idea-sac'] }, 1))).toBe(true);
  });

  it('works without a board, a round or a matrix', () => {
    const sources = { ...sampleSources(), board: null, vote: null, matrix: { axes: { easy: '', priority: '' }, placements: [] } };
    const brief = buildBrief(sources, { id: 'b', title: 'x', ideaIds: ['idea-douche'] }, 1);
    if (isDomainError(brief)) throw new Error(brief.message);
    expect(brief.prefilled.persona).toBeNull();
    expect(brief.prefilled.needsBySteps).toEqual([]);
    expect(brief.prefilled.ideas[0]).toMatchObject({ votes: null, matrix: null });
  });

  it('topOfRound gives the ideas sharing rank 1', () => {
    expect(topOfRound(sampleSources().vote)).toEqual(['idea-sac']);
    expect(topOfRound(null)).toEqual([]);
  });
});

describe('editing a brief', () => {
  it('normalises fields and drops empty next steps', () => {
    const edited = editBrief(
      built(),
      {
        solution: ' Un sac\nsolide ',
        nextSteps: [
          { text: 'Acheter', owner: 'Équipe', date: '2027-03-01' },
          { text: ' ', owner: '', date: null },
        ],
      },
      6000,
    );
    if (isDomainError(edited)) throw new Error(edited.message);
    expect(edited.fields.solution).toBe('Un sac\nsolide');
    expect(edited.fields.nextSteps).toEqual([{ text: 'Acheter', owner: 'Équipe', date: '2027-03-01' }]);
    expect(edited.updatedAt).toBe(6000);
  });

  it('records status changes on the timeline; abandoning needs a reason', () => {
    const building = setBriefStatus(built(), { status: 'building' }, 7000);
    if (isDomainError(building)) throw new Error(building.message);
    expect(building.timeline.at(-1)).toEqual({ status: 'building', at: 7000, reason: null });
    expect(isDomainError(setBriefStatus(building, { status: 'abandoned' }, 8000))).toBe(true);
    const abandoned = setBriefStatus(building, { status: 'abandoned', reason: 'Pas de budget' }, 8000);
    expect(isDomainError(abandoned) ? null : abandoned.timeline.at(-1)?.reason).toBe('Pas de budget');
  });

  it('adds news items, refusing empty ones', () => {
    const withNews = addNews(built(), { id: 'n1', text: ' Le sac est en test ' }, 9000);
    expect(isDomainError(withNews) ? null : withNews.news).toEqual([{ id: 'n1', text: 'Le sac est en test', at: 9000 }]);
    expect(isDomainError(addNews(built(), { id: 'n2', text: ' ' }, 9000))).toBe(true);
  });
});

describe('gommettes per site in briefs and exports', () => {
  const site = (siteId: string, voters: number, paper: Record<string, number> = {}) => ({
    siteId,
    voters,
    phoneVoters: voters,
    kioskVoters: 0,
    ideas: { i: voters },
    paper,
  });

  it('shows every site apart when each has enough voters', () => {
    expect([...splitSites([site('a', 3), site('b', 5)])]).toEqual(['a', 'b']);
  });

  it('hides no one by subtraction: a lone voter hides every split', () => {
    expect(splitSites([site('a', 1), site('b', 5)]).size).toBe(0);
  });

  it('leaves small sites out when they are enough together', () => {
    expect([...splitSites([site('a', 2), site('b', 2), site('c', 6)])]).toEqual(['c']);
    const shown = splitSites([site('a', 2), site('b', 2), site('c', 6)]);
    expect(siteGommettes(site('a', 2), shown, 'i')).toBeNull();
    expect(siteGommettes(site('c', 6, { i: 2 }), shown, 'i')).toBe(8);
  });

  it('keeps paper-only sites (already anonymous)', () => {
    const shown = splitSites([site('a', 0, { i: 4 }), site('b', 3)]);
    expect(siteGommettes(site('a', 0, { i: 4 }), shown, 'i')).toBe(4);
  });

  it('a brief from a round with a lone voter at a site shows totals only', () => {
    const sources = sampleSources();
    const vote = sources.vote!;
    const lone = { ...sources, vote: { ...vote, sites: [vote.sites[0]!, { ...vote.sites[1]!, voters: 1, phoneVoters: 1, kioskVoters: 0 }] } };
    const brief = buildBrief(lone, { id: 'b', title: 'x', ideaIds: ['idea-sac'] }, 1);
    if (isDomainError(brief)) throw new Error(brief.message);
    expect(brief.prefilled.ideas[0]?.votes).toMatchObject({
      total: 9,
      bySite: [
        { siteName: 'Centre social', gommettes: null },
        { siteName: 'Maraude', gommettes: null },
      ],
    });
  });
});
