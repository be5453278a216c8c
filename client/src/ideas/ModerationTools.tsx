import { Check, NotebookPen, X } from 'lucide-react';
import { nanoid } from 'nanoid';
import { normalizeText, type IdeaView, type RoomView, type SiteLink } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { useCommand } from '../socket/command';

interface ModerationToolsProps {
  socket: GommetteSocket | null;
  room: RoomView;
  ideas: ReadonlyArray<IdeaView>;
  sites: ReadonlyArray<SiteLink>;
  onRoom: (room: RoomView) => void;
  onIdea: (idea: IdeaView) => void;
}

/** Safe mode, themes and paper post-its: what the facilitator sets around the ideas. */
export function ModerationTools({ socket, room, ideas, sites, onRoom, onIdea }: ModerationToolsProps) {
  const { t } = useTranslation();
  const command = useCommand(socket);
  const [theme, setTheme] = useState('');
  const [paper, setPaper] = useState('');
  const [paperSite, setPaperSite] = useState(sites[0]?.id ?? '');
  const pending = ideas.filter((idea) => idea.pending && !idea.hidden).length;

  const addTheme = (event: FormEvent) => {
    event.preventDefault();
    const name = normalizeText(theme);
    if (name.length === 0) return;
    command.send('room:update', { themes: [...room.themes, name] }, (next) => {
      onRoom(next);
      setTheme('');
    });
  };

  const addPaper = (event: FormEvent) => {
    event.preventDefault();
    const text = normalizeText(paper, { multiline: true });
    if (text.length === 0 || !paperSite) return;
    command.send('idea:paper', { id: nanoid(), text, siteId: paperSite, tableId: null }, (idea) => {
      onIdea(idea);
      setPaper('');
    });
  };

  return (
    <section className="console-panel moderation-tools" aria-labelledby="moderation-tools-heading">
      <h2 id="moderation-tools-heading" className="visually-hidden">
        {t('moderation.themesHeading')}
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={room.safeMode}
          onChange={(event) => command.send('room:update', { safeMode: event.target.checked }, onRoom)}
          data-testid="safe-mode"
        />
        {t('moderation.safeMode')}
      </label>
      {pending > 0 && (
        <button
          type="button"
          className="button button--primary"
          disabled={command.busy}
          onClick={() => command.send('ideas:approveAll', {})}
          data-testid="approve-all"
        >
          <Check aria-hidden="true" className="icon" />
          {t('moderation.approveAll', { count: pending })}
        </button>
      )}

      <h3>{t('moderation.themesHeading')}</h3>
      <ul className="themes-list">
        {room.themes.map((name) => (
          <li key={name} className="tag">
            #{name}{' '}
            <button
              type="button"
              className="button button--link"
              aria-label={t('moderation.removeTheme', { theme: name })}
              onClick={() => command.send('room:update', { themes: room.themes.filter((item) => item !== name) }, onRoom)}
            >
              <X aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={addTheme}>
        <label className="visually-hidden" htmlFor="new-theme">
          {t('moderation.themeLabel')}
        </label>
        <input
          id="new-theme"
          className="input"
          value={theme}
          maxLength={40}
          placeholder={t('moderation.themePlaceholder')}
          onChange={(event) => setTheme(event.target.value)}
          data-testid="new-theme"
        />
        <button type="submit" className="button button--secondary" disabled={command.busy} data-testid="add-theme">
          {t('moderation.addTheme')}
        </button>
      </form>

      <h3>{t('moderation.paperHeading')}</h3>
      <form className="stack" onSubmit={addPaper}>
        <label className="field-label" htmlFor="paper-idea">
          {t('moderation.paperLabel')}
        </label>
        <textarea id="paper-idea" className="input" rows={2} value={paper} onChange={(event) => setPaper(event.target.value)} data-testid="paper-idea" />
        {sites.length > 1 && (
          <select className="input" aria-label={t('moderation.paperSite')} value={paperSite} onChange={(event) => setPaperSite(event.target.value)}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="button button--secondary" disabled={command.busy} data-testid="add-paper">
          <NotebookPen aria-hidden="true" className="icon" />
          {t('moderation.paperSubmit')}
        </button>
      </form>
      {command.error && <AlertText>{errorMessage(t, command.error)}</AlertText>}
    </section>
  );
}
