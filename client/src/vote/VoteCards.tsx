import { Circle } from 'lucide-react';
import { checkCast, countOn, isRoundOpen, remainingGommettes, type MyGommette, type RoundView } from '@gommette/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GommetteDots } from './GommetteDots';
import { useServerNow } from '../socket/useServerNow';

interface VoteCardsProps {
  round: RoundView;
  /** Add to `Date.now()` to read the server's clock: `closesAt` is on the server's clock. */
  clockOffsetMs: number;
  /** The voter's gommettes, pending taps included. */
  mine: ReadonlyArray<MyGommette>;
  /** Ideas this voter wrote (never at a kiosk). */
  ownIdeaIds: ReadonlySet<string>;
  pendingCount: number;
  onStick: (ideaId: string) => void;
  onTakeBack: (gommetteId: string) => void;
  /** Beside the heading: "Écouter" (the ballot read aloud). */
  headingAction?: ReactNode;
}

/**
 * The "giant smartphone": the ballot's ideas in one column, each with a big "+" to stick a
 * gommette and a "−" to take one back. No text to type; one thumb is enough.
 */
export function VoteCards({ round, clockOffsetMs, mine, ownIdeaIds, pendingCount, onStick, onTakeBack, headingAction }: VoteCardsProps) {
  const { t, i18n } = useTranslation();
  const now = useServerNow(clockOffsetMs, false, round.closesAt);
  const open = isRoundOpen(round, now);
  const left = remainingGommettes(round, mine);
  const asRound = { ...round, workshopId: '', version: 0 };

  return (
    <section className="vote-cards" aria-labelledby="vote-cards-heading" data-testid="vote-cards">
      <div className="vote-cards__top">
        <h2 id="vote-cards-heading" className="vote-cards__heading">
          <Circle aria-hidden="true" className="icon icon--gommette" />
          {t('vote.phoneHeading')}
        </h2>
        {headingAction}
      </div>
      {open ? (
        <>
          <p className="vote-cards__left" aria-live="polite" data-testid="vote-left" data-left={left}>
            <GommetteDots total={round.budget} used={round.budget - left} />
            <span>{left > 0 ? t('vote.left', { count: left, budget: round.budget }) : t('vote.noneLeft')}</span>
          </p>
          <p className="hint">{t('vote.phoneHint')}</p>
          {round.closesAt !== null && (
            <p className="hint">
              {t('vote.closesAt', { time: new Date(round.closesAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}
            </p>
          )}
        </>
      ) : (
        <p className="vote-cards__closed" role="status" data-testid="vote-closed">
          {t('vote.closed')}
        </p>
      )}
      {pendingCount > 0 && <p className="hint">{t('vote.pending')}</p>}
      <ul className="vote-cards__list">
        {round.ideas.map((idea) => {
          const on = countOn(mine, idea.id);
          const own = ownIdeaIds.has(idea.id);
          const canStick = open && checkCast({ round: asRound, mine, ideaId: idea.id, ownIdea: own, now }) === null;
          const last = [...mine].reverse().find((gommette) => gommette.ideaId === idea.id);
          return (
            <li key={idea.id} className={`vote-card${on > 0 ? ' vote-card--chosen' : ''}`} data-testid="vote-card" data-count={on}>
              <p className="vote-card__text" dir="auto">
                {idea.text}
              </p>
              {own && <p className="vote-card__own">{t('vote.ownIdea')}</p>}
              <div className="vote-card__row">
                {/* The dots say it to the eye; the words say it to screen readers (a span cannot carry a label). */}
                <span className="vote-card__mine">
                  {Array.from({ length: on }, (_, index) => (
                    <span key={index} className="gommette" aria-hidden="true" />
                  ))}
                  <span className="visually-hidden">{t('vote.onIdea', { count: on })}</span>
                </span>
                <button
                  type="button"
                  className="button vote-card__button vote-card__button--back"
                  disabled={!open || !last}
                  onClick={() => last && onTakeBack(last.id)}
                  aria-label={`${t('vote.takeBack')} : ${idea.text}`}
                >
                  −
                </button>
                <button
                  type="button"
                  className="button button--primary vote-card__button"
                  disabled={!canStick}
                  onClick={() => onStick(idea.id)}
                  data-testid="vote-stick"
                  aria-label={`${t('vote.stick')} : ${idea.text}`}
                >
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
