/**
 * Participation figures of a workshop, for the facilitator and the funders' reports. Counts only;
 * self-declared groups below SMALL_GROUP people are suppressed (by `aggregateAnswers`). Pure, so the
 * centre-wide view can reuse them over several workshops (`sumFigures`).
 */
import { csvHeader, type CsvLanguage } from '../centre/csvHeaders';
import { z } from 'zod';
import type { IdeaOrigin } from '../domain/idea';
import { AGE_BANDS, GENDERS, type QuestionnaireResults, suppress } from '../questionnaire/questionnaire';
import type { VoteResults } from '../vote/results';

const suppressed = z.number().int().nullable();

export const participationFiguresSchema = z.object({
  participants: z.object({
    total: z.number().int(),
    bySite: z.array(z.object({ siteName: z.string(), count: z.number().int() })),
    byTable: z.array(z.object({ tableId: z.number().int(), count: z.number().int() })),
    assisted: z.number().int(),
  }),
  /**
   * People who came back: `cards`, whose phone showed a participant card of an earlier workshop of
   * the same centre (counted like assisted people: a number of people, nobody named); and
   * `selfDeclared`, the questionnaire's "not my first time" (suppressed below 5).
   */
  returning: z.object({ cards: z.number().int(), selfDeclared: suppressed }),
  ideas: z.object({
    total: z.number().int(),
    bySite: z.array(z.object({ siteName: z.string(), count: z.number().int() })),
    byOrigin: z.object({ phone: z.number().int(), assisted: z.number().int(), paper: z.number().int() }),
  }),
  gommettes: z.object({ total: z.number().int(), paper: z.number().int(), voters: z.number().int() }).nullable(),
  questionnaire: z.object({
    responses: z.number().int(),
    averages: z.array(z.object({ id: z.string(), text: z.string(), answers: z.number().int(), average: z.number().nullable() })),
    ageBands: z.record(z.enum(AGE_BANDS), suppressed),
    genders: z.record(z.enum(GENDERS), suppressed),
    firstTime: z.object({ yes: suppressed, no: suppressed }),
  }),
});
export type ParticipationFigures = z.infer<typeof participationFiguresSchema>;

export interface FigureSources {
  sites: ReadonlyArray<{ id: string; name: string }>;
  participants: { total: number; bySite: Record<string, number>; byTable: Record<string, number>; assisted: number; returning: number };
  ideas: ReadonlyArray<{ siteId: string; origin: IdeaOrigin; hidden: boolean; mergedInto: string | null }>;
  vote: VoteResults | null;
  questionnaire: QuestionnaireResults;
}

export function participationFigures(sources: FigureSources): ParticipationFigures {
  const visible = sources.ideas.filter((idea) => !idea.hidden && idea.mergedInto === null);
  const byOrigin = { phone: 0, assisted: 0, paper: 0 };
  for (const idea of visible) byOrigin[idea.origin] += 1;
  const ranking = sources.vote?.ranking ?? [];
  const q = sources.questionnaire;
  // A kiosk voter is a person at the kiosk's site though no phone joined: count them there.
  const kioskVoters = new Map((sources.vote?.sites ?? []).map((site) => [site.siteId, site.kioskVoters]));
  const kioskTotal = [...kioskVoters.values()].reduce((sum, count) => sum + count, 0);
  return {
    participants: {
      total: sources.participants.total + kioskTotal,
      bySite: sources.sites.map((site) => ({ siteName: site.name, count: (sources.participants.bySite[site.id] ?? 0) + (kioskVoters.get(site.id) ?? 0) })),
      byTable: Object.entries(sources.participants.byTable)
        .map(([tableId, count]) => ({ tableId: Number(tableId), count }))
        .filter((row) => Number.isInteger(row.tableId))
        .sort((a, b) => a.tableId - b.tableId),
      assisted: sources.participants.assisted,
    },
    returning: { cards: sources.participants.returning, selfDeclared: q.firstTime.no },
    ideas: {
      total: visible.length,
      bySite: sources.sites.map((site) => ({ siteName: site.name, count: visible.filter((idea) => idea.siteId === site.id).length })),
      byOrigin,
    },
    gommettes: sources.vote
      ? {
          total: ranking.reduce((sum, row) => sum + row.total, 0),
          paper: ranking.reduce((sum, row) => sum + row.paper, 0),
          voters: sources.vote.voters,
        }
      : null,
    questionnaire: {
      responses: q.responses,
      averages: q.questions.map((question) => ({ id: question.id, text: question.text, answers: question.answers, average: question.average })),
      ageBands: q.ageBands,
      genders: q.genders,
      firstTime: q.firstTime,
    },
  };
}

/** One row per figure (section, label, value), for a CSV funders open in a spreadsheet; suppressed groups read "< 5". */
export function figuresRows(figures: ParticipationFigures, lang?: CsvLanguage, suppressedLabel = '< 5'): string[][] {
  const value = (count: number | null) => (count === null ? suppressedLabel : String(count));
  const rows: string[][] = [['section', 'label', 'value'].map((column) => (lang ? csvHeader(column, lang) : column))];
  rows.push(['participants', 'total', value(figures.participants.total)]);
  for (const site of figures.participants.bySite) rows.push(['participants_by_site', site.siteName, value(site.count)]);
  for (const table of figures.participants.byTable) rows.push(['participants_by_table', `table ${table.tableId}`, value(table.count)]);
  rows.push(['participants', 'assisted', value(figures.participants.assisted)]);
  rows.push(['returning', 'participant_card', value(figures.returning.cards)]);
  rows.push(['returning', 'self_declared', value(figures.returning.selfDeclared)]);
  rows.push(['ideas', 'total', value(figures.ideas.total)]);
  for (const site of figures.ideas.bySite) rows.push(['ideas_by_site', site.siteName, value(site.count)]);
  for (const [origin, count] of Object.entries(figures.ideas.byOrigin)) rows.push(['ideas_by_origin', origin, value(count)]);
  if (figures.gommettes) {
    rows.push(['gommettes', 'total', value(figures.gommettes.total)]);
    rows.push(['gommettes', 'paper', value(figures.gommettes.paper)]);
    rows.push(['gommettes', 'voters', value(figures.gommettes.voters)]);
  }
  rows.push(['questionnaire', 'responses', value(figures.questionnaire.responses)]);
  for (const q of figures.questionnaire.averages) rows.push(['questionnaire_average', q.text, q.average === null ? '' : String(q.average)]);
  for (const band of AGE_BANDS) rows.push(['age_band', band, value(figures.questionnaire.ageBands[band] ?? null)]);
  for (const gender of GENDERS) rows.push(['gender', gender, value(figures.questionnaire.genders[gender] ?? null)]);
  rows.push(['first_time', 'yes', value(figures.questionnaire.firstTime.yes)]);
  rows.push(['first_time', 'no', value(figures.questionnaire.firstTime.no)]);
  return rows;
}

/**
 * Raw self-declared counts summed over several workshops, then suppressed: summing already
 * suppressed figures would lose the small groups, and suppressing only at the end keeps a group
 * of 3 + 3 (= 6) visible while a group of 4 stays hidden.
 */
export function sumSuppressed(counts: ReadonlyArray<number>): number | null {
  return suppress(counts.reduce((sum, count) => sum + count, 0));
}
