import type { AccountView } from '@gommette/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LoadingScreen } from '../components/LoadingScreen';
import { centreApi } from './api';
import { CentreHeader } from './CentreHeader';
import { CreateCentreForm } from './CreateCentreForm';
import { SignInForm } from './SignInForm';
import '../styles/centre.css';

/** `/centre`: sign in, my centres, create a centre's space. */
export function CentreHomePage() {
  const { t } = useTranslation();
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);

  useEffect(() => {
    centreApi.account().then(setAccount, () => setAccount(null));
  }, []);

  const handleSignOut = useCallback(async () => {
    await centreApi.signOut().catch(() => undefined);
    setAccount(null);
  }, []);

  if (account === undefined) return <LoadingScreen />;
  return (
    <main className="page centre">
      <CentreHeader>
        {account && (
          <>
            <span className="hint">{t('centre.signedInAs', { login: account.login })}</span>
            <button type="button" className="button button--secondary" onClick={handleSignOut} data-testid="sign-out">
              {t('centre.signOut')}
            </button>
          </>
        )}
      </CentreHeader>
      <h1>{t('centre.title')}</h1>
      <p className="lead">{t('centre.intro')}</p>
      {account ? (
        <section className="centre-card stack" aria-labelledby="my-centres">
          <h2 id="my-centres">{t('centre.myCentres')}</h2>
          {account.centres.length === 0 ? (
            <p>{t('centre.noCentre')}</p>
          ) : (
            <ul className="centre-list" data-testid="my-centres">
              {account.centres.map((centre) => (
                <li key={centre.id}>
                  <Link href={`/centre/${centre.id}`}>
                    {centre.name} ({centre.town})
                  </Link>{' '}
                  <span className="tag">{t(`centre.roles.${centre.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        <SignInForm onSignedIn={setAccount} />
      )}
      <CreateCentreForm signedIn={account !== null} onCreated={setAccount} />
    </main>
  );
}
