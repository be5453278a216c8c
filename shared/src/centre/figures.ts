/**
 * Participation figures of a centre across its workshops, and of a territory adding up the centres
 * that agreed to it. Counts only: no person, nickname or text goes in. Pure functions over what
 * the stores count.
 */

import {
  mergePooledQuestions,
  pooledQuestionnaire,
  type CentreQuestionnaireFigures,
  type QuestionnaireInput,
  type WorkshopVoteFigures,
} from './voteQuestionnaireFigures';

/** Below this, a group is shown as "< 5" in the territory view (small-group suppression). */
export const MIN_SHOWN_GROUP = 5;
export const SUPPRESSED = '< 5';
export type ShownCount = number | typeof SUPPRESSED;

/** What one workshop counts (from `countParticipants` and its ideas). */
export interface WorkshopFigures {
  workshopId: string;
  title: string;
  createdAt: number;
  /** Residents and assisted people (paper post-its are not people). */
  participants: number;
  /** Site name → people who joined there. */
  bySite: Record<string, number>;
  /** Table number → people seated there. */
  byTable: Record<string, number>;
  assisted: number;
  /** Ideas shown to the room (not hidden, not merged, not waiting for approval). */
  ideas: number;
  /** The last round; null before any vote. */
  votes: WorkshopVoteFigures | null;
  /** The closing questionnaire: how many answered, and each question's average out of 5. */
  questionnaire: { responses: number; averages: Array<{ text: string; answers: number; average: number | null }> };
}

export interface CentreVoteFigures {
  /** Workshops that held a vote. */
  rounds: number;
  gommettes: number;
  paper: number;
  voters: number;
  /** Site name → voters, added up over the workshops (gommettes per site stay per workshop). */
  votersBySite: Record<string, number>;
}

export interface CentreFigures {
  workshops: number;
  participants: number;
  assisted: number;
  ideas: number;
  /** Site name → people, added up over the workshops (sites are named per workshop). */
  bySite: Record<string, number>;
  votes: CentreVoteFigures;
  questionnaire: CentreQuestionnaireFigures;
  /** The busiest table of each workshop is not comparable across workshops; tables are per workshop. */
  perWorkshop: WorkshopFigures[];
}

function addInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

/**
 * A centre's figures, newest workshop first. `questionnaires`: every workshop's questions and raw
 * answers, pooled here (self-declared groups suppressed after summing).
 */
export function centreFigures(workshops: ReadonlyArray<WorkshopFigures>, questionnaires: ReadonlyArray<QuestionnaireInput> = []): CentreFigures {
  const bySite: Record<string, number> = {};
  for (const workshop of workshops) addInto(bySite, workshop.bySite);
  const votersBySite: Record<string, number> = {};
  const voted = workshops.flatMap((workshop) => (workshop.votes ? [workshop.votes] : []));
  for (const votes of voted) for (const site of votes.bySite) votersBySite[site.siteName] = (votersBySite[site.siteName] ?? 0) + site.voters;
  return {
    votes: {
      rounds: voted.length,
      gommettes: voted.reduce((sum, votes) => sum + votes.gommettes, 0),
      paper: voted.reduce((sum, votes) => sum + votes.paper, 0),
      voters: voted.reduce((sum, votes) => sum + votes.voters, 0),
      votersBySite,
    },
    questionnaire: pooledQuestionnaire(questionnaires),
    workshops: workshops.length,
    participants: workshops.reduce((sum, workshop) => sum + workshop.participants, 0),
    assisted: workshops.reduce((sum, workshop) => sum + workshop.assisted, 0),
    ideas: workshops.reduce((sum, workshop) => sum + workshop.ideas, 0),
    bySite,
    perWorkshop: [...workshops].sort((a, b) => b.createdAt - a.createdAt || a.workshopId.localeCompare(b.workshopId)),
  };
}

/** Any group below `MIN_SHOWN_GROUP` is shown as "< 5": a count of 1–4 could point at a person. */
export function suppressSmall(count: number): ShownCount {
  return count < MIN_SHOWN_GROUP ? SUPPRESSED : count;
}

export interface TerritoryCentreLine {
  name: string;
  town: string;
  workshops: number;
  participants: ShownCount;
  assisted: ShownCount;
  ideas: ShownCount;
  voters: ShownCount;
  gommettes: ShownCount;
  /** People who answered the closing questionnaire. */
  responses: ShownCount;
}

/**
 * A territory total. When some centre's count in the column is suppressed, the exact total would
 * give it away (total minus the others), so it is shown as "≥ N", N being the sum of the centres
 * shown in full.
 */
export type TerritoryTotal = ShownCount | `≥ ${number}`;

export interface TerritoryFigures {
  centres: number;
  workshops: number;
  participants: TerritoryTotal;
  assisted: TerritoryTotal;
  ideas: TerritoryTotal;
  voters: TerritoryTotal;
  gommettes: TerritoryTotal;
  responses: TerritoryTotal;
  /** Each question (by its text) over every centre: its average only when 5 people or more answered it. */
  questions: Array<{ text: string; answers: ShownCount; average: number | null }>;
  perCentre: TerritoryCentreLine[];
}

function territoryTotal(counts: ReadonlyArray<number>): TerritoryTotal {
  const shown = counts.filter((count) => count >= MIN_SHOWN_GROUP);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (shown.length === counts.length || shown.length === 0) return suppressSmall(total);
  return `≥ ${shown.reduce((sum, count) => sum + count, 0)}`;
}

/**
 * The territory (federation) view: only the centres that opted in, every count of people or ideas
 * suppressed below 5, per centre, and totals that do not give a suppressed count away. Numbers of
 * centres and workshops are not about people and are shown as they are. Centres are listed by name.
 */
export function territoryFigures(centres: ReadonlyArray<{ name: string; town: string; figures: CentreFigures }>): TerritoryFigures {
  const column = (pick: (figures: CentreFigures) => number) => territoryTotal(centres.map((centre) => pick(centre.figures)));
  return {
    centres: centres.length,
    workshops: centres.reduce((total, centre) => total + centre.figures.workshops, 0),
    participants: column((figures) => figures.participants),
    assisted: column((figures) => figures.assisted),
    ideas: column((figures) => figures.ideas),
    voters: column((figures) => figures.votes.voters),
    gommettes: column((figures) => figures.votes.gommettes),
    responses: column((figures) => figures.questionnaire.responses),
    questions: mergePooledQuestions(centres.map((centre) => centre.figures.questionnaire.questions)).map((question) => ({
      text: question.text,
      answers: suppressSmall(question.answers),
      average: question.answers < MIN_SHOWN_GROUP ? null : question.average,
    })),
    perCentre: [...centres]
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
      .map(({ name, town, figures }) => ({
        name,
        town,
        workshops: figures.workshops,
        participants: suppressSmall(figures.participants),
        assisted: suppressSmall(figures.assisted),
        ideas: suppressSmall(figures.ideas),
        voters: suppressSmall(figures.votes.voters),
        gommettes: suppressSmall(figures.votes.gommettes),
        responses: suppressSmall(figures.questionnaire.responses),
      })),
  };
}
