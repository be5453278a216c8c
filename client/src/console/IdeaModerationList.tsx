import type { IdeaView, SiteLink } from '@gommette/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { siteColorClass } from '../components/siteColors';
import type { HideIdeaApi } from './useHideIdea';
import { IdeaRow } from './IdeaRow';

interface IdeaModerationListProps {
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  moderation: HideIdeaApi;
}

/** Every idea, newest first; hidden ones stay, greyed, so they can be shown again. */
export function IdeaModerationList({ ideas, sites, moderation }: IdeaModerationListProps) {
  const { t } = useTranslation();
  const newestFirst = useMemo(() => [...ideas].reverse(), [ideas]);
  const siteIds = useMemo(() => sites.map((site) => site.id), [sites]);
  const siteNames = useMemo(() => new Map(sites.map((site) => [site.id, site.name])), [sites]);

  return (
    <section className="console-ideas" aria-labelledby="console-ideas-heading">
      <h2 id="console-ideas-heading">
        <span aria-hidden="true">💡 </span>
        {t('console.ideasHeading')}{' '}
        <span className="console-ideas__count" aria-live="polite">
          ({t('console.ideasCount', { count: ideas.length })})
        </span>
      </h2>
      {newestFirst.length === 0 ? (
        <p className="hint">{t('console.noIdeas')}</p>
      ) : (
        <ul className="console-ideas__list">
          {newestFirst.map((idea) => (
            <IdeaRow
              key={idea.id}
              idea={idea}
              siteName={sites.length > 1 ? (siteNames.get(idea.siteId) ?? null) : null}
              colorClass={siteColorClass(siteIds, idea.siteId)}
              busy={moderation.busy.has(idea.id)}
              error={moderation.errors[idea.id]}
              onSetHidden={moderation.setHidden}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
