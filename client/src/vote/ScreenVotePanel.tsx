import { Circle } from 'lucide-react';
import type { IdeaView, SiteLink } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { matrixTitle } from '../board/boardMatrix';
import { MatrixView } from './MatrixView';
import type { VoteFeed } from './useVoteFeed';
import { VoteResultsList } from './VoteResultsList';
import './vote.css';

interface ScreenVotePanelProps {
  feed: VoteFeed;
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  /** False during the Sélection step: the shared board shows the matrix then. */
  showMatrix?: boolean;
}

/**
 * The projector's vote: live results per site and together, a clear "closed" state, and the
 * reveal (bars grow one after another; instantly under `prefers-reduced-motion`). The matrix
 * with every placed idea when the facilitator uses it.
 */
export function ScreenVotePanel({ feed, ideas, sites, showMatrix = true }: ScreenVotePanelProps) {
  const { t } = useTranslation();
  const { round, results, matrix } = feed;
  const hasMatrix = showMatrix && matrix !== null && matrix.placements.length > 0;
  if (!round && !hasMatrix) return null;
  return (
    // Focusable: the results may scroll, and a keyboard must be able to scroll them too.
    <section className="screen-vote" aria-labelledby="screen-vote-heading" data-testid="screen-vote" tabIndex={0}>
      {round && (
        <>
          <h2 id="screen-vote-heading" className="wall__heading">
            <Circle aria-hidden="true" className="icon icon--gommette" />
            {t('vote.heading')}
          </h2>
          {results && <VoteResultsList key={round.revealedAt ?? 'live'} round={round} results={results} sites={sites} reveal={round.revealedAt !== null} />}
        </>
      )}
      {hasMatrix && (
        <div className="screen-vote__matrix">
          <h2 className="wall__heading" data-testid="screen-matrix-heading">
            {matrixTitle(matrix.axes, { title: t('vote.matrixHeading'), easy: t('vote.axisEasy'), priority: t('vote.axisPriority') })}
          </h2>
          <MatrixView matrix={matrix} ideas={ideas} large />
        </div>
      )}
    </section>
  );
}
