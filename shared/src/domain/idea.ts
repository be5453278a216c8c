import { ErrorCode, MAX_IDEA_CHARS } from '../constants';
import { domainError, type DomainError } from './errors';
import { countChars, normalizeText } from './text';

/** An idea as the store keeps it. `participantId` never leaves the server. */
export interface Idea {
  id: string;
  workshopId: string;
  siteId: string;
  participantId: string;
  text: string;
  hidden: boolean;
  createdAt: number;
}

/** What other people see of an idea: never its author. */
export interface IdeaView {
  id: string;
  siteId: string;
  text: string;
  createdAt: number;
  /** For the facilitator; for the author, present (true) once their own idea was hidden. */
  hidden?: boolean;
  /** Present only in the author's own snapshot and acks. */
  mine?: boolean;
}

export interface IdeaAuthor {
  participantId: string;
  workshopId: string;
  siteId: string;
}

/** Validates what a resident typed and builds the idea to store. */
export function postIdea(author: IdeaAuthor, input: { id: string; text: string }, now: number): Idea | DomainError {
  const text = normalizeText(input.text, { multiline: true });
  if (text.length === 0) return domainError(ErrorCode.BadRequest, 'idea text is empty');
  if (countChars(text) > MAX_IDEA_CHARS) {
    return domainError(ErrorCode.TooLarge, `idea text is longer than ${MAX_IDEA_CHARS} characters`);
  }
  return { id: input.id, workshopId: author.workshopId, siteId: author.siteId, participantId: author.participantId, text, hidden: false, createdAt: now };
}

/**
 * A resend of an idea already stored: the same author gets the original back (exactly once);
 * anyone else reusing an id is refused.
 */
export function resolveResend(existing: Idea, author: IdeaAuthor): Idea | DomainError {
  if (existing.participantId !== author.participantId || existing.workshopId !== author.workshopId) {
    return domainError(ErrorCode.Conflict, 'this idea id is already used');
  }
  return existing;
}

export function toPublicView(idea: Idea): IdeaView {
  return { id: idea.id, siteId: idea.siteId, text: idea.text, createdAt: idea.createdAt };
}

export function toFacilitatorView(idea: Idea): IdeaView {
  return { ...toPublicView(idea), hidden: idea.hidden };
}

export function toAuthorView(idea: Idea, participantId: string): IdeaView {
  if (idea.participantId !== participantId) return toPublicView(idea);
  return idea.hidden ? { ...toPublicView(idea), mine: true, hidden: true } : { ...toPublicView(idea), mine: true };
}

/** Ideas in the order they were posted, without the hidden ones. */
export function visibleIdeas<T extends { hidden: boolean; createdAt: number }>(ideas: ReadonlyArray<T>): T[] {
  return ideas.filter((idea) => !idea.hidden);
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
