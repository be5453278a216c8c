import { Check, CircleParking, Eye, EyeOff, Hourglass, Link, Pencil } from 'lucide-react';
import type { IdeaModeration, IdeaView } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientErrorCode } from '../api/errors';
import { TableBadge } from '../run/TableBadge';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { useCommand } from '../socket/command';

interface IdeaRowProps {
  idea: IdeaView;
  siteName: string | null;
  colorClass: string;
  busy: boolean;
  error: ClientErrorCode | undefined;
  onSetHidden: (ideaId: string, hidden: boolean) => void;
  /** Null for read-only views (observers). */
  socket: GommetteSocket | null;
  onIdea: (idea: IdeaView) => void;
  themes: ReadonlyArray<string>;
  /** Ideas this one may be merged into (not itself, not already merged). */
  mergeTargets: ReadonlyArray<IdeaView>;
  mergedIntoText: string | null;
}

export function IdeaRow({ idea, siteName, colorClass, busy, error, onSetHidden, socket, onIdea, themes, mergeTargets, mergedIntoText }: IdeaRowProps) {
  const { t, i18n } = useTranslation();
  const command = useCommand(socket);
  const [editing, setEditing] = useState(false);
  // The list of other ideas is built only when asked for: hundreds of rows stay light.
  const [merging, setMerging] = useState(false);
  const [text, setText] = useState(idea.text);
  const hidden = idea.hidden === true;
  const readOnly = socket === null;
  const time = new Date(idea.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const moderate = (moderation: IdeaModeration, done?: () => void) =>
    command.send('idea:moderate', { ideaId: idea.id, moderation }, (updated) => {
      onIdea(updated);
      done?.();
    });

  const saveEdit = (event: FormEvent) => {
    event.preventDefault();
    moderate({ type: 'edit', text }, () => setEditing(false));
  };

  return (
    <li
      className={`idea-row ${colorClass}${hidden ? ' idea-row--hidden' : ''}${idea.pending ? ' idea-row--pending' : ''}${idea.mergedInto ? ' idea-row--merged' : ''}`}
      data-testid="idea-row"
      data-hidden={String(hidden)}
      data-pending={String(idea.pending === true)}
    >
      <div className="idea-row__body">
        {editing ? (
          <form className="inline-form" onSubmit={saveEdit}>
            <label className="visually-hidden" htmlFor={`edit-${idea.id}`}>
              {t('moderation.editLabel')}
            </label>
            <input id={`edit-${idea.id}`} className="input" value={text} onChange={(event) => setText(event.target.value)} data-testid="edit-idea-text" />
            <button type="submit" className="button button--primary" disabled={command.busy} data-testid="save-idea-text">
              {t('moderation.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
              {t('moderation.cancel')}
            </button>
          </form>
        ) : (
          <p className="idea-row__text" dir="auto">
            {idea.text}
          </p>
        )}
        {idea.originalText && <p className="idea-row__original">{t('moderation.original', { text: idea.originalText })}</p>}
        <p className="idea-row__meta">
          {siteName && (
            <span className="idea-row__site" dir="auto">
              {siteName}
            </span>
          )}
          {idea.tableId !== null && <TableBadge table={idea.tableId} />}
          <time dateTime={new Date(idea.createdAt).toISOString()}>{time}</time>
          {idea.origin && idea.origin !== 'phone' && <span className="tag">{t(`moderation.origin_${idea.origin}`)}</span>}
          {idea.theme && <span className="tag">#{idea.theme}</span>}
          {idea.parked && (
            <span className="tag">
              <CircleParking aria-hidden="true" className="icon" />
              {t('moderation.parked')}
            </span>
          )}
          {idea.pending && (
            <span className="tag tag--warning">
              <Hourglass aria-hidden="true" className="icon" />
              {t('moderation.pending')}
            </span>
          )}
          {mergedIntoText && (
            <span className="tag">
              <Link aria-hidden="true" className="icon" />
              {t('moderation.mergedInto', { text: mergedIntoText })}
            </span>
          )}
          {hidden && (
            <span className="idea-row__hidden-label">
              <EyeOff aria-hidden="true" className="icon" />
              {t('console.hiddenLabel')}
            </span>
          )}
        </p>
        {error && <AlertText>{errorMessage(t, error)}</AlertText>}
        {command.error && <AlertText>{errorMessage(t, command.error)}</AlertText>}
        {!readOnly && !editing && (
          <div className="idea-row__tools">
            {idea.pending && (
              <button
                type="button"
                className="button button--primary"
                disabled={command.busy}
                onClick={() => moderate({ type: 'approve' })}
                data-testid="approve-idea"
              >
                <Check aria-hidden="true" className="icon" />
                {t('moderation.approve')}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setText(idea.text);
                setEditing(true);
              }}
              data-testid="edit-idea"
            >
              <Pencil aria-hidden="true" className="icon" />
              {t('moderation.edit')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={command.busy}
              onClick={() => moderate({ type: 'park', parked: !idea.parked })}
              data-testid="park-idea"
            >
              <CircleParking aria-hidden="true" className="icon" />
              {idea.parked ? t('moderation.unpark') : t('moderation.park')}
            </button>
            {themes.length > 0 && (
              <select
                className="input"
                aria-label={t('moderation.theme')}
                value={idea.theme ?? ''}
                onChange={(event) => moderate({ type: 'theme', theme: event.target.value === '' ? null : event.target.value })}
                data-testid="idea-theme"
              >
                <option value="">{t('moderation.noTheme')}</option>
                {themes.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
            {idea.mergedInto ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={command.busy}
                onClick={() => moderate({ type: 'merge', into: null })}
                data-testid="unmerge-idea"
              >
                {t('moderation.unmerge')}
              </button>
            ) : (
              mergeTargets.length > 0 &&
              (!merging ? (
                <button type="button" className="button button--secondary" onClick={() => setMerging(true)} data-testid="merge-idea-open">
                  <Link aria-hidden="true" className="icon" />
                  {t('moderation.merge')}
                </button>
              ) : (
                <select
                  className="input"
                  aria-label={t('moderation.mergeLabel')}
                  value=""
                  onChange={(event) => event.target.value && moderate({ type: 'merge', into: event.target.value }, () => setMerging(false))}
                  data-testid="merge-idea"
                >
                  <option value="">{t('moderation.merge')}</option>
                  {mergeTargets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {target.text.slice(0, 60)}
                    </option>
                  ))}
                </select>
              ))
            )}
          </div>
        )}
      </div>
      {!readOnly &&
        (hidden ? (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => onSetHidden(idea.id, false)} data-testid="show-idea">
            <Eye aria-hidden="true" className="icon" />
            {t('console.show')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => onSetHidden(idea.id, true)} data-testid="hide-idea">
            <EyeOff aria-hidden="true" className="icon" />
            {t('console.hide')}
          </button>
        ))}
    </li>
  );
}
