import { timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '@gommette/shared';
import type { WorkshopRecord, WorkshopStore, ParticipantRecord } from '../store/WorkshopStore';
import { hashSecret } from './tokens';
import { centreMemberMayRun, type ConsoleRequester } from '../centre/session';
import { centreHolderIsMember, centreStaffLinkWorks } from '../centre/staffLinks';
import type { CentreStore } from '../store/CentreStore';

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Why a facilitator link opened nothing: a wrong link, or a centre's workshop without a member signed in. */
export type FacilitatorCheck = { workshop: WorkshopRecord } | { refusal: typeof ErrorCode.Unauthorized | typeof ErrorCode.MemberRequired };

/**
 * The workshop if `token` is its facilitator token; a token of another workshop opens nothing.
 * A workshop of a centre's space also needs a signed-in member of that centre (the session cookie
 * of `requester`): a removed facilitator's old link opens nothing. Other workshops: the token alone.
 */
export async function checkFacilitator(store: WorkshopStore, workshopId: string, token: string, requester: ConsoleRequester): Promise<FacilitatorCheck> {
  const workshop = await store.getWorkshop(workshopId);
  if (!workshop || !sameHash(workshop.facilitatorTokenHash, hashSecret(token))) return { refusal: ErrorCode.Unauthorized };
  return (await centreMemberMayRun(requester, workshop.id)) ? { workshop } : { refusal: ErrorCode.MemberRequired };
}

export async function facilitatorAccess(store: WorkshopStore, workshopId: string, token: string, requester: ConsoleRequester): Promise<WorkshopRecord | null> {
  const check = await checkFacilitator(store, workshopId, token, requester);
  return 'workshop' in check ? check.workshop : null;
}

/**
 * The projector's access: read-only, everything residents can see. For a centre's workshop, only
 * while the member holding its console link is still a member (`centreHolderIsMember`).
 */
export async function screenAccess(store: WorkshopStore, centres: CentreStore, workshopId: string, token: string): Promise<WorkshopRecord | null> {
  const workshop = await store.getWorkshop(workshopId);
  if (!workshop || !sameHash(workshop.screenTokenHash, hashSecret(token))) return null;
  return (await centreHolderIsMember(centres, workshop.id)) === false ? null : workshop;
}

/**
 * A table helper: posts for residents without a phone, sees what the facilitator sees. For a
 * centre's workshop, the link must be one the centre issued, not revoked, whose issuer is still a
 * member (`centreStaffLinkWorks`); elsewhere, the workshop's own helper link.
 */
export async function helperAccess(store: WorkshopStore, centres: CentreStore, workshopId: string, token: string): Promise<WorkshopRecord | null> {
  const workshop = await store.getWorkshop(workshopId);
  if (!workshop) return null;
  const centre = await centreStaffLinkWorks(centres, workshop.id, 'helper', token);
  if (centre !== null) return centre ? workshop : null;
  return workshop.helperTokenHash && sameHash(workshop.helperTokenHash, hashSecret(token)) ? workshop : null;
}

/** An observer: everything the facilitator sees, read-only; tied to the centre like a helper's link. */
export async function observerAccess(store: WorkshopStore, centres: CentreStore, workshopId: string, token: string): Promise<WorkshopRecord | null> {
  const workshop = await store.getWorkshop(workshopId);
  if (!workshop) return null;
  const centre = await centreStaffLinkWorks(centres, workshop.id, 'observer', token);
  if (centre !== null) return centre ? workshop : null;
  return workshop.observerTokenHash && sameHash(workshop.observerTokenHash, hashSecret(token)) ? workshop : null;
}

export async function participantAccess(store: WorkshopStore, token: string): Promise<ParticipantRecord | null> {
  return store.getParticipantByTokenHash(hashSecret(token));
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(header ?? '');
  return match?.[1] ?? null;
}
