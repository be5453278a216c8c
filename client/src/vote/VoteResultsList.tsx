import type { RoundView, SiteLink, VoteResults } from '@gommette/shared';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

interface VoteResultsListProps {
  round: RoundView;
  results: VoteResults;
  /** Site names for the per-site figures; empty hides them. */
  sites: ReadonlyArray<SiteLink>;
  compact?: boolean;
  /** Plays the reveal animation (the projector, once the facilitator reveals). */
  reveal?: boolean;
}

/** Ranking with ties shown as ties, paper gommettes apart, voters per site; aggregates only. */
export function VoteResultsList({ round, results, sites, compact = false, reveal = false }: VoteResultsListProps) {
  const { t } = useTranslation();
  const texts = new Map(round.ideas.map((idea) => [idea.id, idea.text]));
  const names = new Map(sites.map((site) => [site.id, site.name]));
  const max = Math.max(1, ...(results.ranking ?? []).map((row) => row.total));
  const count = results.ranking?.length ?? 0;

  return (
    <div
      className={`vote-results${reveal ? ' vote-results--reveal' : ''}${compact ? ' vote-results--compact' : ''}`}
      data-testid="vote-results"
      data-closed={results.closed}
    >
      <p className="vote-results__status">
        <span className={`vote-badge${results.closed ? ' vote-badge--closed' : ''}`} data-testid="vote-status">
          {results.closed ? t('vote.roundClosed') : t('vote.roundOpen')}
        </span>{' '}
        <span data-testid="vote-voters" data-voters={results.voters}>
          {t('vote.voters', { count: results.voters })}
        </span>
      </p>
      {sites.length > 0 && (
        <ul className="vote-results__sites">
          {results.sites.map((site) => (
            <li
              key={site.siteId}
              data-testid="vote-site-voters"
              data-site={names.get(site.siteId) ?? ''}
              data-voters={site.voters}
              data-kiosk={site.kioskVoters}
            >
              {t('vote.votersSite', { name: names.get(site.siteId) ?? '?', count: site.voters })}
              {site.kioskVoters > 0 && <> ({t('vote.kioskVoters', { count: site.kioskVoters })})</>}
            </li>
          ))}
        </ul>
      )}
      {results.ranking === null ? (
        <p className="hint">{t('vote.resultsHidden')}</p>
      ) : (
        <ol className="vote-results__ranking">
          {results.ranking.map((row, index) => (
            <li
              key={row.ideaId}
              className="vote-row"
              data-testid="vote-row"
              data-total={row.total}
              data-paper={row.paper}
              data-rank={row.rank}
              style={{ '--vote-share': `${(row.total / max) * 100}%`, '--vote-order': count - index } as CSSProperties}
            >
              <span className="vote-row__rank">
                {row.rank === 1 ? t('vote.first') : t('vote.rank', { rank: row.rank })}
                {row.tied && <span className="vote-row__tie"> {t('vote.tie')}</span>}
              </span>
              <span className="vote-row__text">{texts.get(row.ideaId) ?? '…'}</span>
              <span className="vote-row__bar" aria-hidden="true" />
              <span className="vote-row__total">
                {t('vote.gommettes', { count: row.total })}
                {row.paper > 0 && <span className="vote-row__paper"> · {t('vote.paperLabel', { count: row.paper })}</span>}
              </span>
              {!compact && sites.length > 1 && (
                <span className="vote-row__sites">
                  {results.sites.map((site) => {
                    const paper = site.paper[row.ideaId] ?? 0;
                    return (
                      <span key={site.siteId}>
                        {names.get(site.siteId)} :{' '}
                        {site.ideas === null ? (paper > 0 ? t('vote.sitePaperOnly', { count: paper }) : '—') : (site.ideas[row.ideaId] ?? 0) + paper}
                      </span>
                    );
                  })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {!compact && results.ranking !== null && results.sites.some((site) => site.ideas === null && site.voters > 0) && (
        <p className="hint">{t('vote.merged')}</p>
      )}
    </div>
  );
}
