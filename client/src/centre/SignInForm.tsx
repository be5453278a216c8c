import type { AccountView } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { centreApi } from './api';
import { CredentialsFields } from './CredentialsFields';
import { refusalMessage } from './refusal';

export function SignInForm({ onSignedIn }: { onSignedIn: (account: AccountView) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await centreApi.signIn(login.trim(), password));
    } catch (failure) {
      setError(refusalMessage(t, failure, 'signIn'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="centre-card stack" onSubmit={handleSubmit} data-testid="sign-in-form">
      <h2>{t('centre.signInHeading')}</h2>
      <CredentialsFields login={login} password={password} onLogin={setLogin} onPassword={setPassword} creating={false} />
      {error && <AlertText testId="sign-in-error">{error}</AlertText>}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="sign-in">
        {t('centre.signIn')}
      </button>
    </form>
  );
}
