import { Check, Hourglass, Pencil, TriangleAlert } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../components/errorMessage';
import type { MyIdea } from './myIdeas';

interface MyIdeaItemProps {
  idea: MyIdea;
  onRetake: (id: string) => void;
}

/** Whole seconds until `at` (at least 1), ticking once a second while it is shown. */
function useSecondsUntil(at: number | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === undefined ? null : Math.max(1, Math.ceil((at - now) / 1_000));
}

export function MyIdeaItem({ idea, onRetake }: MyIdeaItemProps) {
  const { t } = useTranslation();
  // Held back by the per-minute limit: the network is fine, the server asked to wait.
  const held = idea.state === 'pending' && idea.notice === 'rate_limited';
  const seconds = useSecondsUntil(held ? idea.retryAt : undefined);
  return (
    <li className={`my-idea my-idea--${idea.state}`} data-testid="my-idea" data-state={idea.state}>
      <p className="my-idea__text" dir="auto">
        {idea.text}
      </p>
      {idea.state === 'sent' && (
        <p className="my-idea__state">
          <Check aria-hidden="true" className="icon" />
          {t('phone.sent')}
        </p>
      )}
      {held && (
        <p className="my-idea__state" data-testid="my-idea-held">
          <Hourglass aria-hidden="true" className="icon" />
          {seconds === null ? t('errors.rate_limited') : t('phone.held', { count: seconds })}
        </p>
      )}
      {idea.state === 'pending' && !held && (
        <p className="my-idea__state">
          <Hourglass aria-hidden="true" className="icon" />
          {t('phone.pending')}
        </p>
      )}
      {idea.state === 'pending' && (idea.notice === 'hand_raised' || idea.notice === 'phase_closed') && (
        <p className="my-idea__notice">{t(`errors.${idea.notice}`)}</p>
      )}
      {idea.state === 'error' && (
        <>
          <p className="my-idea__state">
            <TriangleAlert aria-hidden="true" className="icon" />
            {t('phone.failed')}
          </p>
          <p className="error-text" role="alert">
            {errorMessage(t, idea.errorCode ?? 'internal')}
          </p>
          <button type="button" className="button button--secondary" onClick={() => onRetake(idea.id)}>
            <Pencil aria-hidden="true" className="icon" />
            {t('phone.edit')}
          </button>
        </>
      )}
    </li>
  );
}
