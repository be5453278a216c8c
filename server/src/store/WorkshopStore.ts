import type { Idea, MethodTemplate, Mood, MoodCounts, ParticipantKind, QuestionnaireAnswer, RoomState, Site, Workshop } from '@gommette/shared';

export interface WorkshopRecord extends Workshop {
  facilitatorTokenHash: string;
  screenTokenHash: string;
  helperTokenHash: string | null;
  observerTokenHash: string | null;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  siteId: string;
  cardHash: string;
  nickname: string | null;
  mood: Mood;
  createdAt: number;
  kind: ParticipantKind;
  tableId: number | null;
}

/** A person as the staff's list shows them: no card, no nickname, no mood. */
export type RosterEntry = Pick<ParticipantRecord, 'id' | 'siteId' | 'tableId' | 'kind'>;

/** Residents and assisted people (paper post-its are not people). */
export interface ParticipantCounts {
  total: number;
  bySite: Record<string, number>;
  byTable: Record<string, number>;
  assisted: number;
  /** People whose phone showed a participant card of an earlier workshop (see `isReturning`). */
  returning: number;
  moods: MoodCounts;
}

export type InsertIdeaResult = { inserted: true; idea: Idea } | { inserted: false; idea: Idea };

/**
 * The persistence port for everything server-authoritative. Every method resolves only once
 * its write is durable (committed), so a caller may acknowledge right after it.
 * Adapters: SQLite (embedded, the default) and PostgreSQL (`DATABASE_URL`, for several nodes).
 * The contract suite in `contract.ts` runs against each.
 */
export interface WorkshopStore {
  /** Rejects with `UniqueViolationError` when a join code or token hash is already taken. */
  createWorkshop(workshop: WorkshopRecord, sites: ReadonlyArray<Site>, room: RoomState): Promise<void>;
  getWorkshop(workshopId: string): Promise<WorkshopRecord | null>;
  getWorkshopByHelperTokenHash(tokenHash: string): Promise<WorkshopRecord | null>;
  /** The room as last saved (version 0 right after creation). */
  getRoom(workshopId: string): Promise<RoomState | null>;
  /** Saves `room` if the stored version is still `room.version - 1`; false when another console won. */
  saveRoom(workshopId: string, room: RoomState): Promise<boolean>;
  listSites(workshopId: string): Promise<Site[]>;
  getSiteByJoinCode(joinCode: string): Promise<Site | null>;

  /**
   * Creates the participant with the token of its first device, in one transaction. `returning`:
   * their phone showed a card of an earlier workshop; only this yes/no is kept (no link, no old card).
   */
  createParticipant(participant: ParticipantRecord, tokenHash: string, options?: { returning?: boolean }): Promise<void>;
  getParticipantByTokenHash(tokenHash: string): Promise<ParticipantRecord | null>;
  getParticipantByCardHash(cardHash: string): Promise<ParticipantRecord | null>;
  /** Adds a device token to a participant (continuing on another phone with the card code). */
  addParticipantToken(participantId: string, tokenHash: string): Promise<void>;
  countParticipants(workshopId: string): Promise<ParticipantCounts>;
  getParticipant(participantId: string): Promise<ParticipantRecord | null>;
  /** Residents and assisted people, oldest first (for the facilitator's tables). */
  listParticipants(workshopId: string): Promise<ParticipantRecord[]>;
  /**
   * The same people in the same order, with only what the staff's list shows: read from one
   * index, it stays cheap when the list is rebuilt twice a second for thousands of phones.
   */
  listRoster(workshopId: string): Promise<RosterEntry[]>;
  /** Seats people at tables in one transaction (null: no table); ids of another workshop are ignored. */
  setParticipantTables(workshopId: string, seats: ReadonlyArray<{ participantId: string; tableId: number | null }>): Promise<void>;
  /** The pseudo-author of a site's paper post-its, created the first time. */
  ensurePaperAuthor(workshopId: string, siteId: string, now: number): Promise<ParticipantRecord>;

  /** Inserts unless an idea with this id exists; either way returns the stored idea. */
  insertIdea(idea: Idea): Promise<InsertIdeaResult>;
  getIdea(ideaId: string): Promise<Idea | null>;
  setIdeaHidden(workshopId: string, ideaId: string, hidden: boolean): Promise<Idea | null>;
  /** Writes the facilitator's moderation of an idea (text, original, flags, merge, theme). */
  updateIdeaModeration(idea: Idea): Promise<Idea | null>;
  /** Approves every idea waiting in safe mode; returns them. */
  approvePendingIdeas(workshopId: string): Promise<Idea[]>;
  listIdeas(workshopId: string): Promise<Idea[]>;
  /** Only this participant's ideas (hidden ones included), in posting order. */
  listIdeasBy(participantId: string): Promise<Idea[]>;
  countVisibleIdeas(workshopId: string): Promise<number>;

  /**
   * Records that the participant answered and stores the answer apart, with a random id and no
   * link to them, in one transaction; 'already' (nothing stored) when they had answered.
   */
  saveQuestionnaireAnswer(workshopId: string, participantId: string, answerId: string, answer: QuestionnaireAnswer): Promise<'saved' | 'already'>;
  hasAnsweredQuestionnaire(participantId: string): Promise<boolean>;
  listQuestionnaireAnswers(workshopId: string): Promise<QuestionnaireAnswer[]>;

  /** Methods saved by facilitators (built-in ones live in the code). */
  listTemplates(): Promise<MethodTemplate[]>;
  saveTemplate(template: MethodTemplate, now: number): Promise<void>;

  /** Cheap round trip used by /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write refused by a uniqueness rule (a join code drawn twice…): the caller may retry. */
export class UniqueViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UniqueViolationError';
  }
}
