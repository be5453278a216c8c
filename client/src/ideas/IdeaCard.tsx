import type { IdeaView } from '@gommette/shared';
import { TableBadge } from '../run/TableBadge';

interface IdeaCardProps {
  idea: IdeaView;
  siteName: string | null;
  colorClass: string;
  /** Arrived after the screen opened: pops in (unless reduced motion is asked for). */
  fresh: boolean;
  /** A long idea: two columns wide on the wall, so it stays whole in its note. */
  long?: boolean;
}

/** A post-it on the wall. */
export function IdeaCard({ idea, siteName, colorClass, fresh, long = false }: IdeaCardProps) {
  return (
    <li className={`idea-card ${colorClass}${fresh ? ' idea-card--fresh' : ''}${long ? ' idea-card--long' : ''}`} data-testid="idea-card">
      <p className="idea-card__text" dir="auto">
        {idea.text}
      </p>
      {siteName && (
        <p className="idea-card__site" dir="auto">
          {siteName}
        </p>
      )}
      {idea.tableId !== null && <TableBadge table={idea.tableId} className="idea-card__table" />}
      {idea.theme && <p className="idea-card__theme">#{idea.theme}</p>}
    </li>
  );
}
