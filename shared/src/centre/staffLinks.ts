/**
 * Table helpers' and observers' links to a centre's workshop. A helper is often a volunteer without
 * an account, so the link itself stays the credential; but for a centre's workshop it is tied to
 * the centre: it works while it is not revoked and while the member who issued it is still a member
 * of the centre. Members list, issue and revoke them from the space.
 */
import { z } from 'zod';

export const STAFF_LINK_ROLES = ['helper', 'observer'] as const;
export type StaffLinkRole = (typeof STAFF_LINK_ROLES)[number];

/** The link made together with the workshop (derived from its facilitator token as before). */
export const INITIAL_STAFF_LINK_ID = 'initial';
/** Live links per workshop and role, so a page of links stays readable. */
export const MAX_LIVE_STAFF_LINKS_PER_ROLE = 10;

export const issueStaffLinkBody = z.object({ role: z.enum(STAFF_LINK_ROLES) });

/** Why a link no longer opens anything; null while it works. */
export type StaffLinkState = 'active' | 'revoked' | 'issuer_removed' | 'holder_removed';

export interface StaffLinkFacts {
  revokedAt: number | null;
  /** The issuer's account, or null when it no longer exists. */
  issuedBy: string | null;
  /** Whether the issuer is a member of the workshop's centre right now. */
  issuerIsMember: boolean;
  /**
   * Whether the member holding the workshop's console link is a member right now: every staff
   * link is derived from that link, so its holder could rebuild them all (default: true).
   */
  holderIsMember?: boolean;
}

/**
 * The rule: a revoked link never works again; a link whose issuer left the centre stops working
 * (the centre gives a new one); a link whose issuer's account is gone (no one to answer for it)
 * keeps working until a member revokes it; a link whose workshop's console-link holder left stops
 * working too (that holder could rebuild it), until an admin gives the console link a new holder.
 */
export function staffLinkState(link: StaffLinkFacts): StaffLinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (link.issuedBy !== null && !link.issuerIsMember) return 'issuer_removed';
  if (link.holderIsMember === false) return 'holder_removed';
  return 'active';
}

/**
 * The projector's link and each site's kiosk link of a centre workshop, for whom may read its
 * console link (they derive from it); each can be revoked alone, and a new one replaces it.
 */
export interface WorkshopDevicesView {
  screenUrl: string;
  kiosks: Array<{ siteId: string; name: string; kioskUrl: string }>;
}

export interface StaffLinkView {
  role: StaffLinkRole;
  linkId: string;
  /** The link to hand over (its secret after `#`); null once it no longer works. */
  url: string | null;
  /** Login of the member who issued it, or null. */
  issuedBy: string | null;
  createdAt: number;
  state: StaffLinkState;
}
