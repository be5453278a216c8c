import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { TextField } from '../components/TextField';
import { centreApi } from './api';
import { refusalMessage } from './refusal';

export function NewSeriesForm({ centreId, onCreated }: { centreId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await centreApi.createSeries(centreId, title, question);
      setTitle('');
      setQuestion('');
      onCreated();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };

  return (
    <form className="centre-card stack" onSubmit={handleSubmit} data-testid="new-series-form">
      <h2>{t('centre.series.newHeading')}</h2>
      <TextField label={t('centre.series.title')} name="series-title" value={title} onChange={setTitle} testId="series-title" />
      <TextField label={t('centre.series.question')} name="series-question" value={question} onChange={setQuestion} testId="series-question" multiline />
      {error && <AlertText>{error}</AlertText>}
      <button type="submit" className="button button--primary" data-testid="create-series">
        {t('centre.series.create')}
      </button>
    </form>
  );
}
