import type { IdeaView } from '@gommette/shared';
import type { ClientErrorCode } from '../api/errors';
import type { FailedIdea, PendingIdea } from './outboxStorage';

export type MyIdeaState = 'pending' | 'sent' | 'error';

export interface MyIdea {
  id: string;
  text: string;
  state: MyIdeaState;
  notice?: PendingIdea['notice'];
  /** Held back by the per-minute limit: when it leaves again (epoch ms). */
  retryAt?: number;
  errorCode?: ClientErrorCode;
}

/**
 * "Mes idées": refused ones first (so they are noticed), then those waiting for the network,
 * then those the server has (`mine: true`), newest first. An idea the server already has is
 * shown as sent even if its ack has not arrived yet. Ideas hidden by the facilitator are no
 * longer in `ideas`, so they simply disappear.
 */
export function mergeMyIdeas(ideas: ReadonlyArray<IdeaView>, pending: ReadonlyArray<PendingIdea>, failed: ReadonlyArray<FailedIdea>): MyIdea[] {
  const sent = ideas.filter((idea) => idea.mine);
  const sentIds = new Set(sent.map((idea) => idea.id));
  const refused: MyIdea[] = failed
    .filter((idea) => !sentIds.has(idea.id))
    .map((idea) => ({ id: idea.id, text: idea.text, state: 'error', errorCode: idea.code }));
  const waiting: MyIdea[] = pending
    .filter((idea) => !sentIds.has(idea.id))
    .map((idea): MyIdea => {
      const shown: MyIdea = { id: idea.id, text: idea.text, state: 'pending' };
      if (idea.notice) shown.notice = idea.notice;
      if (idea.notice === 'rate_limited' && idea.retryAt !== undefined) shown.retryAt = idea.retryAt;
      return shown;
    });
  const stored: MyIdea[] = sent.map((idea) => ({ id: idea.id, text: idea.text, state: 'sent' }));
  return [...refused.reverse(), ...waiting.reverse(), ...stored.reverse()];
}
