/**
 * Briefs a centre shares with the other centres of the instance, and copies of them taken as a
 * starting point. A brief is already an aggregate (no author, gommettes per site only where the
 * site had enough voters), but a shared one travels further, so `toSharedBrief` keeps only what
 * another centre can build on and drops what could point at a person: owners' and builders' names,
 * news, tables, internal ids and traces; e-mail addresses and phone numbers in any text are blanked.
 */
import { z } from 'zod';
import { BRIEF_STATUSES, type Brief } from '../retour/brief';
import type { FollowUpSettings } from '../retour/followUp';

export const sharedBriefSchema = z.object({
  /** The brief's id in its centre: what another centre copies. */
  id: z.string(),
  title: z.string(),
  centreName: z.string(),
  town: z.string(),
  sharedAt: z.number().int(),
  question: z.string(),
  purpose: z.string(),
  persona: z.string().nullable(),
  needsBySteps: z.array(z.object({ stepLabel: z.string(), needs: z.array(z.object({ rowLabel: z.string(), text: z.string() })) })),
  ideas: z.array(
    z.object({
      text: z.string(),
      siteName: z.string(),
      theme: z.string().nullable(),
      votes: z
        .object({
          total: z.number().int(),
          paper: z.number().int(),
          rank: z.number().int(),
          /** null: that site is not shown apart (fewer than 3 voters), as in the brief. */
          bySite: z.array(z.object({ siteName: z.string(), gommettes: z.number().int().nullable() })),
        })
        .nullable(),
      matrix: z.object({ easy: z.number(), priority: z.number(), easyAndPriority: z.boolean() }).nullable(),
    }),
  ),
  solution: z.string(),
  nextSteps: z.array(z.object({ text: z.string() })),
  unsure: z.string(),
  status: z.enum(BRIEF_STATUSES),
  timeline: z.array(z.object({ status: z.enum(BRIEF_STATUSES), at: z.number().int(), reason: z.string().nullable() })),
});
export type SharedBrief = z.infer<typeof sharedBriefSchema>;

/** A copy kept in the centre that took it. */
export interface BriefCopyView {
  id: string;
  copiedAt: number;
  brief: SharedBrief;
}

/** A brief of this centre, with whether it is shared and whether it can be (see `briefIsPublished`). */
export interface CentreBriefLine {
  briefId: string;
  workshopId: string;
  workshopTitle: string;
  title: string;
  status: Brief['status'];
  published: boolean;
  shared: boolean;
}

export const shareBriefBody = z.object({ shared: z.boolean() });

const BLANK = '[…]';
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/g;
/** Nine digits or more, with optional spaces, dots or dashes between them (06 12 34 56 78, +33 6…). */
const PHONE = /\+?\d(?:[\s.-]?\d){8,}/g;

/** Blanks e-mail addresses and phone numbers: contact details of a person have no place in a shared brief. */
export function scrubContacts(text: string): string {
  return text.replace(EMAIL, BLANK).replace(PHONE, BLANK);
}

/**
 * A brief is published once residents can read it: its workshop is marked as finished, so its join
 * links open the public follow-up page, which shows every brief of the workshop.
 */
export function briefIsPublished(followUp: FollowUpSettings): boolean {
  return followUp.finishedAt !== null;
}

/**
 * "Before the workshop's brief is published" (the data-rights rule on a resident's own erasure):
 * false until the workshop is finished with at least one brief on its follow-up page. Reopening the
 * workshop takes the page down, and erasure is possible again.
 */
export function workshopBriefsPublished(followUp: FollowUpSettings, briefCount: number): boolean {
  return briefIsPublished(followUp) && briefCount > 0;
}

export function toSharedBrief(brief: Brief, origin: { centreName: string; town: string; sharedAt: number }): SharedBrief {
  const clean = scrubContacts;
  return {
    id: brief.id,
    title: clean(brief.title),
    centreName: origin.centreName,
    town: origin.town,
    sharedAt: origin.sharedAt,
    question: clean(brief.prefilled.question.text),
    purpose: clean(brief.prefilled.purpose.text),
    persona: brief.prefilled.persona ? clean(brief.prefilled.persona.text) : null,
    needsBySteps: brief.prefilled.needsBySteps.map((step) => ({
      stepLabel: clean(step.stepLabel),
      needs: step.needs.map((need) => ({ rowLabel: clean(need.rowLabel), text: clean(need.text) })),
    })),
    ideas: brief.prefilled.ideas.map((idea) => ({
      text: clean(idea.text),
      siteName: idea.siteName,
      theme: idea.theme === null ? null : clean(idea.theme),
      votes: idea.votes
        ? { total: idea.votes.total, paper: idea.votes.paper, rank: idea.votes.rank, bySite: idea.votes.bySite.map((site) => ({ ...site })) }
        : null,
      matrix: idea.matrix ? { easy: idea.matrix.easy, priority: idea.matrix.priority, easyAndPriority: idea.matrix.easyAndPriority } : null,
    })),
    solution: clean(brief.fields.solution),
    // Owners are people's names and dates belong to the other centre's plan: only the step stays.
    nextSteps: brief.fields.nextSteps.map((step) => ({ text: clean(step.text) })),
    unsure: clean(brief.fields.unsure),
    status: brief.status,
    timeline: brief.timeline.map((entry) => ({ status: entry.status, at: entry.at, reason: entry.reason === null ? null : clean(entry.reason) })),
  };
}

/**
 * A resident's erasure before publication also takes their ideas out of the workshop's draft
 * briefs (a brief keeps a snapshot of the ideas it quotes): the idea, and its links from the needs.
 */
export function briefWithoutIdeas(brief: Brief, ideaIds: ReadonlySet<string>): Brief {
  return {
    ...brief,
    prefilled: {
      ...brief.prefilled,
      ideas: brief.prefilled.ideas.filter((idea) => !ideaIds.has(idea.ideaId)),
      needsBySteps: brief.prefilled.needsBySteps.map((step) => ({
        ...step,
        needs: step.needs.map((need) => ({ ...need, ideaIds: need.ideaIds.filter((id) => !ideaIds.has(id)) })),
      })),
    },
  };
}
