import { emptyMatrix, type IdeaView, type SiteLink, type VoteOpenPayload } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { KioskLinks } from './KioskLinks';
import { MatrixPanel } from './MatrixPanel';
import { PaperCounts } from './PaperCounts';
import { RoundForm } from './RoundForm';
import { sendCommand } from '../socket/command';
import type { VoteFeed } from './useVoteFeed';
import { VoteResultsList } from './VoteResultsList';
import './vote.css';

interface ConsoleVotePanelProps {
  socket: GommetteSocket | null;
  feed: VoteFeed;
  /** Every idea the console knows (hidden ones marked). */
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  workshopId: string;
  token: string;
  /** The console shows the vote and the matrix apart, each where its step needs it. */
  part?: 'vote' | 'matrix' | 'both';
}

/** The facilitator's vote: open a round, follow it live, paper counts, close, reveal; kiosks; the matrix. */
export function ConsoleVotePanel({ socket, feed, ideas, sites, workshopId, token, part = 'both' }: ConsoleVotePanelProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [paperSaved, setPaperSaved] = useState(false);
  const visible = ideas.filter((idea) => !idea.hidden);
  const { round, results } = feed;
  const open = round?.status === 'open';

  const run = <T,>(action: () => Promise<T>, then: (result: T) => void) => {
    setBusy(true);
    setError(null);
    action()
      .then(then, (failure: unknown) => setError(errorCodeOf(failure)))
      .finally(() => setBusy(false));
  };

  const handleOpen = (payload: VoteOpenPayload) => run(() => sendCommand(socket, 'vote:open', payload), feed.applyRound);
  const handleVoteQuadrant = () =>
    handleOpen({ id: nanoid(), ideas: { from: 'quadrant' }, budget: 3, stacking: false, capPerIdea: null, selfVote: true, results: 'live', closesAt: null });

  const matrixPanel = (
    <MatrixPanel
      matrix={feed.matrix ?? emptyMatrix}
      ideas={visible}
      busy={busy}
      canVote={!open}
      onPlace={(placement) => run(() => sendCommand(socket, 'matrix:place', placement), feed.applyMatrix)}
      onAxes={(easy, priority) => run(() => sendCommand(socket, 'matrix:axes', { easy, priority }), feed.applyMatrix)}
      onVoteQuadrant={handleVoteQuadrant}
    />
  );
  if (part === 'matrix') return matrixPanel;

  return (
    <>
      <section className="console-panel vote-panel" aria-labelledby="vote-heading" data-testid="console-vote">
        <h2 id="vote-heading">{t('vote.heading')}</h2>
        {round ? (
          <>
            {round.closesAt !== null && round.status === 'open' && (
              <p className="hint">
                {t('vote.closesAt', { time: new Date(round.closesAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }) })}
              </p>
            )}
            {results && <VoteResultsList round={round} results={results} sites={sites} />}
            <div className="vote-panel__actions">
              {open && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => run(() => sendCommand(socket, 'vote:close', { roundId: round.id }), feed.applyRound)}
                  data-testid="round-close"
                >
                  {t('vote.close')}
                </button>
              )}
              {!open && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy || round.revealedAt !== null}
                  onClick={() => run(() => sendCommand(socket, 'vote:reveal', { roundId: round.id }), feed.applyRound)}
                  data-testid="round-reveal"
                >
                  {round.revealedAt !== null ? t('vote.revealed') : t('vote.reveal')}
                </button>
              )}
            </div>
            <PaperCounts
              key={round.id}
              round={round}
              sites={sites}
              results={results}
              busy={busy}
              saved={paperSaved}
              onSave={(siteId, counts) =>
                run(
                  () => sendCommand(socket, 'vote:paper', { roundId: round.id, siteId, counts }),
                  (fresh) => {
                    feed.applyResults(fresh);
                    setPaperSaved(true);
                  },
                )
              }
            />
          </>
        ) : (
          <p className="hint">{t('vote.noRound')}</p>
        )}
        {!open && <RoundForm ideas={visible} busy={busy} onOpen={handleOpen} />}
        {error && <AlertText testId="vote-error">{errorMessage(t, error)}</AlertText>}
        <KioskLinks workshopId={workshopId} token={token} />
      </section>
      {part !== 'vote' && matrixPanel}
    </>
  );
}
