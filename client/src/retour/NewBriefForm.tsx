import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BRIEF_IDEAS, briefableIdeas, topOfRound, type Brief, type IdeaView, type VoteResults } from '@gommette/shared';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { createBrief } from './retourApi';

interface Props {
  workshopId: string;
  token: string;
  ideas: ReadonlyArray<IdeaView>;
  results: VoteResults | null;
  onCreated: (brief: Brief) => void;
}

/** A new brief: a title and the ideas that led to it (picked by hand, or the top of the vote). */
export function NewBriefForm({ workshopId, token, ideas, results, onCreated }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const usable = briefableIdeas(ideas.map((idea) => ({ ...idea, hidden: idea.hidden ?? false, mergedInto: idea.mergedInto ?? null })));
  const totals = new Map((results?.ranking ?? []).map((row) => [row.ideaId, row.total]));
  const top = topOfRound(results).filter((id) => usable.some((idea) => idea.id === id));

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else if (next.size < MAX_BRIEF_IDEAS) next.add(id);
      return next;
    });

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    createBrief(workshopId, token, { title, ideaIds: [...chosen] })
      .then(
        (brief) => {
          setTitle('');
          setChosen(new Set());
          onCreated(brief);
        },
        (failure: unknown) => setError(errorCodeOf(failure)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="retour-form new-brief" onSubmit={handleSubmit} data-testid="new-brief">
      <h4>{t('retour.newBrief')}</h4>
      <label>
        {t('retour.briefTitle')}
        <input className="input" value={title} maxLength={120} required onChange={(event) => setTitle(event.target.value)} data-testid="brief-title" />
      </label>
      <fieldset>
        <legend>{t('retour.chooseIdeas')}</legend>
        {top.length > 0 && (
          <button type="button" className="button" onClick={() => setChosen(new Set(top))} data-testid="take-top">
            {t('retour.takeTop')}
          </button>
        )}
        <ul className="new-brief__ideas">
          {usable.map((idea) => (
            <li key={idea.id}>
              <label>
                <input type="checkbox" checked={chosen.has(idea.id)} onChange={() => toggle(idea.id)} />
                {idea.text}
                {totals.has(idea.id) && <span className="new-brief__votes"> · {t('retour.gommettes', { count: totals.get(idea.id) ?? 0 })}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy || chosen.size === 0 || title.trim() === ''} data-testid="create-brief">
        {t('retour.createBrief')}
      </button>
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
    </form>
  );
}
