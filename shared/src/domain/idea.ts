import { ErrorCode, MAX_IDEA_CHARS } from '../constants';
import { domainError, type DomainError } from './errors';
import { measureText, type TextMeasure } from './text';

/** Who typed an idea: a resident on their phone, a table helper for a resident, or the facilitator from paper. */
export const IDEA_ORIGINS = ['phone', 'assisted', 'paper'] as const;
export type IdeaOrigin = (typeof IDEA_ORIGINS)[number];

/** An idea as the store keeps it. `participantId` never leaves the server. */
export interface Idea {
  id: string;
  workshopId: string;
  siteId: string;
  participantId: string;
  text: string;
  hidden: boolean;
  createdAt: number;
  /** The author's table when it was written (null: no tables). */
  tableId: number | null;
  /** The phase it was written in (null: a free idea wall). */
  phaseId: string | null;
  origin: IdeaOrigin;
  /** What the resident wrote, kept when the facilitator corrected the spelling. */
  originalText: string | null;
  /** Safe mode: waiting for the facilitator's approval before reaching the projector. */
  pending: boolean;
  /** Off-topic but worth keeping: shown in the "parking" area. */
  parked: boolean;
  /** A duplicate merged into another idea (shown through that one). */
  mergedInto: string | null;
  theme: string | null;
}

/** What other people see of an idea: never its author. */
export interface IdeaView {
  id: string;
  siteId: string;
  text: string;
  createdAt: number;
  tableId: number | null;
  phaseId: string | null;
  theme: string | null;
  parked: boolean;
  /** For the facilitator; for the author, present (true) once their own idea was hidden. */
  hidden?: boolean;
  /** Present only in the author's own snapshot and acks. */
  mine?: boolean;
  /** Facilitators only: moderation details. */
  pending?: boolean;
  mergedInto?: string | null;
  originalText?: string | null;
  origin?: IdeaOrigin;
}

export interface IdeaAuthor {
  participantId: string;
  workshopId: string;
  siteId: string;
  tableId: number | null;
}

/** Where and how an idea is written: the phase, who typed it, and whether safe mode holds it back. */
export interface IdeaContext {
  phaseId: string | null;
  origin: IdeaOrigin;
  pending: boolean;
}

/** The length rule of an idea, the same on the phone (before sending) and on the server. */
export function measureIdeaText(raw: string): TextMeasure {
  return measureText(raw, MAX_IDEA_CHARS, { multiline: true });
}

/** Validates a text typed for an idea (by a resident, or the facilitator's correction). */
export function checkIdeaText(raw: string): string | DomainError {
  const { text, fits } = measureIdeaText(raw);
  if (text.length === 0) return domainError(ErrorCode.BadRequest, 'idea text is empty');
  if (!fits) {
    return domainError(ErrorCode.TooLarge, `idea text is longer than ${MAX_IDEA_CHARS} characters`);
  }
  return text;
}

/** Validates what a resident typed and builds the idea to store. */
export function postIdea(
  author: IdeaAuthor,
  input: { id: string; text: string },
  now: number,
  context: IdeaContext = { phaseId: null, origin: 'phone', pending: false },
): Idea | DomainError {
  const text = checkIdeaText(input.text);
  if (typeof text !== 'string') return text;
  return {
    id: input.id,
    workshopId: author.workshopId,
    siteId: author.siteId,
    participantId: author.participantId,
    text,
    hidden: false,
    createdAt: now,
    tableId: author.tableId,
    phaseId: context.phaseId,
    origin: context.origin,
    originalText: null,
    pending: context.pending,
    parked: false,
    mergedInto: null,
    theme: null,
  };
}

/**
 * A resend of an idea already stored: the same author gets the original back (exactly once);
 * anyone else reusing an id is refused.
 */
export function resolveResend(existing: Idea, author: Pick<IdeaAuthor, 'participantId' | 'workshopId'>): Idea | DomainError {
  if (existing.participantId !== author.participantId || existing.workshopId !== author.workshopId) {
    return domainError(ErrorCode.Conflict, 'this idea id is already used');
  }
  return existing;
}

/** Shown on the projector and counted: not hidden, not waiting for approval, not merged away. */
export function isShown(idea: Pick<Idea, 'hidden' | 'pending' | 'mergedInto'>): boolean {
  return !idea.hidden && !idea.pending && idea.mergedInto === null;
}

export function toPublicView(idea: Idea): IdeaView {
  return {
    id: idea.id,
    siteId: idea.siteId,
    text: idea.text,
    createdAt: idea.createdAt,
    tableId: idea.tableId,
    phaseId: idea.phaseId,
    theme: idea.theme,
    parked: idea.parked,
  };
}

export function toFacilitatorView(idea: Idea): IdeaView {
  return {
    ...toPublicView(idea),
    hidden: idea.hidden,
    pending: idea.pending,
    mergedInto: idea.mergedInto,
    originalText: idea.originalText,
    origin: idea.origin,
  };
}

export function toAuthorView(idea: Idea, participantId: string): IdeaView {
  if (idea.participantId !== participantId) return toPublicView(idea);
  return idea.hidden ? { ...toPublicView(idea), mine: true, hidden: true } : { ...toPublicView(idea), mine: true };
}

/** Ideas in the order they were posted, without the hidden ones. */
export function visibleIdeas<T extends { hidden: boolean; createdAt: number }>(ideas: ReadonlyArray<T>): T[] {
  return ideas.filter((idea) => !idea.hidden);
}

/** Ideas the projector shows, in posting order. */
export function shownIdeas(ideas: ReadonlyArray<Idea>): Idea[] {
  return ideas.filter(isShown);
}

/** The facilitator's corrections and groupings; each is a separate, undoable change. */
export type IdeaModeration =
  | { type: 'edit'; text: string }
  | { type: 'merge'; into: string | null }
  | { type: 'theme'; theme: string | null }
  | { type: 'park'; parked: boolean }
  | { type: 'approve' };

/** Applies a moderation; `target` is the idea merged into (checked to be another idea of the same workshop). */
export function moderateIdea(idea: Idea, moderation: IdeaModeration, target: Idea | null, themes: ReadonlyArray<string>): Idea | DomainError {
  switch (moderation.type) {
    case 'edit': {
      const text = checkIdeaText(moderation.text);
      if (typeof text !== 'string') return text;
      if (text === idea.text) return idea;
      return { ...idea, text, originalText: idea.originalText ?? idea.text };
    }
    case 'merge':
      if (moderation.into === null) return { ...idea, mergedInto: null };
      if (!target || target.workshopId !== idea.workshopId) return domainError(ErrorCode.NotFound, 'no such idea to merge into');
      if (target.id === idea.id || target.mergedInto !== null) return domainError(ErrorCode.BadRequest, 'cannot merge into this idea');
      return { ...idea, mergedInto: target.id };
    case 'theme':
      if (moderation.theme !== null && !themes.includes(moderation.theme)) return domainError(ErrorCode.NotFound, 'no such theme');
      return { ...idea, theme: moderation.theme };
    case 'park':
      return { ...idea, parked: moderation.parked };
    case 'approve':
      return { ...idea, pending: false };
  }
}

/** Applies an idea event to a client-side list: insert or replace by id, keep posting order. */
export function upsertIdea(list: ReadonlyArray<IdeaView>, idea: IdeaView): IdeaView[] {
  const previous = list.find((item) => item.id === idea.id);
  const next = list.filter((item) => item.id !== idea.id);
  // A broadcast never says `mine`; keep what the author's own ack said.
  next.push(previous?.mine ? { ...idea, mine: true } : idea);
  next.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return next;
}
