import { INITIAL_STAFF_LINK_ID, staffLinkState, type StaffLinkRole, type StaffLinkState, type StaffLinkView } from '@gommette/shared';
import { hashSecret, helperTokenFor, issuedStaffTokenFor, observerTokenFor } from '../security/tokens';
import { helperUrl, observerUrl } from '../workshop/links';
import type { AppContext } from '../context';
import type { CentreStore, CentreWorkshopRecord, StaffLinkRecord } from '../store/CentreStore';

/** The secret of a helper's or observer's link, rebuilt from the facilitator token (kept for centre workshops). */
export function staffLinkToken(role: StaffLinkRole, linkId: string, facilitatorToken: string): string {
  if (linkId === INITIAL_STAFF_LINK_ID) return role === 'helper' ? helperTokenFor(facilitatorToken) : observerTokenFor(facilitatorToken);
  return issuedStaffTokenFor(role, linkId, facilitatorToken);
}

export function staffLinkUrl(base: string, workshopId: string, role: StaffLinkRole, token: string): string {
  return role === 'helper' ? helperUrl(base, workshopId, token) : observerUrl(base, workshopId, token);
}

/** Registers a link of a centre's workshop, issued by `issuedBy`. */
export async function issueStaffLink(
  centres: CentreStore,
  link: { workshopId: string; role: StaffLinkRole; linkId: string; issuedBy: string | null; facilitatorToken: string; now: number },
): Promise<StaffLinkRecord> {
  const record: StaffLinkRecord = {
    tokenHash: hashSecret(staffLinkToken(link.role, link.linkId, link.facilitatorToken)),
    workshopId: link.workshopId,
    role: link.role,
    linkId: link.linkId,
    issuedBy: link.issuedBy,
    createdAt: link.now,
    revokedAt: null,
  };
  await centres.insertStaffLink(record);
  return record;
}

/**
 * Whether a stored link works right now: not revoked, its issuer still a member of the centre, and
 * the holder of the console link it is derived from still a member too (that holder could rebuild it).
 */
export async function stateOf(centres: CentreStore, centreId: string, link: StaffLinkRecord, holderIsMember: boolean): Promise<StaffLinkState> {
  const issuerIsMember = link.issuedBy !== null && (await centres.getRole(centreId, link.issuedBy)) !== null;
  return staffLinkState({ revokedAt: link.revokedAt, issuedBy: link.issuedBy, issuerIsMember, holderIsMember });
}

/**
 * For a workshop of a centre: whether the member who holds its console link (the one who made the
 * workshop) is still a member, which every credential derived from that link (projector, kiosks)
 * needs. Null for a workshop outside any centre (its links stand alone).
 */
export async function centreHolderIsMember(centres: CentreStore, workshopId: string): Promise<boolean | null> {
  const centreLink = await centres.getCentreWorkshop(workshopId);
  if (!centreLink) return null;
  return holderIsMember(centres, centreLink);
}

/**
 * For a workshop of a centre: whether `token` is a working `role` link of that workshop. Null for
 * a workshop outside any centre (the caller compares the link as before).
 */
export async function centreStaffLinkWorks(centres: CentreStore, workshopId: string, role: StaffLinkRole, token: string): Promise<boolean | null> {
  const centreLink = await centres.getCentreWorkshop(workshopId);
  if (!centreLink) return null;
  const link = await centres.getStaffLink(hashSecret(token));
  if (!link || link.workshopId !== workshopId || link.role !== role) return false;
  return (await stateOf(centres, centreLink.centreId, link, await holderIsMember(centres, centreLink))) === 'active';
}

async function holderIsMember(centres: CentreStore, link: CentreWorkshopRecord): Promise<boolean> {
  return link.createdBy !== null && (await centres.getRole(link.centreId, link.createdBy)) !== null;
}

/**
 * Every link of a centre's workshop, with its issuer's login and whether it works; the URL of a
 * working link goes only to whom `showUrl` allows (the console's holder, admins, the link's issuer).
 */
export async function staffLinkViews(
  centres: CentreStore,
  centreId: string,
  workshopId: string,
  facilitatorToken: string,
  base: string,
  showUrl: (link: StaffLinkRecord) => boolean = () => true,
): Promise<StaffLinkView[]> {
  const links = await centres.listStaffLinks(workshopId);
  const centreLink = await centres.getCentreWorkshop(workshopId);
  const holder = centreLink !== null && (await holderIsMember(centres, centreLink));
  const logins = new Map((await centres.listMembers(centreId)).map((member) => [member.accountId, member.login]));
  const views: StaffLinkView[] = [];
  for (const link of links) {
    const state = await stateOf(centres, centreId, link, holder);
    const issuer = link.issuedBy === null ? null : (logins.get(link.issuedBy) ?? (await centres.getAccount(link.issuedBy))?.login ?? null);
    views.push({
      role: link.role,
      linkId: link.linkId,
      url: state === 'active' && showUrl(link) ? staffLinkUrl(base, workshopId, link.role, staffLinkToken(link.role, link.linkId, facilitatorToken)) : null,
      issuedBy: issuer,
      createdAt: link.createdAt,
      state,
    });
  }
  return views;
}

/**
 * The helper's and observer's links the console shows: for a workshop outside any centre, those
 * made with it; for a centre's workshop, the newest working one of each role, or null.
 */
export async function consoleStaffLinks(
  ctx: AppContext,
  workshopId: string,
  facilitatorToken: string,
  base: string,
): Promise<{ helperUrl: string | null; observerUrl: string | null }> {
  const centreLink = await ctx.centres.getCentreWorkshop(workshopId);
  if (!centreLink) {
    return {
      helperUrl: helperUrl(base, workshopId, helperTokenFor(facilitatorToken)),
      observerUrl: observerUrl(base, workshopId, observerTokenFor(facilitatorToken)),
    };
  }
  const views = await staffLinkViews(ctx.centres, centreLink.centreId, workshopId, facilitatorToken, base);
  const newest = (role: StaffLinkRole) => views.filter((view) => view.role === role && view.state === 'active').at(-1)?.url ?? null;
  return { helperUrl: newest('helper'), observerUrl: newest('observer') };
}
