import type { Request } from 'express';
import { ErrorCode, serverIdSchema } from '@gommette/shared';
import type { AppContext } from '../context';
import { bearerToken, checkFacilitator } from '../security/access';
import type { WorkshopRecord } from '../store/WorkshopStore';
import { HttpError } from './errors';

/**
 * The workshop of `req.params.id` if the request carries its facilitator token
 * (`Authorization: Bearer …`) and, for a centre's workshop, a signed-in member's cookie.
 */
export async function facilitatorOf(ctx: AppContext, req: Request): Promise<{ workshop: WorkshopRecord; token: string }> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new HttpError(ErrorCode.Unauthorized, 'facilitator token required (Authorization: Bearer …)');
  const id = serverIdSchema.safeParse(req.params.id);
  if (!id.success) throw new HttpError(ErrorCode.NotFound, 'no such workshop');
  const check = await checkFacilitator(ctx.store, id.data, token, { centres: ctx.centres, cookie: req.headers.cookie, now: ctx.now() });
  if ('refusal' in check) {
    throw new HttpError(
      check.refusal,
      check.refusal === ErrorCode.MemberRequired ? "sign in as a member of this workshop's centre" : 'unknown workshop or wrong token',
    );
  }
  return { workshop: check.workshop, token };
}
