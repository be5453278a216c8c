import { Lightbulb } from 'lucide-react';
import type { IdeaView, SiteLink } from '@gommette/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { siteColorClass } from '../components/siteColors';
import { IdeaCard } from './IdeaCard';
import { TableBadge } from '../run/TableBadge';

/** More than this would be too small to read from the back of the room; the oldest go first. */
const MAX_CARDS_ON_WALL = 60;
/** Longer than this, an idea takes two columns of the wall (about four lines of a card). */
const LONG_IDEA_CHARS = 70;

interface IdeaWallProps {
  /** Visible ideas, oldest first. */
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  snapshotIdeaIds: ReadonlySet<string>;
  /** In plenary, one table at a time (shown next to the heading). */
  table?: number | null;
}

/** The wall of post-its, newest first; when it is full, the oldest slide out at the bottom. */
export function IdeaWall({ ideas, sites, snapshotIdeaIds, table = null }: IdeaWallProps) {
  const { t } = useTranslation();
  const newest = useMemo(() => ideas.slice(-MAX_CARDS_ON_WALL).reverse(), [ideas]);
  const siteIds = useMemo(() => sites.map((site) => site.id), [sites]);
  const siteNames = useMemo(() => new Map(sites.map((site) => [site.id, site.name])), [sites]);

  return (
    <section className="wall" aria-labelledby="wall-heading">
      <h2 id="wall-heading" className="wall__heading">
        <Lightbulb aria-hidden="true" className="icon" />
        {t('screen.ideasHeading')} {table !== null && <TableBadge table={table} className="wall__table" />}{' '}
        <span className="wall__count" aria-live="polite">
          {t('screen.ideasCount', { count: ideas.length })}
        </span>
      </h2>
      {newest.length === 0 ? (
        <p className="wall__empty">{t('screen.noIdeas')}</p>
      ) : (
        <ul className="wall__grid">
          {newest.map((idea) => (
            <IdeaCard
              key={idea.id}
              idea={idea}
              siteName={sites.length > 1 ? (siteNames.get(idea.siteId) ?? null) : null}
              colorClass={siteColorClass(siteIds, idea.siteId)}
              fresh={!snapshotIdeaIds.has(idea.id)}
              long={Array.from(idea.text).length > LONG_IDEA_CHARS}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
