/**
 * The vote area's part of the protocol: command schemas, their results and the events.
 * `protocol.ts` spreads these into its maps.
 */
import { z } from 'zod';
import type { IdeaView } from '../domain/idea';
import { MATRIX_SCALE, MAX_AXIS_LABEL_CHARS, MAX_PAPER_COUNT, MAX_ROUND_IDEAS, MAX_VOTE_BUDGET } from './constants';
import type { MatrixChange, MatrixView, TableMatrixView } from './matrix';
import type { VoteResults } from './results';
import type { MyGommette, RoundSettings, VoteRound } from './round';

const id = z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'invalid id');
const anyId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'invalid id');
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'invalid token');

/** The ideas of a new round: an explicit list, or a shortcut the server resolves to one. */
export const roundIdeasSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('list'), ideaIds: z.array(id).min(1).max(MAX_ROUND_IDEAS) }),
  z.object({ from: z.literal('all') }),
  z.object({ from: z.literal('quadrant') }),
]);
export type RoundIdeas = z.infer<typeof roundIdeasSchema>;

export const voteOpenPayload = z.object({
  id,
  ideas: roundIdeasSchema,
  budget: z.number().int().min(1).max(MAX_VOTE_BUDGET),
  stacking: z.boolean(),
  capPerIdea: z.number().int().min(1).max(MAX_VOTE_BUDGET).nullable(),
  selfVote: z.boolean(),
  results: z.enum(['live', 'hidden']),
  closesAt: z.number().int().positive().nullable(),
});
export type VoteOpenPayload = z.infer<typeof voteOpenPayload>;

export const voteRoundPayload = z.object({ roundId: id });
/** A kiosk says which of its voters sticks; a phone never sends `voterId`. */
export const voteCastPayload = z.object({ id, roundId: id, ideaId: id, voterId: id.optional() });
export type VoteCastPayload = z.infer<typeof voteCastPayload>;
export const voteTakeBackPayload = z.object({ id, roundId: id, gommetteId: id, voterId: id.optional() });
export type VoteTakeBackPayload = z.infer<typeof voteTakeBackPayload>;
/** Paper gommettes of one site: replaces that site's counts. */
export const votePaperPayload = z.object({
  roundId: id,
  siteId: anyId,
  counts: z.record(id, z.number().int().min(0).max(MAX_PAPER_COUNT)).refine((counts) => Object.keys(counts).length <= MAX_ROUND_IDEAS, 'too many ideas'),
});
export type VotePaperPayload = z.infer<typeof votePaperPayload>;
export const kioskNextPayload = z.object({ voterId: id });
export const matrixPlacePayload = z.object({
  ideaId: id,
  easy: z.number().int().min(0).max(MATRIX_SCALE),
  priority: z.number().int().min(0).max(MATRIX_SCALE),
});
export const matrixAxesPayload = z.object({ easy: z.string().max(MAX_AXIS_LABEL_CHARS * 4), priority: z.string().max(MAX_AXIS_LABEL_CHARS * 4) });

export const voteCommandSchemas = {
  'vote:open': voteOpenPayload,
  'vote:close': voteRoundPayload,
  'vote:reveal': voteRoundPayload,
  'vote:cast': voteCastPayload,
  'vote:takeBack': voteTakeBackPayload,
  'vote:paper': votePaperPayload,
  'kiosk:next': kioskNextPayload,
  'matrix:place': matrixPlacePayload,
  'matrix:axes': matrixAxesPayload,
  'matrix:ideas': z.object({}),
} as const;

/** A round as every screen, phone and kiosk sees it, with the ballot's ideas (never their authors). */
export interface RoundView extends RoundSettings {
  id: string;
  ideaIds: string[];
  /** The ballot's visible ideas, public views. */
  ideas: IdeaView[];
  status: VoteRound['status'];
  openedAt: number;
  closedAt: number | null;
  revealedAt: number | null;
}

/** One voter's own gommettes in a round: sent to that voter's devices only. */
export interface MyVotes {
  roundId: string;
  /** A kiosk's current voter; absent for phones. */
  voterId?: string;
  gommettes: MyGommette[];
  /** The round's version after this voter's last write (for "shown on the projector" checks). */
  version: number;
}

export interface VoteCommandResults {
  'vote:open': RoundView;
  'vote:close': RoundView;
  'vote:reveal': RoundView;
  'vote:cast': MyVotes;
  'vote:takeBack': MyVotes;
  'vote:paper': VoteResults;
  'kiosk:next': MyVotes;
  'matrix:place': MatrixView;
  'matrix:axes': MatrixView;
  'matrix:ideas': TableMatrixView;
}

/** The vote part of every snapshot. */
export interface VoteSnapshot {
  /** The open round, else the last one closed; null before any round. */
  round: RoundView | null;
  results: VoteResults | null;
  /** Phones: their own gommettes in `round`. */
  mine: MyVotes | null;
  /** Facilitators and screens. */
  matrix: MatrixView | null;
}

export interface VoteServerEvents {
  /** A round opened, closed or was revealed: every screen, phone, kiosk and console. */
  'vote:round': (round: RoundView) => void;
  /** Coalesced (VOTE_SCREEN_/VOTE_PHONE_BROADCAST_INTERVAL_MS): aggregates only. */
  'vote:results': (results: VoteResults) => void;
  /** One voter's own gommettes, to their other devices. */
  'vote:mine': (mine: MyVotes) => void;
  /** Facilitators and screens. */
  'matrix:changed': (matrix: MatrixView) => void;
  /** Phones, during a matrix step: one placement or the axes changed (they keep their table's part). */
  'matrix:placed': (change: MatrixChange) => void;
}

/** A site's kiosk ("borne") connects with the kiosk token of that site. */
export const kioskAuthSchema = z.object({ role: z.literal('kiosk'), protocol: z.number().int(), workshopId: anyId, token: tokenSchema });

/** `GET /api/workshops/:id/kiosks` for the facilitator. */
export interface KioskLink {
  siteId: string;
  name: string;
  kioskUrl: string;
}
