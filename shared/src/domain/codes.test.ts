import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../constants';
import { formatCodeForReading, normalizeCardCode, normalizeJoinCode } from './codes';

describe('join and card codes', () => {
  it('has no letter or digit people confuse when reading aloud', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L', 'U', 'V']) expect(JOIN_CODE_ALPHABET).not.toContain(confusing);
  });
  it('accepts what a person types: lower case, spaces, dashes', () => {
    expect(normalizeJoinCode('kp7-wq3')).toBe('KP7WQ3');
    expect(normalizeJoinCode(' KP7 WQ3 ')).toBe('KP7WQ3');
    expect(normalizeCardCode('abcd efgh')).toBe('ABCDEFGH');
  });
  it('refuses wrong lengths and characters outside the alphabet', () => {
    expect(normalizeJoinCode('KP7WQ')).toBeNull();
    expect(normalizeJoinCode('KP7WQ0')).toBeNull();
    expect(normalizeJoinCode('KP7WQO')).toBeNull();
    expect(normalizeJoinCode('../../x')).toBeNull();
  });
  it('groups codes for reading aloud', () => {
    expect(formatCodeForReading('KP7WQ3')).toBe('KP7 WQ3');
    expect(formatCodeForReading('ABCDEFGH')).toBe('ABCD EFGH');
  });
});
