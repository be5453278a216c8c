import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalMessage } from './refusal';

/**
 * A space tab's actions: `run` clears the last outcome, runs the action, then shows `done` (if
 * any) and reloads, or shows the refusal in the member's language.
 */
export function useCentreAction(reload: () => void): {
  message: string | null;
  error: string | null;
  run: (action: () => Promise<unknown>, done?: string) => Promise<void>;
} {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, done?: string) => {
    setError(null);
    setMessage(null);
    try {
      await action();
      if (done) setMessage(done);
      reload();
    } catch (failure) {
      setError(refusalMessage(t, failure));
    }
  };
  return { message, error, run };
}
