import type { IdeaView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../api/errors';
import { errorMessage } from '../components/errorMessage';

interface IdeaRowProps {
  idea: IdeaView;
  siteName: string | null;
  colorClass: string;
  busy: boolean;
  error: ClientErrorCode | undefined;
  onSetHidden: (ideaId: string, hidden: boolean) => void;
}

export function IdeaRow({ idea, siteName, colorClass, busy, error, onSetHidden }: IdeaRowProps) {
  const { t, i18n } = useTranslation();
  const hidden = idea.hidden === true;
  const time = new Date(idea.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });

  return (
    <li className={`idea-row ${colorClass}${hidden ? ' idea-row--hidden' : ''}`} data-testid="idea-row" data-hidden={String(hidden)}>
      <div className="idea-row__body">
        <p className="idea-row__text">{idea.text}</p>
        <p className="idea-row__meta">
          {siteName && <span className="idea-row__site">{siteName}</span>}
          <time dateTime={new Date(idea.createdAt).toISOString()}>{time}</time>
          {hidden && (
            <span className="idea-row__hidden-label">
              <span aria-hidden="true">🙈 </span>
              {t('console.hiddenLabel')}
            </span>
          )}
        </p>
        {error && (
          <p className="error-text" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
      </div>
      {hidden ? (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => onSetHidden(idea.id, false)} data-testid="show-idea">
          <span aria-hidden="true">👁️ </span>
          {t('console.show')}
        </button>
      ) : (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => onSetHidden(idea.id, true)} data-testid="hide-idea">
          <span aria-hidden="true">🙈 </span>
          {t('console.hide')}
        </button>
      )}
    </li>
  );
}
