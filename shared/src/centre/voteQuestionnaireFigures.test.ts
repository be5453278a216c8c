import { describe, expect, it } from 'vitest';
import type { QuestionnaireAnswer } from '../questionnaire/questionnaire';
import type { VoteResults } from '../vote/results';
import { SUPPRESSED, centreFigures, territoryFigures, type WorkshopFigures } from './figures';
import { pooledQuestionnaire, workshopVoteFigures } from './voteQuestionnaireFigures';

const sites = [
  { id: 's1', name: 'Centre social' },
  { id: 's2', name: 'Maraude' },
  { id: 's3', name: 'Médiathèque' },
];

function results(voters: [number, number, number]): VoteResults {
  return {
    roundId: 'r',
    version: 1,
    closed: true,
    voters: voters[0] + voters[1] + voters[2],
    sites: [
      { siteId: 's1', voters: voters[0], phoneVoters: voters[0], kioskVoters: 0, ideas: { a: voters[0] * 2 }, paper: {} },
      { siteId: 's2', voters: voters[1], phoneVoters: voters[1], kioskVoters: 0, ideas: { a: voters[1], b: voters[1] }, paper: { b: 2 } },
      { siteId: 's3', voters: voters[2], phoneVoters: voters[2], kioskVoters: 0, ideas: { b: voters[2] * 2 }, paper: {} },
    ],
    ranking: [
      { ideaId: 'a', digital: voters[0] * 2 + voters[1], paper: 0, total: voters[0] * 2 + voters[1], rank: 1, tied: false },
      { ideaId: 'b', digital: voters[1] + voters[2] * 2, paper: 2, total: voters[1] + voters[2] * 2 + 2, rank: 2, tied: false },
    ],
  };
}

const answer = (scale: Record<string, 1 | 2 | 3 | 4 | 5>, extra: Partial<QuestionnaireAnswer> = {}): QuestionnaireAnswer => ({
  scale,
  learned: 'mon prénom est Awa',
  ageBand: null,
  gender: null,
  firstTime: null,
  ...extra,
});

describe('vote figures of the centre view', () => {
  it('gives gommettes and voters per site, with a site below 3 voters not shown apart', () => {
    const figures = workshopVoteFigures(results([6, 4, 3]), sites)!;
    expect(figures).toMatchObject({ voters: 13, paper: 2 });
    expect(figures.bySite).toEqual([
      { siteName: 'Centre social', voters: 6, gommettes: 12 },
      { siteName: 'Maraude', voters: 4, gommettes: 10 },
      { siteName: 'Médiathèque', voters: 3, gommettes: 6 },
    ]);
    // One small site alone would be given away by "total minus the others": no site is shown apart.
    expect(workshopVoteFigures(results([6, 4, 1]), sites)!.bySite.map((site) => site.gommettes)).toEqual([null, null, null]);
    // Two small sites with 3 voters together: they are hidden, the others shown.
    expect(workshopVoteFigures(results([6, 2, 1]), sites)!.bySite.map((site) => site.gommettes)).toEqual([12, null, null]);
    expect(workshopVoteFigures(null, sites)).toBeNull();
  });
});

describe('questionnaire figures of the centre view', () => {
  it('pools answers by question text across workshops and suppresses self-declared groups after summing', () => {
    const pooled = pooledQuestionnaire([
      {
        questions: [
          { id: 'avis', text: "J'ai pu donner mon avis" },
          { id: 'anim', text: "L'animation m'a plu" },
        ],
        answers: [
          answer({ avis: 5, anim: 3 }, { ageBand: '61-75' }),
          answer({ avis: 4 }, { ageBand: '61-75' }),
          answer({ avis: 3 }, { ageBand: '61-75', gender: 'woman' }),
        ],
      },
      {
        // Another workshop, the same question under another id (a template copied elsewhere).
        questions: [
          { id: 'q-avis', text: "j'ai pu donner  mon avis" },
          { id: 'appris', text: "J'ai appris quelque chose" },
        ],
        answers: [
          answer({ 'q-avis': 5, appris: 4 }, { ageBand: '61-75' }),
          answer({ 'q-avis': 2 }, { ageBand: '61-75' }),
          answer({ appris: 5 }, { ageBand: '18-25' }),
        ],
      },
    ]);
    expect(pooled.responses).toBe(6);
    expect(pooled.questions.map((q) => [q.text, q.answers, q.average])).toEqual([
      ["J'ai pu donner mon avis", 5, 3.8],
      ["L'animation m'a plu", 1, 3],
      ["J'ai appris quelque chose", 2, 4.5],
    ]);
    expect(pooled.questions[0]!.counts).toEqual({ 1: 0, 2: 1, 3: 1, 4: 1, 5: 2 });
    // 3 + 2 people aged 61–75 in two workshops: 5, shown; 1 aged 18–25 and 1 woman: hidden.
    expect(pooled.ageBands['61-75']).toBe(5);
    expect(pooled.ageBands['18-25']).toBeNull();
    expect(pooled.genders.woman).toBeNull();
    expect(JSON.stringify(pooled)).not.toContain('Awa');
  });

  it('adds questionnaires and votes up in the centre figures and the territory, small groups suppressed', () => {
    const line = (id: string, votes: WorkshopFigures['votes']): WorkshopFigures => ({
      workshopId: id,
      title: id,
      createdAt: 1,
      participants: 10,
      bySite: {},
      byTable: {},
      assisted: 0,
      ideas: 5,
      votes,
      questionnaire: { responses: 0, averages: [] },
    });
    const question = [{ id: 'avis', text: "J'ai pu donner mon avis" }];
    const big = centreFigures(
      [line('a', workshopVoteFigures(results([6, 4, 3]), sites)), line('b', null)],
      [{ questions: question, answers: Array.from({ length: 6 }, () => answer({ avis: 4 })) }],
    );
    expect(big.votes).toEqual({ rounds: 1, gommettes: 28, paper: 2, voters: 13, votersBySite: { 'Centre social': 6, Maraude: 4, Médiathèque: 3 } });
    const small = centreFigures(
      [line('c', workshopVoteFigures(results([2, 1, 0]), sites))],
      [{ questions: question, answers: [answer({ avis: 1 }), answer({ avis: 2 })] }],
    );
    const territory = territoryFigures([
      { name: 'Grand', town: 'Lille', figures: big },
      { name: 'Petit', town: 'Lille', figures: small },
    ]);
    expect(territory).toMatchObject({ voters: '≥ 13', responses: '≥ 6' });
    expect(territory.perCentre.map((c) => [c.name, c.voters, c.gommettes, c.responses])).toEqual([
      ['Grand', 13, 28, 6],
      ['Petit', SUPPRESSED, 8, SUPPRESSED],
    ]);
    // 8 answers in all to the same question: its average is over everyone; one answered alone stays hidden.
    expect(territory.questions).toEqual([{ text: "J'ai pu donner mon avis", answers: 8, average: 3.4 }]);
    const lonely = territoryFigures([{ name: 'Petit', town: 'Lille', figures: small }]);
    expect(lonely.questions).toEqual([{ text: "J'ai pu donner mon avis", answers: SUPPRESSED, average: null }]);
  });
});
