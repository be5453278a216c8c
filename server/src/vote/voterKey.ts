import { createHmac, hkdfSync } from 'node:crypto';
import { perSealingKey } from '../security/sealed';

/**
 * The one place where votes and seats are keyed (issue 20). Two keys are derived (HKDF-SHA256)
 * from the sealing key (`security/sealed.ts`), so the database alone, or a dump of it, links no
 * gommette to a participant, a kiosk turn or a seat handle:
 *
 * - a gommette is stored under `HMAC(voterKey, round id, voter id)`: the server recomputes it for
 *   the budget, caps and take-backs; it differs from round to round and from the voter's id;
 * - a seat id (the staff's handle for a person) is `HMAC(seatKey, participant id)`.
 */
export interface VoteKeys {
  voterKeyOf(roundId: string, voterId: string): string;
  seatIdOf(participantId: string): string;
}

/** Seat ids kept computed (about 100 bytes each). */
const MAX_REMEMBERED_SEATS = 50_000;

function derive(sealingKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sealingKey, Buffer.alloc(0), `gommette:${purpose}`, 32));
}

function hmac(key: Buffer, ...parts: string[]): string {
  const mac = createHmac('sha256', key);
  // Length-prefixed, so ("ab", "c") and ("a", "bc") never meet.
  for (const part of parts) mac.update(`${Buffer.byteLength(part)}:${part}`);
  return mac.digest('base64url');
}

export function createVoteKeys(sealingKey: Buffer): VoteKeys {
  const voterKey = derive(sealingKey, 'vote-voter');
  const seatKey = derive(sealingKey, 'vote-seat');
  // The staff's list of people is rebuilt twice a second while a room joins: one HMAC per person
  // per list would be most of its cost with thousands of phones. Bounded: cleared when full.
  const seats = new Map<string, string>();
  return {
    voterKeyOf: (roundId, voterId) => hmac(voterKey, roundId, voterId),
    seatIdOf: (participantId) => {
      let seat = seats.get(participantId);
      if (seat === undefined) {
        if (seats.size >= MAX_REMEMBERED_SEATS) seats.clear();
        seat = hmac(seatKey, participantId).slice(0, 22);
        seats.set(participantId, seat);
      }
      return seat;
    },
  };
}

/** One set of keys per data folder and sealing key (the same on every node of a cluster). */
export const voteKeysFor = perSealingKey(createVoteKeys);

/** Kiosk turns are dated to the hour only (no millisecond to match against who stood at the kiosk). */
export const KIOSK_TURN_TIME_MS = 3_600_000;

export function kioskTurnTime(now: number): number {
  return now - (now % KIOSK_TURN_TIME_MS);
}
