import type { AccountView } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertText } from '../components/AlertText';
import { TextField } from '../components/TextField';
import { centreApi } from './api';
import { CredentialsFields } from './CredentialsFields';
import { refusalMessage } from './refusal';

interface CreateCentreFormProps {
  /** Signed in: the account becomes the admin. Otherwise the form asks for the admin's login. */
  signedIn: boolean;
  onCreated: (account: AccountView) => void;
}

export function CreateCentreForm({ signedIn, onCreated }: CreateCentreFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [town, setTown] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const account = await centreApi.createCentre({ name, town, ...(signedIn ? {} : { admin: { login: login.trim(), password } }) });
      // Created: the form empties, ready for another centre (it stays on the page when signed in).
      setName('');
      setTown('');
      setLogin('');
      setPassword('');
      onCreated(account);
    } catch (failure) {
      setError(refusalMessage(t, failure, 'account'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="centre-card stack" onSubmit={handleSubmit} data-testid="create-centre-form">
      <h2>{t('centre.createHeading')}</h2>
      <p className="hint">{t('centre.createIntro')}</p>
      <TextField label={t('centre.centreName')} name="centre-name" value={name} onChange={setName} testId="centre-name" />
      <TextField label={t('centre.town')} name="centre-town" value={town} onChange={setTown} testId="centre-town" />
      {!signedIn && (
        <CredentialsFields login={login} password={password} onLogin={setLogin} onPassword={setPassword} creating loginLabel={t('centre.adminLogin')} />
      )}
      {error && <AlertText>{error}</AlertText>}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="create-centre">
        {t('centre.create')}
      </button>
    </form>
  );
}
