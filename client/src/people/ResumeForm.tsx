import { ArrowRight, IdCard } from 'lucide-react';
import { normalizeCardCode, type JoinResponse } from '@gommette/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { CodeInput } from '../components/CodeInput';
import { resumeWithCard } from '../api/participants';
import { resumeErrorMessage } from './joinErrors';

interface ResumeFormProps {
  onResumed: (response: JoinResponse) => void;
  onCancel: () => void;
}

/** "J'ai déjà une carte": continue as the same participant on this phone. */
export function ResumeForm({ onResumed, onCancel }: ResumeFormProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const inputId = useId();

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cardCode = normalizeCardCode(typed);
    if (!cardCode) {
      setError(t('join.cardInvalid'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onResumed(await resumeWithCard({ cardCode }));
    } catch (failure) {
      setError(resumeErrorMessage(t, errorCodeOf(failure)));
      setSubmitting(false);
    }
  };

  return (
    <form className="stack card-form" onSubmit={handleSubmit} noValidate>
      <h2>
        <IdCard aria-hidden="true" className="icon" />
        {t('join.resumeHeading')}
      </h2>
      <label className="field-label" htmlFor={inputId}>
        {t('join.cardLabel')}
      </label>
      <CodeInput id={inputId} value={typed} onChange={setTyped} invalid={error !== null} testId="card-input" />
      {error && <AlertText testId="error">{error}</AlertText>}
      <button type="submit" className="button button--primary" disabled={submitting} data-testid="resume-submit">
        <ArrowRight aria-hidden="true" className="icon icon--flip" />
        {submitting ? t('join.submitting') : t('join.resumeSubmit')}
      </button>
      <button type="button" className="button button--link" onClick={onCancel}>
        {t('join.back')}
      </button>
    </form>
  );
}
