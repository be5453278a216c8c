import { VoteErrorCode } from './vote/constants';

/**
 * Limits, timings and codes shared by the server (validation) and the UI (counters, hints).
 * Units are in the names.
 */

/** Bumped whenever a command or event changes shape; the server refuses other versions. */
export const PROTOCOL_VERSION = 1;

export const MAX_TITLE_CHARS = 120;
export const MAX_QUESTION_CHARS = 300;
export const MAX_PURPOSE_CHARS = 500;
export const MAX_SITE_NAME_CHARS = 80;
export const MAX_SITES_PER_WORKSHOP = 12;
export const MAX_IDEA_CHARS = 200;
/**
 * The most UTF-16 units one character of typed text may take (a family emoji is 11): the wire
 * bound of a text is its character limit times this, and `measureText` applies the same bound.
 */
export const MAX_UNITS_PER_CHAR = 16;
export const MAX_NICKNAME_CHARS = 30;

/** Ideas one participant may post in a minute (a resident writes far fewer; this stops floods). */
export const MAX_IDEAS_PER_MINUTE = 12;
/** Any command, per connection, per window below. */
export const MAX_COMMANDS_PER_WINDOW = 60;
export const COMMAND_WINDOW_MS = 10_000;
/** Workshops one network address may create per hour. */
export const MAX_WORKSHOPS_PER_HOUR = 30;
/** Joins (new participants or card resumes) one network address may make per minute;
 * a whole room shares the venue's Wi-Fi address, so this is generous. */
export const MAX_JOINS_PER_MINUTE = 120;
/** Wrong participant-card codes one address may try per 15 minutes. */
export const MAX_CARD_ATTEMPTS_PER_15_MINUTES = 20;
/** Participant cards of earlier workshops a phone presents when joining, at most (to count returning people). */
export const MAX_EARLIER_CARDS = 8;
/**
 * Sockets one resident's token may hold open at once (a few tabs or a phone and a tablet); one
 * more is refused in its connect_error with `too_many_connections`, and a closed socket frees its
 * slot. Counted per server node: in a cluster each node allows this many.
 */
export const MAX_SOCKETS_PER_RESIDENT_TOKEN = 8;
/** REST requests one token (facilitator, participant) or one staff session may make per minute. */
export const MAX_REQUESTS_PER_TOKEN_PER_MINUTE = 300;
/** REST requests without a token one network address may make per minute (a whole room joins at once). */
export const MAX_ANONYMOUS_REQUESTS_PER_ADDRESS_PER_MINUTE = 600;
/** Every REST request of one network address per minute: the ceiling for a venue behind one address. */
export const MAX_REQUESTS_PER_ADDRESS_PER_MINUTE = 3_000;
/** An id in a REST path: server ids are 16 characters, client ids at most 64. */
export const MAX_PATH_ID_CHARS = 64;

/** socket.io `maxHttpBufferSize`: a bigger frame closes the connection. */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024;
/** express.json limit for REST bodies. */
export const MAX_HTTP_BODY_BYTES = 32 * 1024;
/** A client must send its request headers within this time (slow-header connections are closed). */
export const HTTP_HEADERS_TIMEOUT_MS = 15_000;
/** A whole request, body included, must arrive within this time (a body is at most 32 KB). */
export const HTTP_REQUEST_TIMEOUT_MS = 30_000;
/** How often the HTTP server looks for connections past those times. */
export const HTTP_TIMEOUT_CHECK_INTERVAL_MS = 2_000;

/** Join codes avoid 0/O, 1/I/L and U/V so they can be read aloud and typed without doubt. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const CARD_CODE_ALPHABET = JOIN_CODE_ALPHABET;
export const CARD_CODE_LENGTH = 8;

/** How long the phone waits for an ack before resending the same command. */
export const COMMAND_ACK_TIMEOUT_MS = 5_000;
/**
 * New ideas are broadcast at once when a room is quiet, and at most once per interval as one
 * batch when it is busy: 500 phones posting do not make 500 writes per idea per socket. The
 * ideas of one commit already go as one batch (group commit); the interval only bounds the rate
 * (50 a second), and every idea committed just after a batch waits for it: at 50 ms, ideas
 * committed in several parts (three nodes sharing a file) reached the projector up to 50 ms
 * later than one node's single commit.
 */
export const IDEA_BROADCAST_INTERVAL_MS = 20;
/**
 * The phones' idea counter (`ideas:counted`) goes out at most once per interval per workshop:
 * at most 2 messages a second per phone, however fast the ideas come (the projector still gets
 * each idea within `IDEA_BROADCAST_INTERVAL_MS`).
 */
export const IDEA_COUNT_BROADCAST_INTERVAL_MS = 500;
/** Presence counts are broadcast at most once per interval per workshop. */
export const PRESENCE_BROADCAST_INTERVAL_MS = 500;

export const ErrorCode = {
  BadRequest: 'bad_request',
  TooLarge: 'too_large',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  UnknownEvent: 'unknown_event',
  ProtocolMismatch: 'protocol_mismatch',
  /** A phase control that does not apply now (pausing a paused phase…). */
  IllegalTransition: 'illegal_transition',
  /** The current phase does not take this (an idea during the vote…). */
  PhaseClosed: 'phase_closed',
  /** "Main levée": everyone stops while the facilitator speaks. */
  HandRaised: 'hand_raised',
  /** A centre's workshop: its console also needs a signed-in member of that centre. */
  MemberRequired: 'member_required',
  /** A resident's erasure after their workshop's briefs were published: ask the facilitator instead. */
  EraseClosed: 'erase_closed',
  /** A new account's password is common, the login, or as easy to guess. */
  WeakPassword: 'weak_password',
  /** Too many sockets open at once with one resident's token (this node). */
  TooManyConnections: 'too_many_connections',
  Internal: 'internal',
  ...VoteErrorCode,
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
