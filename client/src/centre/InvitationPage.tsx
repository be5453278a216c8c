import type { AccountView } from '@gommette/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { errorCodeOf } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { LoadingScreen } from '../components/LoadingScreen';
import { centreApi } from './api';
import { CentreHeader } from './CentreHeader';
import { CredentialsFields } from './CredentialsFields';
import { refusalMessage } from './refusal';
import '../styles/centre.css';

/** The invitation's secret is after `#`, so it never reaches a server log. */
function invitationToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return token && /^[A-Za-z0-9_-]{20,128}$/.test(token) ? token : null;
}

/** `/centre/invitation#t=…`: a new account (or the signed-in one) joins the centre. */
export function InvitationPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [token] = useState(() => invitationToken(window.location.hash));
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The centre's name, so the person knows what they join (null: unknown or used invitation).
  const [centreName, setCentreName] = useState<string | null>(null);

  useEffect(() => {
    centreApi.account().then(setAccount, () => setAccount(null));
  }, []);

  useEffect(() => {
    if (!token) return;
    centreApi.lookupInvitation(token).then(
      (found) => setCentreName(found.centreName),
      (failure: unknown) => {
        if (errorCodeOf(failure) === 'not_found') setError(t('centre.invitationInvalid'));
      },
    );
  }, [token, t]);

  const accept = async (withNewAccount: boolean) => {
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      const joined = await centreApi.acceptInvitation(token, withNewAccount ? { login: login.trim(), password } : undefined);
      const newest = joined.centres.at(-1);
      navigate(newest ? `/centre/${newest.id}` : '/centre');
    } catch (failure) {
      setError(errorCodeOf(failure) === 'not_found' ? t('centre.invitationInvalid') : refusalMessage(t, failure, 'account'));
    } finally {
      setBusy(false);
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void accept(true);
  };

  if (account === undefined) return <LoadingScreen />;
  return (
    <main className="page page--narrow centre">
      <CentreHeader />
      <h1>{t('centre.invitationHeading')}</h1>
      {centreName && (
        <p className="centre__invited" data-testid="invitation-centre">
          {t('centre.invitationCentre', { centre: centreName })}
        </p>
      )}
      {!token ? (
        <AlertText>{t('centre.invitationMissing')}</AlertText>
      ) : (
        <>
          {account && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void accept(false)} data-testid="join-signed-in">
              {t('centre.invitationJoinSigned', { login: account.login })}
            </button>
          )}
          <form className="centre-card stack" onSubmit={handleSubmit} data-testid="invitation-form">
            <p>{t('centre.invitationIntro')}</p>
            <CredentialsFields login={login} password={password} onLogin={setLogin} onPassword={setPassword} creating />
            <button type="submit" className="button button--primary" disabled={busy} data-testid="accept-invitation">
              {t('centre.invitationAccept')}
            </button>
          </form>
          {error && <AlertText testId="invitation-error">{error}</AlertText>}
        </>
      )}
    </main>
  );
}
