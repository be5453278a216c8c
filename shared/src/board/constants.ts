/** Limits and names of the shared board (journey map + idea notes). Units are in the names. */

/** WebSocket sub-protocol the board gateway speaks; the client offers its token as a second one. */
export const BOARD_WS_PROTOCOL = 'gommette-board';
/** Path prefix of the board gateway: `/yjs/<workshopId>`. */
export const BOARD_WS_PATH = '/yjs/';
/** A WebSocket message bigger than this closes that connection (ws `maxPayload`). */
export const MAX_BOARD_MESSAGE_BYTES = 1024 * 1024;
/** The stored state of one board may not grow past this: updates that would are refused. */
export const MAX_BOARD_DOC_BYTES = 16 * 1024 * 1024;
/** Saves are debounced by this quiet time… */
export const BOARD_SAVE_DEBOUNCE_MS = 1_000;
/** …but never wait longer than this after the first unsaved change. */
export const BOARD_SAVE_MAX_WAIT_MS = 5_000;
/** After this many stored update rows, the board is compacted into one state. */
export const BOARD_COMPACT_AFTER_ROWS = 100;
/**
 * Messages one connection may send per window (a pan publishes presence a few times a second;
 * a flood closes that connection, which then resyncs cleanly when it reconnects).
 */
export const BOARD_MAX_MESSAGES_PER_WINDOW = 300;
export const BOARD_MESSAGE_WINDOW_MS = 10_000;
/** Close code when a client's update would make the board too big (4000–4999 are the app's own). */
export const BOARD_CLOSE_TOO_LARGE = 4413;

export const MAX_NOTE_CHARS = 140;
export const MAX_BOARD_LABEL_CHARS = 60;
export const MAX_PERSONA_CHARS = 160;
export const MAX_CLUSTER_NAME_CHARS = 60;
export const MAX_JOURNEY_STEPS = 20;
export const MAX_JOURNEY_ROWS = 10;

/** Feelings a resident can pick instead of (or with) words. */
export const FEELINGS = ['😀', '🙂', '😐', '😟', '😢', '😡', '😴', '😨'] as const;
export type Feeling = (typeof FEELINGS)[number];
export const isFeeling = (value: unknown): value is Feeling => typeof value === 'string' && (FEELINGS as readonly string[]).includes(value);
