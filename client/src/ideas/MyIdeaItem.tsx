import { useTranslation } from 'react-i18next';
import { errorMessage } from '../components/errorMessage';
import type { MyIdea } from './myIdeas';

interface MyIdeaItemProps {
  idea: MyIdea;
  onRetake: (id: string) => void;
}

export function MyIdeaItem({ idea, onRetake }: MyIdeaItemProps) {
  const { t } = useTranslation();
  return (
    <li className={`my-idea my-idea--${idea.state}`} data-testid="my-idea" data-state={idea.state}>
      <p className="my-idea__text" dir="auto">{idea.text}</p>
      {idea.state === 'sent' && (
        <p className="my-idea__state">
          <span aria-hidden="true">✅ </span>
          {t('phone.sent')}
        </p>
      )}
      {idea.state === 'pending' && (
        <p className="my-idea__state">
          <span aria-hidden="true">⏳ </span>
          {t('phone.pending')}
        </p>
      )}
      {idea.state === 'pending' && (idea.notice === 'rate_limited' || idea.notice === 'hand_raised' || idea.notice === 'phase_closed') && (
        <p className="my-idea__notice">{t(`errors.${idea.notice}`)}</p>
      )}
      {idea.state === 'error' && (
        <>
          <p className="my-idea__state">
            <span aria-hidden="true">⚠️ </span>
            {t('phone.failed')}
          </p>
          <p className="error-text" role="alert">
            {errorMessage(t, idea.errorCode ?? 'internal')}
          </p>
          <button type="button" className="button button--secondary" onClick={() => onRetake(idea.id)}>
            <span aria-hidden="true">✏️ </span>
            {t('phone.edit')}
          </button>
        </>
      )}
    </li>
  );
}
