import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, aggregateAnswers } from '../questionnaire/questionnaire';
import { figuresRows, participationFigures, participationFiguresSchema, sumSuppressed } from './figures';
import { answers, sampleSources } from './fixtures.test-helpers';

function figures() {
  const sources = sampleSources();
  const questionnaire = aggregateAnswers(DEFAULT_QUESTIONNAIRE, [
    ...answers(5, { ageBand: '12-15', gender: 'woman', firstTime: false, scale: { avis: 5 } }),
    ...answers(2, { ageBand: 'over-75', gender: 'man', firstTime: true, scale: { avis: 2 } }),
  ]);
  return participationFigures({
    sites: sources.sites,
    participants: { total: 9, bySite: { 'site-a': 6, 'site-b': 3 }, byTable: { '1': 5, '2': 4 }, assisted: 1, returning: 2 },
    ideas: sources.ideas.map((idea) => ({ ...idea, origin: idea.id === 'idea-douche' ? ('paper' as const) : ('phone' as const) })),
    vote: sources.vote,
    questionnaire,
  });
}

describe('participationFigures', () => {
  it('counts people, ideas, gommettes and questionnaire averages', () => {
    const result = figures();
    expect(participationFiguresSchema.parse(result)).toEqual(result);
    expect(result.participants.bySite).toEqual([
      { siteName: 'Centre social', count: 6 },
      { siteName: 'Maraude', count: 4 },
    ]); // 3 phones + the kiosk voter
    expect(result.participants.byTable).toEqual([
      { tableId: 1, count: 5 },
      { tableId: 2, count: 4 },
    ]);
    expect(result.ideas).toEqual({
      total: 2,
      bySite: [
        { siteName: 'Centre social', count: 1 },
        { siteName: 'Maraude', count: 1 },
      ],
      byOrigin: { phone: 1, assisted: 0, paper: 1 },
    });
    expect(result.gommettes).toEqual({ total: 11, paper: 1, voters: 7 });
    expect(result.questionnaire.averages[0]).toMatchObject({ id: 'avis', answers: 7, average: 4.1 });
  });

  it('suppresses self-declared groups below 5 people', () => {
    const result = figures();
    expect(result.questionnaire.ageBands['12-15']).toBe(5);
    expect(result.questionnaire.ageBands['over-75']).toBeNull();
    expect(result.questionnaire.genders).toMatchObject({ woman: 5, man: null, other: 0 });
    expect(result.returning).toEqual({ cards: 2, selfDeclared: 5 });
    const rows = figuresRows(result);
    expect(rows).toContainEqual(['age_band', 'over-75', '< 5']);
    expect(rows).toContainEqual(['gender', 'man', '< 5']);
    expect(rows).toContainEqual(['returning', 'participant_card', '2']);
  });

  it('counts kiosk voters as people at their site', () => {
    const sources = sampleSources();
    const siteIds = sources.sites.map((site) => site.id);
    const vote = sources.vote && {
      ...sources.vote,
      sites: sources.vote.sites.map((site) =>
        site.siteId === siteIds[1] ? { ...site, kioskVoters: 2, voters: site.voters + 2 } : { ...site, kioskVoters: 0 },
      ),
    };
    const result = participationFigures({
      sites: sources.sites,
      participants: { total: 6, bySite: { [siteIds[0] ?? '']: 6 }, byTable: {}, assisted: 0, returning: 0 },
      ideas: [],
      vote,
      questionnaire: aggregateAnswers(DEFAULT_QUESTIONNAIRE, []),
    });
    expect(result.participants.bySite[1]?.count).toBe(2);
    expect(result.participants.total).toBe(8);
  });

  it('sums raw counts across workshops before suppressing', () => {
    expect(sumSuppressed([3, 3])).toBe(6);
    expect(sumSuppressed([2, 2])).toBeNull();
    expect(sumSuppressed([0, 0])).toBe(0);
  });
});
