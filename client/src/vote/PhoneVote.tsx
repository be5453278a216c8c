import type { IdeaView } from '@gommette/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import type { VoteFeed } from './useVoteFeed';
import { useVoteOutbox } from './useVoteOutbox';
import { effectiveGommettes } from './VoteOutbox';
import { VoteCards } from './VoteCards';
import { VoteResultsList } from './VoteResultsList';
import { BallotReadAloud } from './BallotReadAloud';
import './vote.css';

export interface PhoneVoteProps {
  participantId: string;
  socket: GommetteSocket | null;
  feed: VoteFeed;
  /** The room view's measure of the server's clock (a phone's own clock may be wrong). */
  clockOffsetMs: number;
  /** The resident's own ideas (for the self-vote rule). */
  myIdeas: ReadonlyArray<IdeaView>;
}

/**
 * The resident's vote: the ballot as big cards, the gommettes left, take-backs; taps wait in a
 * device outbox until the server has them. Self-contained: mount it when a round exists.
 */
export default function PhoneVote({ participantId, socket, feed, clockOffsetMs, myIdeas }: PhoneVoteProps) {
  const { t } = useTranslation();
  const { round, mine, results, applyMine } = feed;
  const handleAck = useCallback((ack: Parameters<typeof applyMine>[0]) => applyMine(ack), [applyMine]);
  const outbox = useVoteOutbox(participantId, socket, handleAck);
  const ownIdeaIds = useMemo(() => new Set(myIdeas.filter((idea) => idea.mine).map((idea) => idea.id)), [myIdeas]);
  if (!round) return null;
  const confirmed = mine?.roundId === round.id ? mine.gommettes : [];
  const gommettes = effectiveGommettes(confirmed, outbox.pending, round.id);
  const pendingCount = outbox.pending.filter((op) => op.roundId === round.id).length;

  return (
    <div className="phone-vote">
      <VoteCards
        headingAction={<BallotReadAloud round={round} />}
        round={round}
        clockOffsetMs={clockOffsetMs}
        mine={gommettes}
        ownIdeaIds={ownIdeaIds}
        pendingCount={pendingCount}
        onStick={(ideaId) => outbox.stick(round.id, ideaId)}
        onTakeBack={(gommetteId) => outbox.takeBack(round.id, gommetteId)}
      />
      {outbox.refusal && <AlertText testId="vote-refusal">{errorMessage(t, outbox.refusal)}</AlertText>}
      {results?.ranking && round.status === 'closed' && <VoteResultsList round={round} results={results} sites={[]} compact />}
    </div>
  );
}
