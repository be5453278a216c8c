import { ErrorCode, storedIdea, type AckError, type IdeaView, type Snapshot } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { emitCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';
import { SendLoop } from '../socket/SendLoop';
import { loadFailed, loadPending, saveFailed, savePending, type FailedIdea, type PendingIdea } from './outboxStorage';

export interface OutboxState {
  /** Oldest first: the order they are sent in. */
  pending: ReadonlyArray<PendingIdea>;
  failed: ReadonlyArray<FailedIdea>;
}

/** Refusals that resending the same idea cannot fix. */
const FINAL_REFUSALS: ReadonlySet<string> = new Set([ErrorCode.BadRequest, ErrorCode.TooLarge, ErrorCode.Conflict, ErrorCode.Forbidden]);
/** When the server says `rate_limited` without saying how long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;
/** Back-off after a temporary server failure: doubles up to the maximum. */
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 30_000;

/**
 * Exactly-once sending of the resident's ideas, offline-proof.
 *
 * An idea gets its id when "send" is pressed and is saved on the device before anything goes on
 * the network. Ideas are sent one at a time, oldest first, and the same idea (same id) is sent
 * again while no answer comes (backing off: see `SendLoop`), on every reconnection and after a
 * reload, until the server answers.
 * The server stores each id once, so a resend is harmless and acks the original.
 */
export class Outbox extends SendLoop<OutboxState> {
  private readonly participantId: string;
  private handleSent: (idea: IdeaView) => void = () => undefined;

  constructor(participantId: string) {
    super({ pending: loadPending(participantId), failed: loadFailed(participantId) }, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS });
    this.participantId = participantId;
  }

  /** Queues an idea (already checked by the UI) and tries to send it now. */
  readonly send = (text: string): string => {
    const idea: PendingIdea = { id: nanoid(), text, createdAt: Date.now() };
    this.setPending([...this.state.pending, idea]);
    this.pump();
    return idea.id;
  };

  /** Takes a refused idea back out of the list and returns its text, to edit and send again. */
  readonly retake = (id: string): string | null => {
    const failed = this.state.failed.find((idea) => idea.id === id);
    if (!failed) return null;
    this.setFailed(this.state.failed.filter((idea) => idea.id !== id));
    return failed.text;
  };

  /** Starts sending through this socket; returns the function that stops. */
  attach(socket: GommetteSocket, onSent: (idea: IdeaView) => void): () => void {
    this.handleSent = onSent;
    return this.connect(socket);
  }

  protected pump(): void {
    const head = this.state.pending[0];
    if (!head || !this.canSend()) return;
    this.transmit<'idea:post'>(
      head.id,
      (socket, onReply) => emitCommand(socket, 'idea:post', { id: head.id, text: head.text }, onReply, { timeoutMs: null }),
      (reply) => (reply.ok ? this.handleAccepted(head, reply.data) : this.handleRefused(head, reply)),
    );
  }

  protected confirmStored(snapshot: Snapshot, id: string): boolean {
    const head = this.state.pending[0];
    const stored = head?.id === id ? storedIdea(snapshot, id) : null;
    if (!head || !stored) return false;
    this.handleAccepted(head, stored);
    return true;
  }

  private handleAccepted(idea: PendingIdea, stored: IdeaView): void {
    this.resetBackOff();
    // Show it as sent before it leaves the queue, so it never blinks out of "Mes idées".
    this.handleSent({ ...stored, mine: true });
    this.setPending(this.state.pending.filter((item) => item.id !== idea.id));
    this.pump();
  }

  private handleRefused(idea: PendingIdea, refusal: AckError): void {
    if (refusal.code === ErrorCode.RateLimited) {
      const waitMs = this.waitAsAsked(refusal.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
      this.setNotice(idea.id, 'rate_limited', Date.now() + waitMs);
      return;
    }
    if (FINAL_REFUSALS.has(refusal.code)) {
      this.setPending(this.state.pending.filter((item) => item.id !== idea.id));
      this.setFailed([...this.state.failed, { id: idea.id, text: idea.text, createdAt: idea.createdAt, code: refusal.code }]);
      this.pump();
      return;
    }
    // A temporary failure (internal error, hands raised, a phase that closed): keep the idea and
    // try again a little later; it leaves once the facilitator lowers the hand or reopens ideas.
    this.setNotice(idea.id, refusal.code === ErrorCode.HandRaised || refusal.code === ErrorCode.PhaseClosed ? refusal.code : 'retrying');
    this.waitBackOff();
  }

  private setNotice(id: string, notice: PendingIdea['notice'], retryAt?: number): void {
    this.update({
      ...this.state,
      pending: this.state.pending.map((item) => {
        if (item.id !== id) return item;
        const { retryAt: _previous, ...rest } = item;
        return retryAt === undefined ? { ...rest, notice } : { ...rest, notice, retryAt };
      }),
    });
  }

  private setPending(pending: PendingIdea[]): void {
    savePending(this.participantId, pending);
    this.update({ ...this.state, pending });
  }

  private setFailed(failed: FailedIdea[]): void {
    saveFailed(this.participantId, failed);
    this.update({ ...this.state, failed });
  }
}
