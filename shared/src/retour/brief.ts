/**
 * The brief ("fiche solution"): one per chosen solution, pre-filled from the workshop. Every
 * pre-filled element carries its `source`, so a reader sees it came from residents (which need of
 * which step, which idea, how many gommettes per site, its place on the matrix). Pure: the server
 * gathers the sources, this module builds and edits the brief.
 */
import { z } from 'zod';
import { ErrorCode } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { normalizeText } from '../domain/text';
import type { MatrixView } from '../vote/matrix';
import { splitSites, type SiteResults, type VoteResults } from '../vote/results';
import { inEasyPriorityQuadrant } from '../vote/matrix';

export const MAX_BRIEF_TITLE_CHARS = 120;
export const MAX_BRIEF_TEXT_CHARS = 2000;
export const MAX_BRIEF_IDEAS = 20;
export const MAX_NEXT_STEPS = 20;
export const MAX_NEWS_CHARS = 280;
export const MAX_NEWS_ITEMS = 50;
export const MAX_REASON_CHARS = 280;
export const MAX_BRIEFS_PER_WORKSHOP = 20;
export const MAX_NEXT_MEETING_CHARS = 200;

/** The steps of a solution's life, shown to residents as a timeline; `abandoned` needs a reason. */
export const BRIEF_STATUSES = ['idea', 'chosen', 'building', 'tested', 'in_service', 'abandoned'] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];
/** The forward path (abandoned is off it, reachable from any step). */
export const BRIEF_PATH: ReadonlyArray<BriefStatus> = ['idea', 'chosen', 'building', 'tested', 'in_service'];

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const traceSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workshop'), field: z.enum(['question', 'purpose', 'title']) }),
  z.object({ kind: z.literal('journey'), part: z.literal('persona') }),
  z.object({ kind: z.literal('journey-note'), noteId: z.string(), stepId: z.string(), rowId: z.string() }),
  z.object({ kind: z.literal('idea'), ideaId: z.string() }),
  z.object({ kind: z.literal('vote'), roundId: z.string(), ideaId: z.string() }),
  z.object({ kind: z.literal('matrix'), ideaId: z.string() }),
]);
export type TraceSource = z.infer<typeof traceSourceSchema>;

export const briefNeedSchema = z.object({
  text: z.string(),
  rowLabel: z.string(),
  /** Ideas of this brief linked to the need on the board. */
  ideaIds: z.array(z.string()),
  source: traceSourceSchema,
});
export type BriefNeed = z.infer<typeof briefNeedSchema>;

export const briefIdeaSchema = z.object({
  ideaId: z.string(),
  text: z.string(),
  siteName: z.string(),
  tableId: z.number().int().nullable(),
  theme: z.string().nullable(),
  source: traceSourceSchema,
  votes: z
    .object({
      roundId: z.string(),
      closed: z.boolean(),
      total: z.number().int(),
      paper: z.number().int(),
      rank: z.number().int(),
      /** Gommettes per site; null where the site's split is left out (too few voters: see `splitSites`). */
      bySite: z.array(z.object({ siteName: z.string(), gommettes: z.number().int().nullable() })),
      source: traceSourceSchema,
    })
    .nullable(),
  matrix: z.object({ easy: z.number(), priority: z.number(), easyAndPriority: z.boolean(), source: traceSourceSchema }).nullable(),
});
export type BriefIdea = z.infer<typeof briefIdeaSchema>;

