/** Limits, timings and error codes of vote rounds, gommettes, paper counts and the matrix. */

/** Gommettes one voter may stick in a round, at most. */
export const MAX_VOTE_BUDGET = 20;
/** Ideas in one round, at most. */
export const MAX_ROUND_IDEAS = 200;
/** Paper gommettes one site may type in for one idea. */
export const MAX_PAPER_COUNT = 10_000;
/** A round may stay open at most this long ("at" mode: a window over several days). */
export const MAX_ROUND_WINDOW_MS = 60 * 24 * 60 * 60 * 1000;
/**
 * Results are coalesced per workshop: a quiet room gets them at once, a busy one at most once per
 * interval. Projectors, kiosks and consoles (a handful of sockets) get 10 a second so a tap shows
 * on the wall fast; phones (hundreds of sockets, and the projector is where results are watched)
 * one every 2 s: 2,000 phones voting together make 1,000 results messages a second, not millions.
 */
export const VOTE_SCREEN_BROADCAST_INTERVAL_MS = 100;
export const VOTE_PHONE_BROADCAST_INTERVAL_MS = 2_000;
/** Below this many voters a site's per-idea split stays merged into the total until the close. */
export const MIN_VOTERS_FOR_SITE_SPLIT = 3;
/** Gommettes (and take-backs) one voter may send per 10 s: a thumb, not a script. */
export const MAX_VOTE_COMMANDS_PER_10_S = 40;
export const MAX_AXIS_LABEL_CHARS = 40;
/** Matrix coordinates are 0…MATRIX_SCALE; the "easy and priority" quadrant is both ≥ half. */
export const MATRIX_SCALE = 100;
/**
 * The phone's choices on each axis: four steps, two on each side of the middle, so that every
 * choice falls clearly in one half (the quadrants need a side). Each is the centre of its quarter.
 */
export const MATRIX_STEPS = [12, 37, 63, 88] as const;

/** Refusals specific to votes: each one is translated on the phone. */
export const VoteErrorCode = {
  RoundClosed: 'vote_closed',
  BudgetSpent: 'vote_budget_spent',
  CapReached: 'vote_cap_reached',
  OwnIdea: 'vote_own_idea',
  NotInRound: 'vote_not_in_round',
  RoundOpen: 'vote_round_open',
  /** A resident places only the ideas of their own table on the matrix. */
  MatrixOtherTable: 'matrix_other_table',
  /** The workshop has tables and this resident has not picked one yet. */
  MatrixNoTable: 'matrix_no_table',
} as const;

/** HTTP statuses of those codes, for the REST error map. */
export const VOTE_ERROR_STATUS = {
  vote_closed: 409,
  vote_budget_spent: 409,
  vote_cap_reached: 409,
  vote_own_idea: 403,
  vote_not_in_round: 404,
  vote_round_open: 409,
  matrix_other_table: 403,
  matrix_no_table: 409,
} as const;
