import { Lightbulb } from 'lucide-react';
import type { IdeaView, SiteLink } from '@gommette/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { siteColorClass } from '../components/siteColors';
import type { GommetteSocket } from '../socket/createSocket';
import type { HideIdeaApi } from './useHideIdea';
import { IdeaRow } from './IdeaRow';
import { TableOptions } from '../run/TableOptions';

interface IdeaModerationListProps {
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  moderation: HideIdeaApi;
  /** Null: read-only (observers). */
  socket: GommetteSocket | null;
  onIdea: (idea: IdeaView) => void;
  themes: ReadonlyArray<string>;
  tableCount: number;
}

/** Every idea, newest first, filtered by table; hidden ones stay, greyed, so they can be shown again. */
export function IdeaModerationList({ ideas, sites, moderation, socket, onIdea, themes, tableCount }: IdeaModerationListProps) {
  const { t } = useTranslation();
  const [table, setTable] = useState<number | null>(null);
  const filtered = useMemo(() => (table === null ? ideas : ideas.filter((idea) => idea.tableId === table)), [ideas, table]);
  const newestFirst = useMemo(() => [...filtered].reverse(), [filtered]);
  const siteIds = useMemo(() => sites.map((site) => site.id), [sites]);
  const siteNames = useMemo(() => new Map(sites.map((site) => [site.id, site.name])), [sites]);
  const texts = useMemo(() => new Map(ideas.map((idea) => [idea.id, idea.text])), [ideas]);
  const mergeable = useMemo(() => ideas.filter((idea) => !idea.hidden && !idea.mergedInto), [ideas]);

  return (
    <section className="console-ideas" aria-labelledby="console-ideas-heading">
      <h2 id="console-ideas-heading">
        <Lightbulb aria-hidden="true" className="icon" />
        {t('console.ideasHeading')}{' '}
        <span className="console-ideas__count" aria-live="polite">
          ({t('console.ideasCount', { count: filtered.length })})
        </span>
      </h2>
      {tableCount > 0 && (
        <label className="console-ideas__filter">
          {t('tables.filter')}{' '}
          <select
            className="input"
            value={table ?? ''}
            onChange={(event) => setTable(event.target.value === '' ? null : Number(event.target.value))}
            data-testid="idea-table-filter"
          >
            <TableOptions count={tableCount} emptyLabel={t('tables.allTables')} />
          </select>
        </label>
      )}
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
              socket={socket}
              onIdea={onIdea}
              themes={themes}
              mergeTargets={mergeable.filter((target) => target.id !== idea.id)}
              mergedIntoText={idea.mergedInto ? (texts.get(idea.mergedInto) ?? null) : null}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