export const nextStepSchema = z.object({
  text: z.string().max(MAX_BRIEF_TEXT_CHARS),
  owner: z.string().max(MAX_BRIEF_TITLE_CHARS),
  date: dateString.nullable(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const timelineEntrySchema = z.object({
  status: z.enum(BRIEF_STATUSES),
  at: z.number().int(),
  reason: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const newsItemSchema = z.object({ id: z.string(), text: z.string(), at: z.number().int() });
export type NewsItem = z.infer<typeof newsItemSchema>;

export const briefSchema = z.object({
  id: z.string(),
  workshopId: z.string(),
  title: z.string(),
  prefilled: z.object({
    question: z.object({ text: z.string(), source: traceSourceSchema }),
    purpose: z.object({ text: z.string(), source: traceSourceSchema }),
    persona: z.object({ text: z.string(), source: traceSourceSchema }).nullable(),
    needsBySteps: z.array(z.object({ stepId: z.string(), stepLabel: z.string(), needs: z.array(briefNeedSchema) })),
    ideas: z.array(briefIdeaSchema),
  }),
  fields: z.object({
    solution: z.string(),
    builders: z.string(),
    nextSteps: z.array(nextStepSchema),
    unsure: z.string(),
  }),
  status: z.enum(BRIEF_STATUSES),
  timeline: z.array(timelineEntrySchema),
  news: z.array(newsItemSchema),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Brief = z.infer<typeof briefSchema>;

// ---------- REST bodies ----------

export const createBriefBody = z.object({
  title: z.string().max(MAX_BRIEF_TITLE_CHARS),
  ideaIds: z.array(z.string().max(64)).min(1).max(MAX_BRIEF_IDEAS),
});
export type CreateBriefBody = z.infer<typeof createBriefBody>;

export const updateBriefBody = z.object({
  title: z.string().max(MAX_BRIEF_TITLE_CHARS).optional(),
  solution: z.string().max(MAX_BRIEF_TEXT_CHARS).optional(),
  builders: z.string().max(MAX_BRIEF_TEXT_CHARS).optional(),
  nextSteps: z.array(nextStepSchema).max(MAX_NEXT_STEPS).optional(),
  unsure: z.string().max(MAX_BRIEF_TEXT_CHARS).optional(),
});
export type UpdateBriefBody = z.infer<typeof updateBriefBody>;

export const briefStatusBody = z.object({
  status: z.enum(BRIEF_STATUSES),
  reason: z.string().max(MAX_REASON_CHARS).optional(),
});
export type BriefStatusBody = z.infer<typeof briefStatusBody>;

export const newsBody = z.object({ text: z.string().max(MAX_NEWS_CHARS) });

// ---------- building ----------

/** What the server gathers from the workshop: plain data, never a participant. */
export interface BriefSources {
  workshop: { id: string; question: string; purpose: string };
  sites: ReadonlyArray<{ id: string; name: string }>;
  ideas: ReadonlyArray<{
    id: string;
    text: string;
    siteId: string;
    tableId: number | null;
    theme: string | null;
    hidden: boolean;
    mergedInto: string | null;
    createdAt: number;
  }>;
  /** The journey map read from the board (null: no board). */
  board: {
    persona: string;
    steps: ReadonlyArray<{ id: string; label: string }>;
    rows: ReadonlyArray<{ id: string; label: string; kind: string }>;
    notes: ReadonlyArray<{ id: string; text: string; placement: { kind: 'cell'; stepId: string; rowId: string } | { kind: 'free'; x: number; y: number } }>;
    links: ReadonlyArray<{ noteId: string; ideaId: string }>;
  } | null;
  /** The facilitator's results of the last round (aggregates only), null without a round. */
  vote: VoteResults | null;
  matrix: MatrixView;
}

/** Ideas the facilitator may put in a brief: visible and not merged into another. */
export function briefableIdeas<T extends { hidden: boolean; mergedInto: string | null }>(ideas: ReadonlyArray<T>): T[] {
  return ideas.filter((idea) => !idea.hidden && idea.mergedInto === null);
}

/** The top of a closed (or open) round: ideas sharing the best rank, in ballot order. */
export function topOfRound(results: VoteResults | null): string[] {
  const ranking = results?.ranking ?? [];
  const best = ranking.filter((row) => row.rank === 1 && row.total > 0);
  return best.map((row) => row.ideaId);
}

/** Which sites' gommettes may be shown apart: the vote's one rule (see `splitSites` in vote/results). */
export { splitSites };

/** Gommettes (digital and paper) of one idea at one site, or null when that site is not shown apart. */
export function siteGommettes(site: SiteResults, shown: ReadonlySet<string>, ideaId: string): number | null {
  if (!shown.has(site.siteId)) return null;
  return (site.ideas?.[ideaId] ?? 0) + (site.paper[ideaId] ?? 0);
}

function ideaVotes(sources: BriefSources, ideaId: string): BriefIdea['votes'] {
  const results = sources.vote;
  const row = results?.ranking?.find((candidate) => candidate.ideaId === ideaId);
  if (!results || !row) return null;
  const siteName = new Map(sources.sites.map((site) => [site.id, site.name]));
  const shown = splitSites(results.sites);
  return {
    roundId: results.roundId,
    closed: results.closed,
    total: row.total,
    paper: row.paper,
    rank: row.rank,
    bySite: results.sites.map((site) => ({
      siteName: siteName.get(site.siteId) ?? '',
      gommettes: siteGommettes(site, shown, ideaId),
    })),
    source: { kind: 'vote', roundId: results.roundId, ideaId },
  };
}

function needsBySteps(sources: BriefSources, ideaIds: ReadonlySet<string>): Brief['prefilled']['needsBySteps'] {
  const board = sources.board;
  if (!board) return [];
  const needRows = new Map(board.rows.filter((row) => row.kind === 'needs').map((row) => [row.id, row]));
  const linksByNote = new Map<string, string[]>();
  for (const link of board.links) {
    if (!ideaIds.has(link.ideaId)) continue;
    linksByNote.set(link.noteId, [...(linksByNote.get(link.noteId) ?? []), link.ideaId]);
  }
  const rowsById = new Map(board.rows.map((row) => [row.id, row]));
  return board.steps
    .map((step) => {
      const needs: BriefNeed[] = [];
      for (const note of board.notes) {
        if (note.placement.kind !== 'cell' || note.placement.stepId !== step.id) continue;
        const row = rowsById.get(note.placement.rowId);
        const linked = linksByNote.get(note.id) ?? [];
        // A "needs" row, or any note the facilitator linked to one of these ideas.
        if (!row || (!needRows.has(row.id) && linked.length === 0)) continue;
        const text = normalizeText(note.text);
        if (text.length === 0) continue;
        needs.push({ text, rowLabel: row.label, ideaIds: linked, source: { kind: 'journey-note', noteId: note.id, stepId: step.id, rowId: row.id } });
      }
      return { stepId: step.id, stepLabel: step.label, needs };
    })
    .filter((step) => step.needs.length > 0);
}

/**
 * Builds a brief from the workshop and the ideas the facilitator chose. Unknown, hidden or merged
 * ideas are refused (a brief never points to what residents can no longer see).
 */
export function buildBrief(sources: BriefSources, input: { id: string; title: string; ideaIds: ReadonlyArray<string> }, now: number): Brief | DomainError {
  const title = normalizeText(input.title);
  if (title.length === 0) return domainError(ErrorCode.BadRequest, 'a brief needs a title');
  const ideaIds = [...new Set(input.ideaIds)];
  if (ideaIds.length === 0 || ideaIds.length > MAX_BRIEF_IDEAS) return domainError(ErrorCode.BadRequest, `between 1 and ${MAX_BRIEF_IDEAS} ideas`);
  const usable = new Map(briefableIdeas(sources.ideas).map((idea) => [idea.id, idea]));
  const chosen = ideaIds.map((id) => usable.get(id));
  if (chosen.some((idea) => idea === undefined)) return domainError(ErrorCode.NotFound, 'an idea is unknown, hidden or merged');
  const siteName = new Map(sources.sites.map((site) => [site.id, site.name]));
  const placements = new Map(sources.matrix.placements.map((placement) => [placement.ideaId, placement]));
  const ideas: BriefIdea[] = chosen.map((idea) => {
    const found = idea!;
    const placement = placements.get(found.id);
    return {
      ideaId: found.id,
      text: found.text,
      siteName: siteName.get(found.siteId) ?? '',
      tableId: found.tableId,
      theme: found.theme,
      source: { kind: 'idea', ideaId: found.id },
      votes: ideaVotes(sources, found.id),
      matrix: placement
        ? {
            easy: placement.easy,
            priority: placement.priority,
            easyAndPriority: inEasyPriorityQuadrant(placement),
            source: { kind: 'matrix', ideaId: found.id },
          }
        : null,
    };
  });
  const persona = sources.board ? normalizeText(sources.board.persona) : '';
  const firstIdeaAt = Math.min(...chosen.map((idea) => idea!.createdAt));
  return {
    id: input.id,
    workshopId: sources.workshop.id,
    title,
    prefilled: {
      question: { text: sources.workshop.question, source: { kind: 'workshop', field: 'question' } },
      purpose: { text: sources.workshop.purpose, source: { kind: 'workshop', field: 'purpose' } },
      persona: persona.length > 0 ? { text: persona, source: { kind: 'journey', part: 'persona' } } : null,
      needsBySteps: needsBySteps(sources, new Set(ideaIds)),
      ideas,
    },
    fields: { solution: '', builders: '', nextSteps: [], unsure: '' },
    status: 'chosen',
    timeline: [
      { status: 'idea', at: firstIdeaAt, reason: null },
      { status: 'chosen', at: now, reason: null },
    ],
    news: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Applies the facilitator's edits of the fields to complete (texts normalised). */
export function editBrief(brief: Brief, body: UpdateBriefBody, now: number): Brief | DomainError {
  const title = body.title === undefined ? brief.title : normalizeText(body.title);
  if (title.length === 0) return domainError(ErrorCode.BadRequest, 'a brief needs a title');
  const multiline = (value: string | undefined, current: string) => (value === undefined ? current : normalizeText(value, { multiline: true }));
  const nextSteps = body.nextSteps
    ?.map((step) => ({ text: normalizeText(step.text, { multiline: true }), owner: normalizeText(step.owner), date: step.date }))
    .filter((step) => step.text.length > 0);
  return {
    ...brief,
    title,
    fields: {
      solution: multiline(body.solution, brief.fields.solution),
      builders: multiline(body.builders, brief.fields.builders),
      nextSteps: nextSteps ?? brief.fields.nextSteps,
      unsure: multiline(body.unsure, brief.fields.unsure),
    },
    updatedAt: now,
  };
}

/** Moves the brief to a status (any order: a test may fail and go back to building); abandoning needs a reason. */
export function setBriefStatus(brief: Brief, body: BriefStatusBody, now: number): Brief | DomainError {
  const reason = body.reason ? normalizeText(body.reason) : '';
  if (body.status === 'abandoned' && reason.length === 0) return domainError(ErrorCode.BadRequest, 'say why the solution is abandoned');
  if (body.status === brief.status) return brief;
  return {
    ...brief,
    status: body.status,
    timeline: [...brief.timeline, { status: body.status, at: now, reason: reason.length > 0 ? reason : null }],
    updatedAt: now,
  };
}

export function addNews(brief: Brief, input: { id: string; text: string }, now: number): Brief | DomainError {
  const text = normalizeText(input.text);
  if (text.length === 0) return domainError(ErrorCode.BadRequest, 'a news item is empty');
  if (brief.news.length >= MAX_NEWS_ITEMS) return domainError(ErrorCode.TooLarge, `at most ${MAX_NEWS_ITEMS} news items`);
  return { ...brief, news: [...brief.news, { id: input.id, text, at: now }], updatedAt: now };
}

/** Every pre-filled element with its source, in reading order (for exports and tests). */
export function briefTraces(brief: Brief): Array<{ label: string; source: TraceSource }> {
  const { prefilled } = brief;
  const out: Array<{ label: string; source: TraceSource }> = [
    { label: prefilled.question.text, source: prefilled.question.source },
    { label: prefilled.purpose.text, source: prefilled.purpose.source },
  ];
  if (prefilled.persona) out.push({ label: prefilled.persona.text, source: prefilled.persona.source });
  for (const step of prefilled.needsBySteps) for (const need of step.needs) out.push({ label: need.text, source: need.source });
  for (const idea of prefilled.ideas) {
    out.push({ label: idea.text, source: idea.source });
    if (idea.votes) out.push({ label: `${idea.votes.total}`, source: idea.votes.source });
    if (idea.matrix) out.push({ label: `${idea.matrix.easy}/${idea.matrix.priority}`, source: idea.matrix.source });
  }
  return out;
}
