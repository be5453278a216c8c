import { Check, Save } from 'lucide-react';
import { normalizeText, type PhaseSpec, type RoomView } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { saveTemplate } from '../api/workshops';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';

interface SaveMethodFormProps {
  workshopId: string;
  token: string;
  room: RoomView;
}

/** "Enregistrer cette méthode": the next facilitator of the centre starts from the same steps. */
export function SaveMethodForm({ workshopId, token, room }: SaveMethodFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ClientErrorCode | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (normalizeText(name).length === 0 || room.phases.length === 0) return;
    // Staff views carry every instruction.
    const phases: PhaseSpec[] = room.phases.map((phase) => ({ ...phase, instruction: phase.instruction ?? '' }));
    setState('saving');
    setError(null);
    try {
      await saveTemplate(workshopId, token, { name, description: '', phases });
      setState('saved');
      setName('');
    } catch (failure) {
      setError(errorCodeOf(failure));
      setState('idle');
    }
  };

  return (
    <form className="inline-form save-method" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="save-method-name">
        {t('run.templateName')}
      </label>
      <input
        id="save-method-name"
        className="input"
        value={name}
        maxLength={80}
        placeholder={t('run.templateName')}
        onChange={(event) => {
          setName(event.target.value);
          setState('idle');
        }}
        data-testid="save-method-name"
      />
      <button type="submit" className="button button--secondary" disabled={state === 'saving'} data-testid="save-method">
        <Save aria-hidden="true" className="icon" />
        {t('run.saveTemplate')}
      </button>
      {state === 'saved' && (
        <p role="status">
          <Check aria-hidden="true" className="icon" />
          {t('run.templateSaved')}
        </p>
      )}
      {error && <AlertText>{errorMessage(t, error)}</AlertText>}
    </form>
  );
}
