import { z } from 'zod';

/**
 * What a board client may say about itself through Yjs awareness: which kind of screen it is,
 * the site (later: table) it belongs to, and the part of the board it is looking at. Never a
 * name: the gateway drops any awareness state that does not match this strict shape or claims
 * another role or site than its token's.
 */
export const boardViewport = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});
export type BoardViewport = z.infer<typeof boardViewport>;

export const boardAwarenessState = z.strictObject({
  role: z.enum(['facilitator', 'participant', 'screen']),
  siteId: z.string().max(64).nullable(),
  view: boardViewport.nullable(),
  /** Set by the facilitator when "Suivez-moi" is on: every screen shows this view. */
  lead: z.boolean(),
});
export type BoardAwarenessState = z.infer<typeof boardAwarenessState>;
