/**
 * Vote and questionnaire figures of the centre's view, from what each workshop's stores count.
 * Pure. Gommettes per site follow the vote's rule (`splitSites`: a site with fewer than 3 voters is
 * not shown apart, nor any site when the small ones together would be given away by subtraction);
 * self-declared groups (ages, genders, first time) pooled over workshops are suppressed below 5
 * after summing raw answers (`aggregateAnswers`), never before.
 */
import { normalizeText } from '../domain/text';
import {
  SCALE,
  aggregateAnswers,
  type AgeBand,
  type Gender,
  type QuestionnaireAnswer,
  type ScaleQuestion,
  type ScaleValue,
  type SuppressedCount,
} from '../questionnaire/questionnaire';
import { siteGommettes, splitSites } from '../retour/brief';
import type { VoteResults } from '../vote/results';

export interface WorkshopVoteFigures {
  gommettes: number;
  paper: number;
  voters: number;
  /** Per site: its voters, and its gommettes where the site is shown apart (null: fewer than 3 voters). */
  bySite: Array<{ siteName: string; voters: number; gommettes: number | null }>;
}

/** The last round of a workshop as counts; null before any round. */
export function workshopVoteFigures(results: VoteResults | null, sites: ReadonlyArray<{ id: string; name: string }>): WorkshopVoteFigures | null {
  if (!results) return null;
  const ranking = results.ranking ?? [];
  const shown = splitSites(results.sites);
  const nameOf = new Map(sites.map((site) => [site.id, site.name]));
  return {
    gommettes: ranking.reduce((sum, row) => sum + row.total, 0),
    paper: ranking.reduce((sum, row) => sum + row.paper, 0),
    voters: results.voters,
    bySite: results.sites.map((site) => ({
      siteName: nameOf.get(site.siteId) ?? '',
      voters: site.voters,
      gommettes: shown.has(site.siteId) ? ranking.reduce((sum, row) => sum + (siteGommettes(site, shown, row.ideaId) ?? 0), 0) : null,
    })),
  };
}

export interface QuestionnaireInput {
  questions: ReadonlyArray<ScaleQuestion>;
  answers: ReadonlyArray<QuestionnaireAnswer>;
}

export interface PooledQuestion {
  text: string;
  answers: number;
  /** Out of 5, one decimal; null without answers. */
  average: number | null;
  counts: Record<ScaleValue, number>;
}

export interface CentreQuestionnaireFigures {
  responses: number;
  /** Questions are matched by their text across workshops (templates keep it the same). */
  questions: PooledQuestion[];
  ageBands: Record<AgeBand, SuppressedCount>;
  genders: Record<Gender, SuppressedCount>;
  firstTime: { yes: SuppressedCount; no: SuppressedCount };
}

const textKey = (text: string) => normalizeText(text).toLocaleLowerCase('fr');

/**
 * Every answer of every workshop, pooled: each question by its text, then aggregated once, so a
 * self-declared group of 3 here and 3 there shows as 6, and a group of 4 in all stays hidden.
 * Free texts ("what I learned") stay in their workshop.
 */
export function pooledQuestionnaire(inputs: ReadonlyArray<QuestionnaireInput>): CentreQuestionnaireFigures {
  const keys = new Map<string, { id: string; text: string }>();
  for (const input of inputs) {
    for (const question of input.questions) {
      const key = textKey(question.text);
      if (!keys.has(key)) keys.set(key, { id: `q${keys.size + 1}`, text: question.text });
    }
  }
  const answers: QuestionnaireAnswer[] = [];
  for (const input of inputs) {
    const idOf = new Map(input.questions.map((question) => [question.id, keys.get(textKey(question.text))!.id]));
    for (const answer of input.answers) {
      const scale: Partial<Record<string, ScaleValue>> = {};
      for (const [id, value] of Object.entries(answer.scale)) {
        const pooledId = idOf.get(id);
        if (pooledId !== undefined && value !== undefined) scale[pooledId] = value;
      }
      answers.push({ ...answer, scale, learned: null });
    }
  }
  const results = aggregateAnswers({ questions: [...keys.values()], askLearned: false, askFigures: true }, answers);
  return {
    responses: results.responses,
    questions: results.questions.map((question) => ({ text: question.text, answers: question.answers, average: question.average, counts: question.counts })),
    ageBands: results.ageBands,
    genders: results.genders,
    firstTime: results.firstTime,
  };
}

/** Per-question sums over several pooled views (the territory), averages recomputed from the counts. */
export function mergePooledQuestions(lists: ReadonlyArray<ReadonlyArray<PooledQuestion>>): PooledQuestion[] {
  const merged = new Map<string, PooledQuestion>();
  for (const list of lists) {
    for (const question of list) {
      const key = textKey(question.text);
      const into = merged.get(key) ?? { text: question.text, answers: 0, average: null, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
      into.answers += question.answers;
      for (const value of SCALE) into.counts[value] += question.counts[value];
      merged.set(key, into);
    }
  }
  return [...merged.values()].map((question) => {
    const sum = SCALE.reduce((total, value) => total + value * question.counts[value], 0);
    return { ...question, average: question.answers === 0 ? null : Math.round((sum / question.answers) * 10) / 10 };
  });
}
