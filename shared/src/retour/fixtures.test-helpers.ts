import { DEFAULT_QUESTIONNAIRE, aggregateAnswers, type QuestionnaireAnswer } from '../questionnaire/questionnaire';
import type { VoteResults } from '../vote/results';
import type { BriefSources } from './brief';

/** A small workshop: two sites, a journey map with needs linked to ideas, a closed round, a matrix. */
export function sampleSources(): BriefSources {
  const idea = (id: string, text: string, siteId: string, extra: Partial<BriefSources['ideas'][number]> = {}) => ({
    id,
    text,
    siteId,
    tableId: 1,
    theme: null,
    hidden: false,
    mergedInto: null,
    createdAt: 1000,
    ...extra,
  });
  const vote: VoteResults = {
    roundId: 'round-1',
    version: 3,
    closed: true,
    voters: 7,
    sites: [
      { siteId: 'site-a', voters: 4, phoneVoters: 4, kioskVoters: 0, ideas: { 'idea-sac': 5, 'idea-douche': 2 }, paper: {} },
      { siteId: 'site-b', voters: 3, phoneVoters: 2, kioskVoters: 1, ideas: { 'idea-sac': 3 }, paper: { 'idea-sac': 1 } },
    ],
    ranking: [
      { ideaId: 'idea-sac', digital: 8, paper: 1, total: 9, rank: 1, tied: false },
      { ideaId: 'idea-douche', digital: 2, paper: 0, total: 2, rank: 2, tied: false },
    ],
  };
  return {
    workshop: {
      id: 'ws-1',
      question: 'Comment aider les personnes sans abri dans leur quotidien ?',
      purpose: 'choisir une solution que le centre fabriquera cette année',
    },
    sites: [
      { id: 'site-a', name: 'Centre social' },
      { id: 'site-b', name: 'Maraude' },
    ],
    ideas: [
      idea('idea-sac', 'Un sac à dos solide avec des poches', 'site-a', { createdAt: 500 }),
      idea('idea-douche', 'Des douches ouvertes le dimanche', 'site-b'),
      idea('idea-hidden', 'hors sujet', 'site-a', { hidden: true }),
      idea('idea-dup', 'sac à dos', 'site-b', { mergedInto: 'idea-sac' }),
    ],
    board: {
      persona: 'Karim, 45 ans, dort dehors depuis deux ans',
      steps: [
        { id: 'step-matin', label: 'Le matin' },
        { id: 'step-soir', label: 'Le soir' },
      ],
      rows: [
        { id: 'row-does', label: "Ce qu'elle fait", kind: 'does' },
        { id: 'row-needs', label: 'Ce dont elle a besoin', kind: 'needs' },
      ],
      notes: [
        { id: 'note-1', text: 'Garder ses affaires au sec', placement: { kind: 'cell', stepId: 'step-matin', rowId: 'row-needs' } },
        { id: 'note-2', text: 'Plie son duvet', placement: { kind: 'cell', stepId: 'step-matin', rowId: 'row-does' } },
        { id: 'note-3', text: 'Se laver', placement: { kind: 'cell', stepId: 'step-soir', rowId: 'row-needs' } },
        { id: 'note-4', text: 'libre', placement: { kind: 'free', x: 0, y: 0 } },
      ],
      links: [
        { noteId: 'note-1', ideaId: 'idea-sac' },
        { noteId: 'note-2', ideaId: 'idea-sac' },
      ],
    },
    vote,
    matrix: { axes: { easy: '', priority: '' }, placements: [{ ideaId: 'idea-sac', easy: 80, priority: 90 }] },
  };
}

export function answers(count: number, fill: Partial<QuestionnaireAnswer>): QuestionnaireAnswer[] {
  return Array.from({ length: count }, () => ({ scale: {}, learned: null, ageBand: null, gender: null, firstTime: null, ...fill }));
}

export const emptyQuestionnaire = aggregateAnswers(DEFAULT_QUESTIONNAIRE, []);
