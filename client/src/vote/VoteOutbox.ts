import { ErrorCode, myVotesIn, withGommette, withoutGommette, type Ack, type MyGommette, type MyVotes, type Snapshot } from '@gommette/shared';
import { nanoid } from 'nanoid';
import type { ClientErrorCode } from '../api/errors';
import { emitCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';
import { SendLoop } from '../socket/SendLoop';
import { loadVoteOps, saveVoteOps, type VoteOp } from './voteOutboxStorage';

export interface VoteOutboxState {
  /** Oldest first: the order they are sent in. */
  pending: ReadonlyArray<VoteOp>;
  /** The last refusal the server gave (budget spent, vote closed…), to tell the person. */
  refusal: ClientErrorCode | null;
}

/** Refusals worth waiting out; anything else drops the operation and is shown. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 2_000;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Exactly-once gommettes, the sibling of the ideas' `Outbox`: a tap makes the gommette's id and
 * saves it on the device before anything goes on the network; operations leave one at a time,
 * oldest first, and the same operation is resent while no answer comes (backing off: see
 * `SendLoop`), on every reconnection and after a reload, until the server answers. The server
 * stores each id once.
 */
export class VoteOutbox extends SendLoop<VoteOutboxState> {
  private handleAck: (mine: MyVotes) => void = () => undefined;

  /** `owner`: the participant, or the kiosk; operations of a kiosk carry their voter. */
  constructor(private readonly owner: string) {
    super({ pending: loadVoteOps(owner), refusal: null }, { baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS });
  }

  readonly stick = (roundId: string, ideaId: string, voterId?: string): void => {
    const op: VoteOp = voterId ? { kind: 'stick', id: nanoid(), roundId, ideaId, voterId } : { kind: 'stick', id: nanoid(), roundId, ideaId };
    this.setPending([...this.state.pending, op], null);
    this.pump();
  };

  /** A kiosk: the next person gets a fresh voter (sent before their gommettes, in order). */
  readonly nextVoter = (voterId: string): void => {
    this.setPending([...this.state.pending, { kind: 'voter', id: voterId, roundId: '' }], null);
    this.pump();
  };

  readonly takeBack = (roundId: string, gommetteId: string, voterId?: string): void => {
    // A gommette still waiting on this device, not yet on its way: simply forget it.
    const waiting = this.state.pending.find((op) => op.kind === 'stick' && op.id === gommetteId);
    if (waiting && this.inFlightId !== gommetteId) {
      this.setPending(
        this.state.pending.filter((op) => op !== waiting),
        null,
      );
      return;
    }
    const op: VoteOp = voterId ? { kind: 'takeBack', id: nanoid(), roundId, gommetteId, voterId } : { kind: 'takeBack', id: nanoid(), roundId, gommetteId };
    this.setPending([...this.state.pending, op], null);
    this.pump();
  };

  attach(socket: GommetteSocket, onAck: (mine: MyVotes) => void): () => void {
    this.handleAck = onAck;
    return this.connect(socket);
  }

  protected pump(): void {
    const head = this.state.pending[0];
    if (!head || !this.canSend()) return;
    const done = (answer: Ack<MyVotes>): void => (answer.ok ? this.accepted(head, answer.data) : this.refused(head, answer.code, answer.retryAfterMs));
    this.transmit<'kiosk:next' | 'vote:cast' | 'vote:takeBack'>(
      head.id,
      (socket, onReply) => {
        if (head.kind === 'voter') {
          emitCommand(socket, 'kiosk:next', { voterId: head.id }, onReply, { timeoutMs: null });
        } else if (head.kind === 'stick') {
          const { id, roundId, ideaId, voterId } = head;
          emitCommand(socket, 'vote:cast', voterId ? { id, roundId, ideaId, voterId } : { id, roundId, ideaId }, onReply, { timeoutMs: null });
        } else {
          const { id, roundId, gommetteId, voterId } = head;
          emitCommand(socket, 'vote:takeBack', voterId ? { id, roundId, gommetteId, voterId } : { id, roundId, gommetteId }, onReply, { timeoutMs: null });
        }
      },
      done,
    );
  }

  /**
   * A phone's gommette is stored if the snapshot's gommettes have it; its take-back if they no
   * longer have it (the gommette's own stick was acked before: the queue is in order). A kiosk's
   * operations and its next voter are sent again (the server stores each id once).
   */
  protected confirmStored(snapshot: Snapshot, id: string): boolean {
    const head = this.state.pending[0];
    if (!head || head.id !== id || head.kind === 'voter' || head.voterId !== undefined) return false;
    const mine = myVotesIn(snapshot, head.roundId);
    if (!mine) return false;
    const target = head.kind === 'stick' ? head.id : head.gommetteId;
    const present = mine.gommettes.some((gommette) => gommette.id === target);
    if (present !== (head.kind === 'stick')) return false;
    this.accepted(head, mine);
    return true;
  }

  private accepted(op: VoteOp, mine: MyVotes): void {
    this.resetBackOff();
    this.handleAck(mine);
    this.setPending(
      this.state.pending.filter((item) => item.id !== op.id),
      this.state.refusal,
    );
    this.pump();
  }

  private refused(op: VoteOp, code: ErrorCode, retryAfterMs: number | undefined): void {
    if (code === ErrorCode.RateLimited) {
      this.waitAsAsked(retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS);
      return;
    }
    if (code === ErrorCode.Internal) return this.waitBackOff();
    // Final: budget spent, vote closed, not allowed… drop it and say why.
    this.setPending(
      this.state.pending.filter((item) => item.id !== op.id),
      code,
    );
    this.pump();
  }

  private setPending(pending: VoteOp[], refusal: ClientErrorCode | null): void {
    saveVoteOps(this.owner, pending);
    this.update({ pending, refusal });
  }
}

/** The voter's gommettes as the screen shows them: confirmed by the server, then this device's pending taps. */
export function effectiveGommettes(confirmed: ReadonlyArray<MyGommette>, pending: ReadonlyArray<VoteOp>, roundId: string, voterId?: string): MyGommette[] {
  let mine = [...confirmed];
  for (const op of pending) {
    if (op.kind === 'voter' || op.roundId !== roundId || op.voterId !== voterId) continue;
    mine = op.kind === 'stick' ? withGommette(mine, { id: op.id, ideaId: op.ideaId }) : withoutGommette(mine, op.gommetteId);
  }
  return mine;
}
