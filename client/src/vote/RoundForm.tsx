import { MAX_VOTE_BUDGET, type IdeaView, type RoundIdeas, type VoteOpenPayload } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface RoundFormProps {
  /** Visible ideas, for "the ideas I tick". */
  ideas: ReadonlyArray<IdeaView>;
  busy: boolean;
  onOpen: (payload: VoteOpenPayload) => void;
}

type IdeaChoice = 'all' | 'quadrant' | 'list';

/** The facilitator's settings for a new round. */
export function RoundForm({ ideas, busy, onOpen }: RoundFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [choice, setChoice] = useState<IdeaChoice>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [budget, setBudget] = useState(3);
  const [stacking, setStacking] = useState(false);
  const [cap, setCap] = useState('');
  const [selfVote, setSelfVote] = useState(true);
  const [results, setResults] = useState<'live' | 'hidden'>('live');
  const [closing, setClosing] = useState<'manual' | 'at'>('manual');
  const [closesAt, setClosesAt] = useState('');

  const selection: RoundIdeas = choice === 'list' ? { from: 'list', ideaIds: [...chosen] } : { from: choice };
  const closeTime = closing === 'at' && closesAt ? new Date(closesAt).getTime() : null;
  const valid = (choice !== 'list' || chosen.size > 0) && (closing === 'manual' || closeTime !== null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!valid) return;
    const capNumber = Number.parseInt(cap, 10);
    onOpen({
      id: nanoid(),
      ideas: selection,
      budget,
      stacking,
      capPerIdea: stacking && Number.isInteger(capNumber) && capNumber > 0 ? capNumber : null,
      selfVote,
      results,
      closesAt: closing === 'at' ? closeTime : null,
    });
  };

  const toggle = (ideaId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(ideaId)) next.delete(ideaId);
      else next.add(ideaId);
      return next;
    });

  return (
    <form className="round-form" onSubmit={handleSubmit} data-testid="round-form">
      <h3>{t('vote.openHeading')}</h3>
      <fieldset>
        <legend>{t('vote.ideasLegend')}</legend>
        {(['all', 'quadrant', 'list'] as const).map((value) => (
          <label key={value} className="round-form__option">
            <input type="radio" name={`${formId}-ideas`} checked={choice === value} onChange={() => setChoice(value)} />{' '}
            {value === 'all' ? t('vote.ideasAll') : value === 'quadrant' ? t('vote.ideasQuadrant') : t('vote.ideasChosen')}
          </label>
        ))}
        {choice === 'list' && (
          <ul className="round-form__ideas">
            {ideas.map((idea) => (
              <li key={idea.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(idea.id)} onChange={() => toggle(idea.id)} /> <bdi>{idea.text}</bdi>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <label className="round-form__field">
        {t('vote.budgetLabel')}
        <input
          type="number"
          min={1}
          max={MAX_VOTE_BUDGET}
          value={budget}
          onChange={(event) => setBudget(Math.min(MAX_VOTE_BUDGET, Math.max(1, Number(event.target.value) || 1)))}
          data-testid="round-budget"
        />
      </label>
      <label className="round-form__option">
        <input type="checkbox" checked={stacking} onChange={(event) => setStacking(event.target.checked)} /> {t('vote.stackingLabel')}
      </label>
      {stacking && (
        <label className="round-form__field">
          {t('vote.capLabel')}
          <input type="number" min={1} max={MAX_VOTE_BUDGET} value={cap} onChange={(event) => setCap(event.target.value)} />
        </label>
      )}
      <label className="round-form__option">
        <input type="checkbox" checked={selfVote} onChange={(event) => setSelfVote(event.target.checked)} /> {t('vote.selfVoteLabel')}
      </label>
      <fieldset>
        <legend>{t('vote.resultsLegend')}</legend>
        <label className="round-form__option">
          <input type="radio" name={`${formId}-results`} checked={results === 'live'} onChange={() => setResults('live')} /> {t('vote.resultsLive')}
        </label>
        <label className="round-form__option">
          <input type="radio" name={`${formId}-results`} checked={results === 'hidden'} onChange={() => setResults('hidden')} /> {t('vote.resultsHiddenOption')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('vote.closeLegend')}</legend>
        <label className="round-form__option">
          <input type="radio" name={`${formId}-close`} checked={closing === 'manual'} onChange={() => setClosing('manual')} /> {t('vote.closeManual')}
        </label>
        <label className="round-form__option">
          <input type="radio" name={`${formId}-close`} checked={closing === 'at'} onChange={() => setClosing('at')} data-testid="round-close-at" />{' '}
          {t('vote.closeAt')}
        </label>
        {closing === 'at' && (
          <label className="round-form__field">
            {t('vote.closeAtLabel')}
            <input type="datetime-local" step={1} value={closesAt} onChange={(event) => setClosesAt(event.target.value)} data-testid="round-closes-at" />
          </label>
        )}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy || !valid} data-testid="round-open">
        {t('vote.open')}
      </button>
    </form>
  );
}
