import type { Idea, Mood, MoodCounts, Site, Workshop } from '@gommette/shared';

export interface WorkshopRecord extends Workshop {
  facilitatorTokenHash: string;
  screenTokenHash: string;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  siteId: string;
  cardHash: string;
  nickname: string | null;
  mood: Mood;
  createdAt: number;
}

export interface ParticipantCounts {
  total: number;
  bySite: Record<string, number>;
  moods: MoodCounts;
}

export type InsertIdeaResult = { inserted: true; idea: Idea } | { inserted: false; idea: Idea };

/**
 * The persistence port for everything server-authoritative. Every method resolves only once
 * its write is durable (committed), so a caller may acknowledge right after it.
 * Adapters: SQLite (embedded default). The contract suite in `contract.ts` runs against each.
 */
export interface WorkshopStore {
  /** Rejects with `UniqueViolationError` when a join code or token hash is already taken. */
  createWorkshop(workshop: WorkshopRecord, sites: ReadonlyArray<Site>): Promise<void>;
  getWorkshop(workshopId: string): Promise<WorkshopRecord | null>;
  listSites(workshopId: string): Promise<Site[]>;
  getSiteByJoinCode(joinCode: string): Promise<Site | null>;

  /** Creates the participant with the token of its first device, in one transaction. */
  createParticipant(participant: ParticipantRecord, tokenHash: string): Promise<void>;
  getParticipantByTokenHash(tokenHash: string): Promise<ParticipantRecord | null>;
  getParticipantByCardHash(cardHash: string): Promise<ParticipantRecord | null>;
  /** Adds a device token to a participant (continuing on another phone with the card code). */
  addParticipantToken(participantId: string, tokenHash: string): Promise<void>;
  countParticipants(workshopId: string): Promise<ParticipantCounts>;

  /** Inserts unless an idea with this id exists; either way returns the stored idea. */
  insertIdea(idea: Idea): Promise<InsertIdeaResult>;
  getIdea(ideaId: string): Promise<Idea | null>;
  setIdeaHidden(workshopId: string, ideaId: string, hidden: boolean): Promise<Idea | null>;
  listIdeas(workshopId: string): Promise<Idea[]>;
  /** Only this participant's ideas (hidden ones included), in posting order. */
  listIdeasBy(participantId: string): Promise<Idea[]>;
  countVisibleIdeas(workshopId: string): Promise<number>;

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
