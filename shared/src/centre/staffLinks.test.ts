import { describe, expect, it } from 'vitest';
import { staffLinkState } from './staffLinks';

describe('staff links of a centre workshop', () => {
  it('work while not revoked and while their issuer is a member', () => {
    expect(staffLinkState({ revokedAt: null, issuedBy: 'acc1', issuerIsMember: true })).toBe('active');
    expect(staffLinkState({ revokedAt: null, issuedBy: 'acc1', issuerIsMember: false })).toBe('issuer_removed');
    expect(staffLinkState({ revokedAt: 5, issuedBy: 'acc1', issuerIsMember: true })).toBe('revoked');
    expect(staffLinkState({ revokedAt: 5, issuedBy: 'acc1', issuerIsMember: false })).toBe('revoked');
  });

  it('keep working when nobody issued them (an account gone) until a member revokes them', () => {
    expect(staffLinkState({ revokedAt: null, issuedBy: null, issuerIsMember: false })).toBe('active');
    expect(staffLinkState({ revokedAt: 1, issuedBy: null, issuerIsMember: false })).toBe('revoked');
  });

  it("stop working once the console link's holder left, whoever issued them", () => {
    expect(staffLinkState({ revokedAt: null, issuedBy: 'acc1', issuerIsMember: true, holderIsMember: false })).toBe('holder_removed');
    expect(staffLinkState({ revokedAt: null, issuedBy: 'acc1', issuerIsMember: false, holderIsMember: false })).toBe('issuer_removed');
    expect(staffLinkState({ revokedAt: 2, issuedBy: 'acc1', issuerIsMember: true, holderIsMember: false })).toBe('revoked');
    expect(staffLinkState({ revokedAt: null, issuedBy: 'acc1', issuerIsMember: true, holderIsMember: true })).toBe('active');
  });
});
