import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVoteKeys, kioskTurnTime } from './voterKey';

describe('voter keys', () => {
  const keys = createVoteKeys(randomBytes(32));

  it('gives a voter one key per round, recomputable by the server, and none of it plain', () => {
    const key = keys.voterKeyOf('round-1', 'participant-1');
    expect(keys.voterKeyOf('round-1', 'participant-1')).toBe(key);
    expect(keys.voterKeyOf('round-2', 'participant-1')).not.toBe(key);
    expect(keys.voterKeyOf('round-1', 'participant-2')).not.toBe(key);
    // Parts are length-prefixed: moving characters between round and voter changes the key.
    expect(keys.voterKeyOf('round-1p', 'articipant-1')).not.toBe(key);
    expect(key).not.toContain('participant-1');
    expect(key).not.toBe(createHash('sha256').update('participant-1').digest('base64url'));
    // Another sealing key, other keys: a copied database without the key file recomputes nothing.
    expect(createVoteKeys(randomBytes(32)).voterKeyOf('round-1', 'participant-1')).not.toBe(key);
  });

  it('keys seat ids apart from voter keys and from the old plain hash', () => {
    const seat = keys.seatIdOf('participant-1');
    expect(seat).toHaveLength(22);
    expect(keys.seatIdOf('participant-1')).toBe(seat);
    expect(seat).not.toBe(createHash('sha256').update('gommette:seat:participant-1').digest('base64url').slice(0, 22));
    expect(createVoteKeys(randomBytes(32)).seatIdOf('participant-1')).not.toBe(seat);
  });

  it('dates a kiosk turn to the hour', () => {
    expect(kioskTurnTime(1_700_000_123_456)).toBe(1_699_999_200_000);
  });
});
