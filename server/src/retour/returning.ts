import { MAX_EARLIER_CARDS, isReturning, normalizeCardCode, type WorkshopScope } from '@gommette/shared';
import type { AppContext } from '../context';
import { hashSecret } from '../security/tokens';

async function scopeOf(ctx: AppContext, workshopId: string): Promise<WorkshopScope | null> {
  const [workshop, link] = await Promise.all([ctx.store.getWorkshop(workshopId), ctx.centres.getCentreWorkshop(workshopId)]);
  return workshop ? { workshopId, createdAt: workshop.createdAt, centreId: link?.centreId ?? null } : null;
}

/**
 * Whether a phone joining `workshopId` showed the card of a resident of an earlier workshop in the
 * same scope (`isReturning`). The cards are hashed and looked up here, then forgotten: nothing of
 * them is stored, logged or answered (the join response does not say, so this is no card oracle).
 * Unknown, malformed, erased and paper or assisted cards count as no card.
 */
export async function cardsShowReturning(ctx: AppContext, workshopId: string, cards: ReadonlyArray<string>): Promise<boolean> {
  if (cards.length === 0) return false;
  const current = await scopeOf(ctx, workshopId);
  if (!current) return false;
  const scopes: Array<WorkshopScope | null> = [];
  for (const typed of cards.slice(0, MAX_EARLIER_CARDS)) {
    const code = normalizeCardCode(typed);
    const holder = code ? await ctx.store.getParticipantByCardHash(hashSecret(code)) : null;
    scopes.push(holder && holder.kind === 'resident' ? await scopeOf(ctx, holder.workshopId) : null);
  }
  return isReturning(current, scopes);
}

/** Across a centre's workshops: participants counted returning, added up (see `CentreFiguresResponse`). */
export async function returningAcross(ctx: AppContext, centreId: string): Promise<number> {
  const links = await ctx.centres.listCentreWorkshops(centreId);
  const counts = await Promise.all(links.map((link) => ctx.store.countParticipants(link.workshopId)));
  return counts.reduce((sum, count) => sum + count.returning, 0);
}
