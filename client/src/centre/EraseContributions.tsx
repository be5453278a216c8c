import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { centreApi } from './api';
import { refusalMessage } from './refusal';

interface EraseContributionsProps {
  participantToken: string;
  /** After the erasure: the phone forgets this workshop's seat. */
  onErased: () => void;
}

/** "Effacer mes contributions": the resident erases their own ideas and profile from their phone. */
export function EraseContributions({ participantToken, onErased }: EraseContributionsProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const handleErase = async () => {
    if (!window.confirm(t('centre.erase.confirm'))) return;
    setBusy(true);
    setError(null);
    try {
      const result = await centreApi.eraseMe(participantToken);
      window.alert(t('centre.erase.done', { count: result.erasedIdeas }));
      onErased();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="erase-contributions">
      <button type="button" className="button button--secondary" onClick={() => void handleErase()} disabled={busy} data-testid="erase-contributions">
        <Trash2 aria-hidden="true" className="icon" />
        {t('centre.erase.button')}
      </button>
      {error && <AlertText>{error}</AlertText>}
    </div>
  );
}
