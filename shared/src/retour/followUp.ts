/**
 * The public follow-up page ("suivi") reached from the same join link once the workshop is over:
 * what it was for, what was decided, each brief's timeline and news, the next meeting. Only what a
 * resident may read: no author, no owner's name, no vote split.
 */
import { z } from 'zod';
import { BRIEF_STATUSES, MAX_NEXT_MEETING_CHARS, newsItemSchema, timelineEntrySchema, type Brief } from './brief';

export const followUpBriefSchema = z.object({
  id: z.string(),
  title: z.string(),
  solution: z.string(),
  status: z.enum(BRIEF_STATUSES),
  timeline: z.array(timelineEntrySchema),
  news: z.array(newsItemSchema),
  ideas: z.array(z.object({ ideaId: z.string(), text: z.string() })),
  nextSteps: z.array(z.object({ text: z.string(), date: z.string().nullable() })),
});
export type FollowUpBrief = z.infer<typeof followUpBriefSchema>;

export const followUpViewSchema = z.object({
  workshop: z.object({ title: z.string(), question: z.string(), purpose: z.string() }),
  finishedAt: z.number().int().nullable(),
  nextMeeting: z.string().nullable(),
  briefs: z.array(followUpBriefSchema),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

/** The workshop's follow-up settings, kept by the server. */
export interface FollowUpSettings {
  finishedAt: number | null;
  nextMeeting: string | null;
}

export const followUpBody = z.object({
  finished: z.boolean().optional(),
  nextMeeting: z.string().max(MAX_NEXT_MEETING_CHARS).nullable().optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;

/** "Which of MY ideas are in these briefs": answered to the resident's own token only. */
export const myFollowUpIdeasSchema = z.object({ ideaIds: z.array(z.string()) });
export type MyFollowUpIdeas = z.infer<typeof myFollowUpIdeasSchema>;

export function toFollowUpBrief(brief: Brief): FollowUpBrief {
  return {
    id: brief.id,
    title: brief.title,
    solution: brief.fields.solution,
    status: brief.status,
    timeline: brief.timeline,
    // Newest first: what residents come back for.
    news: [...brief.news].sort((a, b) => b.at - a.at),
    ideas: brief.prefilled.ideas.map((idea) => ({ ideaId: idea.ideaId, text: idea.text })),
    nextSteps: brief.fields.nextSteps.map((step) => ({ text: step.text, date: step.date })),
  };
}

export function toFollowUpView(workshop: FollowUpView['workshop'], settings: FollowUpSettings, briefs: ReadonlyArray<Brief>): FollowUpView {
  return {
    workshop: { title: workshop.title, question: workshop.question, purpose: workshop.purpose },
    finishedAt: settings.finishedAt,
    nextMeeting: settings.nextMeeting,
    briefs: briefs.map(toFollowUpBrief),
  };
}

// In its own file with no schema, so the phone's follow-up page does not download zod.
export { timelineSteps } from './timeline';
export function myIdeasInBriefs(briefs: ReadonlyArray<Brief>, myIdeaIds: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const brief of briefs) for (const idea of brief.prefilled.ideas) if (myIdeaIds.has(idea.ideaId)) out.add(idea.ideaId);
  return [...out];
}
